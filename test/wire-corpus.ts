/**
 * The wire-copy corpus through the real command: every `.txt` in `test/fixtures/wire/` is built
 * as an article of a temporary site, and each page's parts (headline, caption, credit, dateline,
 * authors, paragraphs, trailer, lang and dir) and the build's notes (removed chrome, byline,
 * dateline, trailer, language) are compared with the `.expected.json` beside it.
 * `UPDATE=1` rewrites the expectations: read the diff before committing it.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import type {Element, Root} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {toString} from 'hast-util-to-string';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {fixture, root} from './helpers/config.ts';
import {removeTempDirs, tempDir} from './helpers/files.ts';
import {runCliAsync} from './helpers/run-cli.ts';

const corpus = fixture('wire');
const names = fs.readdirSync(corpus).filter((name) => name.endsWith('.txt')).map((name) => name.slice(0, -4)).sort();
const update = process.env['UPDATE'] === '1';

/** What a page shows of one wire text, and what the build said about it. */
interface Parts {
  headline: string;
  caption: string | null;
  credit: string | null;
  dateline: string | null;
  authors: string[];
  paragraphs: string[];
  trailer: string | null;
  lang: string | null;
  dir: string | null;
  removed: {line: number; text: string}[];
  notes: string[];
}

function elements(node: Root | Element, test: (element: Element) => boolean, found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) found.push(child);
    elements(child, test, found);
  }
  return found;
}
const hasClass = (element: Element, name: string): boolean => ([] as unknown[]).concat(element.properties['className'] ?? []).includes(name);
const text = (element: Element | undefined): string | null => (element ? toString(element).replace(/\s+/g, ' ').trim() : null);

/** The parts of a built article page. */
function readPage(html: string): Omit<Parts, 'removed' | 'notes'> {
  const tree = fromHtml(html);
  const article = elements(tree, (element) => element.tagName === 'article')[0] as Element;
  const body = elements(article, (element) => hasClass(element, 'article-body'))[0] as Element;
  const paragraphs = elements(body, (element) => element.tagName === 'p');
  const figcaption = elements(article, (element) => element.tagName === 'figcaption')[0];
  const credit = figcaption ? elements(figcaption, (element) => hasClass(element, 'credit'))[0] : undefined;
  const captionText = figcaption ? toString({...figcaption, children: figcaption.children.filter((child) => child !== credit)}).trim() : null;
  return {
    headline: text(elements(article, (element) => element.tagName === 'h1')[0]) ?? '',
    caption: captionText,
    credit: text(credit),
    dateline: text(paragraphs.find((p) => hasClass(p, 'dateline')))?.replace(/ —$/u, '') ?? null,
    authors: elements(article, (element) => hasClass(element, 'author')).map((element) => text(element) ?? ''),
    // Paragraph text as written: newlines inside a paragraph kept, only the ends trimmed.
    paragraphs: paragraphs.filter((p) => !hasClass(p, 'dateline') && !hasClass(p, 'trailer')).map((p) => toString(p).trim()),
    trailer: text(paragraphs.find((p) => hasClass(p, 'trailer'))),
    lang: typeof article.properties['lang'] === 'string' ? article.properties['lang'] : null,
    dir: typeof article.properties['dir'] === 'string' ? article.properties['dir'] : null,
  };
}

// Made in the hook, not at import: other suites of the same uvu run remove every temp dir on their way out.
let site = '';
let out = '';
let result: Awaited<ReturnType<typeof runCliAsync>> | undefined;

test.before(async () => {
  site = tempDir();
  out = path.join(site, 'dist');
  const articles = path.join(site, 'articles');
  fs.mkdirSync(articles);
  fs.writeFileSync(
    path.join(site, 'dateline.config.yaml'),
    [`templatesDir: ${JSON.stringify(path.join(root, 'templates'))}`, 'url: https://owner.github.io/repo/', 'language: en', 'author: Corpus Desk', 'search: false', 'chromePatterns:', '  - "^Support independent journalism"', ''].join('\n'),
  );
  for (const name of names) fs.copyFileSync(path.join(corpus, `${name}.txt`), path.join(articles, `2024-03-01-${name}.txt`));
  result = await runCliAsync(['build', '--out', out, '--now', '2030-01-01T00:00:00Z', '--no-cache'], {cwd: site});
});

test('should build every text of the wire corpus into the parts its expectation lists', () => {
  assert.ok(names.length >= 30, `the corpus has ${names.length} texts`);
  assert.ok(result, 'the corpus was built');
  assert.is(result.status, 0, result.stderr);

  const failures: string[] = [];
  for (const name of names) {
    const source = `articles/2024-03-01-${name}.txt`;
    const notes = result.stderr.split('\n').filter((line) => line.startsWith(`${source}:`)).map((line) => line.slice(source.length + 1));
    const removed = notes.flatMap((note) => {
      const match = /^(\d+):1: note: removed page chrome: "(.*)" \(wire-chrome\)$/u.exec(note);
      return match ? [{line: Number(match[1]), text: match[2] as string}] : [];
    });
    const parts: Parts = {
      ...readPage(fs.readFileSync(path.join(out, '2024', '03', name, 'index.html'), 'utf8')),
      removed,
      notes: notes.filter((note) => !note.includes('(wire-chrome)')),
    };
    const expectedFile = path.join(corpus, `${name}.expected.json`);
    if (update) {
      fs.writeFileSync(expectedFile, `${JSON.stringify(parts, null, 2)}\n`);
      continue;
    }
    if (!fs.existsSync(expectedFile)) {
      failures.push(`${name}: no ${path.basename(expectedFile)} (write it by hand, or with UPDATE=1 and check it)`);
      continue;
    }
    const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as Parts;
    for (const key of Object.keys(expected) as (keyof Parts)[]) {
      if (JSON.stringify(parts[key]) !== JSON.stringify(expected[key])) {
        failures.push(`${name}.${key}:\n  expected ${JSON.stringify(expected[key])}\n  actual   ${JSON.stringify(parts[key])}`);
      }
    }
  }
  assert.equal(failures, [], failures.join('\n'));
});

test('should give every corpus page valid HTML (Nu Html Checker)', () => {
  const jar = createRequire(import.meta.url)('vnu-jar') as string;
  const run = spawnSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'json', path.join(out, '2024')], {encoding: 'utf8'});
  assert.is(run.error, undefined, 'java must be installed');
  const messages = (JSON.parse(run.stderr) as {messages: {url: string; message: string}[]}).messages;
  assert.equal(messages.map((message) => `${message.url}: ${message.message}`), []);
  assert.is(run.status, 0);
});

test.after(removeTempDirs);
test.run();
