/**
 * Every feed the fixture site and the sample site emit (main, section, tag, author and monthly
 * archives, in every format) read by two independent feed parsers from npm: the items, their
 * ids, titles, links, publication dates and content must be those of the source articles.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildSite} from '../scripts/lib/build/build-site.ts';
import {slugify} from '../scripts/lib/slugify.ts';
import type {Article, ArticleBody, SiteConfig} from '../scripts/lib/types.ts';
import {parsers, publishedArticles, type ParsedFeed} from './helpers/feeds.ts';
import {fixture, root} from './helpers/config.ts';
import {listFiles, textOf, urlsOf} from './helpers/files.ts';

// A folder of its own, removed when this suite ends (other suites' `removeTempDirs` clear theirs).
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-parsers-'));
test.after(() => fs.rmSync(work, {recursive: true, force: true}));

for (const site of [fixture('site'), root]) checkSite(site);

function checkSite(site: string): void {
  const name = path.relative(root, site) || 'the sample site';
  const out = path.join(work, name.replaceAll('/', '-'));
  // Read by the build's own stages in the first test (wire parsing loads its libraries then).
  let config: SiteConfig;
  let articles: Article[];
  let bodies: ReadonlyMap<string, ArticleBody>;
  let built: Promise<string[]> | undefined;
  /** Read the articles and build the site once, on first use; the feed files it wrote. */
  const feeds = (): Promise<string[]> =>
    (built ??= publishedArticles(site).then((loaded) => {
      ({config, articles, bodies} = loaded);
      return buildSite({cwd: site, out, env: {}, noCache: true});
    }).then((result) => {
      assert.ok(result.ok, `${name} builds`);
      return listFiles(out).filter((file) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file));
    }));

  /** Which articles a feed file should carry, newest first, worked out from its path alone. */
  const expectedItems = (file: string): Article[] => {
    const folder = path.posix.dirname(file);
    const newest = (list: Article[]) => list.slice(0, config.feedSize);
    // The main feed: the newest feedSize, and every article of the open (newest) month, which is not archived yet.
    if (folder === '.') return articles.slice(0, Math.max(config.feedSize, articles.filter((article) => article.path.slice(0, 7) === articles[0]?.path.slice(0, 7)).length));
    const [kind, first, second] = folder.split('/');
    if (kind === 'section') return newest(articles.filter((article) => slugify(article.section ?? '') === first));
    if (kind === 'tag') return newest(articles.filter((article) => article.tags.some((tag) => slugify(tag) === first)));
    if (kind === 'author') return newest(articles.filter((article) => article.authors.some((author) => slugify(author) === first)));
    if (kind === 'archive') return articles.filter((article) => article.path.startsWith(`${first}/${second}/`));
    throw new Error(`unexpected feed ${file}`);
  };

  test(`${name}: should build with feeds for the site, each section, tag, author and month`, async () => {
    const files = await feeds();
    const sections = new Set(articles.flatMap((article) => (article.section ? [slugify(article.section)] : [])));
    const tags = new Set(articles.flatMap((article) => article.tags.map((tag) => slugify(tag))));
    const authors = new Set(articles.flatMap((article) => article.authors.map((author) => slugify(author))));
    const months = new Set(articles.map((article) => article.path.slice(0, 7)));
    // Closed months only: the newest is still open, so it has no archive yet.
    assert.is(files.length, 3 + 3 * (sections.size + tags.size + authors.size) + 2 * (months.size - 1), files.join(' '));
  });

  for (const format of ['xml', 'json'] as const) {
    for (const parser of parsers[format]) {
      test(`${name}: every ${format.toUpperCase()} feed read by ${parser.name} has the source articles' items, titles, links, dates and content`, async () => {
        const files = (await feeds()).filter((file) => file.endsWith('.json') === (format === 'json'));
        assert.ok(files.length > 0);
        for (const file of files) await checkFeed(file, await parser.read(fs.readFileSync(path.join(out, file), 'utf8')));
      });
    }
  }

  async function checkFeed(file: string, feed: ParsedFeed): Promise<void> {
    const expected = expectedItems(file);
    assert.ok(expected.length > 0, file);
    assert.ok(feed.title.startsWith(config.title), `${file}: ${feed.title}`);
    assert.equal(
      feed.items.map((item) => item.id),
      expected.map((article) => article.id),
      `${file}: ids`,
    );
    assert.equal(
      // Atom titles are `type="html"`: both parsers hand over the HTML, which a reader decodes once.
      feed.items.map((item) => (file.endsWith('atom.xml') ? textOf(item.title) : item.title)),
      expected.map((article) => article.title),
      `${file}: titles`,
    );
    assert.equal(
      feed.items.map((item) => item.link),
      expected.map((article) => new URL(article.path, config.url).href),
      `${file}: links`,
    );
    assert.equal(
      feed.items.map((item) => item.published),
      expected.map((article) => new Date(article.date).getTime()),
      `${file}: publication dates`,
    );
    feed.items.forEach((item, index) => {
      const article = expected[index]!;
      const content = squash(item.content);
      assert.ok(content.includes(squash(bodies.get(article.key)!.feedHtml)), `${file}: ${article.source}: the whole body`);
      if (article.image?.caption) assert.ok(content.includes(squash(article.image.caption)), `${file}: ${article.source}: caption`);
      for (const correction of article.corrections) assert.ok(content.includes(squash(correction.text)), `${file}: ${article.source}: correction`);
      for (const url of urlsOf(item.content)) assert.match(url, /^https?:\/\//, `${file}: ${article.source}: ${url} is absolute`);
    });
  }
}

const squash = (html: string): string => textOf(html).replace(/\s+/g, ' ').trim();

test.run();
