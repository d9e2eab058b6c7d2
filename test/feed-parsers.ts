/**
 * Every feed the fixture site and the sample site emit (main, section, tag and monthly
 * archives, in every format) read by two independent feed parsers from npm: the items, their
 * ids, titles, links, publication dates and content must be those of the source articles.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildSite} from '../scripts/lib/build-site.ts';
import {slugify} from '../scripts/lib/slugify.ts';
import type {Article} from '../scripts/lib/types.ts';
import {parsers, publishedArticles} from './helpers/feeds.ts';
import {fixture, root} from './helpers/config.ts';
import {listFiles, textOf, urlsOf} from './helpers/files.ts';

// The sites are built when the suite loads (its tests are one per feed file), so into a folder of
// its own: other suites' `removeTempDirs` run before this one's tests.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-parsers-'));
test.after(() => fs.rmSync(work, {recursive: true, force: true}));

for (const site of [fixture('site'), root]) checkSite(site);

function checkSite(site: string): void {
  const name = path.relative(root, site) || 'the sample site';
  const out = path.join(work, name.replaceAll('/', '-'));
  const result = buildSite({cwd: site, out, env: {}});
  const {config, articles} = publishedArticles(site);

  /** Which articles a feed file should carry, newest first, worked out from its path alone. */
  const expectedItems = (file: string): Article[] => {
    const folder = path.posix.dirname(file);
    const newest = (list: Article[]) => list.slice(0, config.feedSize);
    if (folder === '.') return newest(articles);
    const [kind, first, second] = folder.split('/');
    if (kind === 'section') return newest(articles.filter((article) => slugify(article.section ?? '') === first));
    if (kind === 'tag') return newest(articles.filter((article) => article.tags.some((tag) => slugify(tag) === first)));
    if (kind === 'archive') return articles.filter((article) => article.path.startsWith(`${first}/${second}/`));
    throw new Error(`unexpected feed ${file}`);
  };
  const feeds = result.ok ? listFiles(out).filter((file) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file)) : [];

  test(`${name}: should build with feeds for the site, each section, tag and month`, () => {
    assert.ok(result.ok);
    const sections = new Set(articles.flatMap((article) => (article.section ? [slugify(article.section)] : [])));
    const tags = new Set(articles.flatMap((article) => article.tags.map((tag) => slugify(tag))));
    const months = new Set(articles.map((article) => article.path.slice(0, 7)));
    assert.is(feeds.length, 3 + 3 * (sections.size + tags.size) + 2 * months.size, feeds.join(' '));
  });

  for (const file of feeds) {
    const format = file.endsWith('.json') ? 'json' : 'xml';
    for (const parser of parsers[format]) {
      test(`${name}: ${file} read by ${parser.name}: the source articles' items, titles, links, dates and content`, async () => {
        const feed = await parser.read(fs.readFileSync(path.join(out, file), 'utf8'));
        const expected = expectedItems(file);
        assert.ok(expected.length > 0);
        assert.ok(feed.title.startsWith(config.title), feed.title);
        assert.equal(
          feed.items.map((item) => item.id),
          expected.map((article) => article.id),
        );
        assert.equal(
          // Atom titles are `type="html"`: both parsers hand over the HTML, which a reader decodes once.
          feed.items.map((item) => (file.endsWith('atom.xml') ? textOf(item.title) : item.title)),
          expected.map((article) => article.title),
        );
        assert.equal(
          feed.items.map((item) => item.link),
          expected.map((article) => new URL(article.path, config.url).href),
        );
        assert.equal(
          feed.items.map((item) => item.published),
          expected.map((article) => new Date(article.date).getTime()),
        );
        feed.items.forEach((item, index) => {
          const article = expected[index]!;
          const content = squash(item.content);
          assert.ok(content.includes(squash(article.feedHtml)), `${article.source}: the whole body`);
          if (article.image?.caption) assert.ok(content.includes(squash(article.image.caption)), `${article.source}: caption`);
          for (const correction of article.corrections) assert.ok(content.includes(squash(correction.text)), `${article.source}: correction`);
          for (const url of urlsOf(item.content)) assert.match(url, /^https?:\/\//, `${article.source}: ${url} is absolute`);
        });
      });
    }
  }
}

const squash = (html: string): string => textOf(html).replace(/\s+/g, ' ').trim();

test.run();
