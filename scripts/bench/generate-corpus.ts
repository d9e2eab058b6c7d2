import fs from 'node:fs';
import path from 'node:path';

/** A small deterministic PRNG (mulberry32): the same seed gives the same corpus on any machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words =
  'council harbour minister budget river station market report school storm ferry election court police hospital energy water festival museum library bridge research vessel coast city village talks agreement protest union trade price rain winter summer season league match final record crowd government opposition committee delegation ceasefire official agency statement survey result plan project road rail airport port museum theatre gallery'.split(
    ' ',
  );
const sections = ['World', 'Politics', 'Economy', 'Science', 'Culture', 'Sport', 'Local', 'Opinion'];
const tags = Array.from({length: 60}, (_, index) => `${words[index % words.length]} ${Math.floor(index / words.length) + 1}`);

/** One generated article as the files of both tools see it. */
export interface GeneratedArticle {
  readonly name: string;
  readonly text: string;
  /** The same article as Markdown with YAML front matter, for Hugo. */
  readonly hugo: string;
}

/**
 * Generate `count` realistic articles (3–4 KB: links, emphasis, a heading, a quote, a list),
 * nine in ten Markdown with full front matter and one in ten plain-text wire copy.
 */
export function generateArticles(count: number, seed = 42): GeneratedArticle[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sentence = (length: number): string => {
    const chosen = Array.from({length}, () => pick(words));
    return `${chosen[0]![0]!.toUpperCase()}${chosen.join(' ').slice(1)}.`;
  };
  const paragraph = (): string => Array.from({length: 4 + Math.floor(next() * 3)}, () => sentence(10 + Math.floor(next() * 8))).join(' ');
  const start = Date.UTC(2015, 0, 1);
  const articles: GeneratedArticle[] = [];
  for (let index = 0; index < count; index++) {
    const date = new Date(start + index * 3 * 3600_000 + Math.floor(next() * 3600_000));
    const day = date.toISOString().slice(0, 10);
    const title = `${sentence(5 + Math.floor(next() * 5)).slice(0, -1)} ${index}`;
    const slug = `story-${index}`;
    const section = pick(sections);
    const articleTags = [...new Set(Array.from({length: 2 + Math.floor(next() * 3)}, () => pick(tags)))];
    const body = [
      paragraph(),
      `${sentence(8).slice(0, -1)} said *${pick(words)}* and **${pick(words)}**, according to [the ${pick(words)} report](https://example.org/${pick(words)}/${index}).`,
      `## ${sentence(4).slice(0, -1)}`,
      paragraph(),
      `> ${sentence(14)} ${sentence(9)}`,
      paragraph(),
      `- ${sentence(6)}\n- ${sentence(7)}\n- ${sentence(5)}`,
      paragraph(),
      paragraph(),
      paragraph(),
    ];
    const frontMatter = [
      '---',
      `title: "${title}"`,
      `date: "${date.toISOString()}"`,
      `author: "${pick(['Ana Lima', 'Ben Okafor', 'Chen Wei', 'Dara Kelly', 'Eli Navarro'])}"`,
      `summary: "${sentence(16)}"`,
      `section: "${section}"`,
      `tags: [${articleTags.map((tag) => `"${tag}"`).join(', ')}]`,
      '---',
      '',
    ].join('\n');
    const markdown = `${frontMatter}${body.join('\n\n')}\n`;
    if (index % 10 === 9) {
      const plain = body.filter((block) => !/^(##|>|-)/.test(block)).map((block) => block.replace(/[*[\]]|\(https?:[^)]*\)/g, ''));
      const wire = `${title}\n\n${sentence(7)} File photo: AFP\n\n${plain.join('\n\n')}\n\nJoin our Weekly Newsletter\n\nLeave a Reply\n`;
      articles.push({name: `${day}-${slug}.txt`, text: wire, hugo: markdown});
    } else {
      articles.push({name: `${day}-${slug}.md`, text: markdown, hugo: markdown});
    }
  }
  return articles;
}

/** Write a corpus for Dateline (`articles/`) and the same content for Hugo (`hugo/content/posts/`). */
export function writeCorpus(dir: string, count: number): {articles: string; hugo: string} {
  const articles = path.join(dir, 'articles');
  const hugo = path.join(dir, 'hugo');
  fs.mkdirSync(articles, {recursive: true});
  fs.mkdirSync(path.join(hugo, 'content', 'posts'), {recursive: true});
  for (const article of generateArticles(count)) {
    fs.writeFileSync(path.join(articles, article.name), article.text);
    fs.writeFileSync(path.join(hugo, 'content', 'posts', article.name.replace(/\.txt$/, '.md')), article.hugo);
  }
  return {articles, hugo};
}
