/**
 * Honest dates and private drafts, end to end through the real command on
 * `test/fixtures/private/` (a corrected article, two plain ones and two drafts, one in a closed month):
 *
 * - one notion of "last modified": the latest of `updated` and the corrections' dates drives
 *   JSON-LD `dateModified`, `article:modified_time`, the sitemap's `lastmod`, the page's
 *   "Updated" line and the feeds' `updated`;
 * - with `--drafts`, drafts show on pages (marked, `noindex`) but never enter a feed, a
 *   sitemap, the OPML list or the search index.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {XMLParser} from 'fast-xml-parser';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {fixture} from './helpers/config.ts';
import {decodeEntities, listFiles, removeTempDirs, tempDir} from './helpers/files.ts';
import {runCliAsync} from './helpers/run-cli.ts';

const siteUrl = 'https://owner.github.io/private/';
const corrected = '2020/03/corrected-story/';
const draft = '2020/03/secret-draft/';
/** The correction's date: later than the article's `updated` (2020-03-02). */
const correctionTime = '2020-03-05T12:00:00.000Z';
const now = '2020-03-06T00:00:00Z';
const xml = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['url', 'item', 'entry'].includes(name)});

async function build(flags: readonly string[]): Promise<string> {
  const out = path.join(tempDir(), 'out');
  const result = await runCliAsync(['build', '--out', out, '--now', now, '--no-cache', ...flags], {cwd: fixture('private')});
  assert.is(result.status, 0, result.stderr);
  return out;
}

// Started by the first test, not at load: the runner loads every suite first, and another suite's
// clean-up (`removeTempDirs`) would remove folders made before it ran.
let started: {plain: Promise<string>; drafts: Promise<string>} | undefined;
const builds = (): {plain: Promise<string>; drafts: Promise<string>} => (started ??= {plain: build([]), drafts: build(['--drafts'])});
const read = (out: string, file: string): string => fs.readFileSync(path.join(out, file), 'utf8');

function metaOf(html: string, key: string): string | undefined {
  const match = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html);
  return match ? decodeEntities(match[1]!) : undefined;
}

test.after(() => removeTempDirs());

test('should date a corrected article by its correction everywhere it says when it changed', async () => {
  const out = await builds().plain;
  const page = read(out, `${corrected}index.html`);
  const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!) as Record<string, unknown>;
  assert.is(jsonLd['dateModified'], correctionTime, 'JSON-LD dateModified');
  assert.is(jsonLd['datePublished'], '2020-03-01T09:00:00.000Z');
  assert.is(metaOf(page, 'article:modified_time'), correctionTime, 'article:modified_time');
  assert.match(page, new RegExp(`<span class="updated">Updated <time datetime="${correctionTime}">March 5, 2020</time>`), 'the byline\'s "Updated" line');

  const sitemap = (xml.parse(read(out, 'sitemap.xml')) as {urlset: {url: {loc: string; lastmod?: string}[]}}).urlset.url;
  const lastmod = (address: string) => sitemap.find((url) => url.loc === address)?.lastmod;
  assert.is(lastmod(siteUrl + corrected), correctionTime, 'sitemap lastmod of the article');
  assert.is(lastmod(`${siteUrl}2020/03/plain-story/`), '2020-03-04T08:00:00.000Z', 'an article without changes: its date');
  assert.is(lastmod(`${siteUrl}section/desk/`), correctionTime, 'a listing: its newest change');

  const atom = (xml.parse(read(out, 'atom.xml')) as {feed: {entry: {id: string; updated: string}[]}}).feed.entry;
  assert.is(atom.find((entry) => entry.id.endsWith('corrected-story'))?.updated, correctionTime, 'Atom updated');
  const json = JSON.parse(read(out, 'feed.json')) as {items: {id: string; date_modified: string}[]};
  assert.is(json.items.find((item) => item.id.endsWith('corrected-story'))?.date_modified, correctionTime, 'JSON Feed date_modified');

  // The plain article was never changed: no "Updated" line, modified = published.
  const plain = read(out, '2020/03/plain-story/index.html');
  assert.not.match(plain, /class="updated"/);
  assert.is(metaOf(plain, 'article:modified_time'), '2020-03-04T08:00:00.000Z');
});

test('should keep drafts out of every feed, sitemap, the OPML list and the search index with --drafts', async () => {
  const out = await builds().drafts;
  const files = listFiles(out);
  // The preview shows the draft, marked, and asks search engines not to index it.
  const page = read(out, `${draft}index.html`);
  assert.match(page, /<p class="draft-flag">Draft — not published<\/p>/);
  assert.is(metaOf(page, 'robots'), 'noindex', 'the draft page carries noindex');
  assert.is(metaOf(read(out, `${corrected}index.html`), 'robots'), undefined, 'a published page has no noindex');
  assert.match(read(out, 'index.html'), /SECRETDRAFT/, 'listings of a preview still show the draft');

  const feeds = files.filter((file) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file));
  assert.ok(feeds.includes('feed.xml') && feeds.includes('section/desk/atom.xml') && feeds.includes('tag/harbour/feed.json') && feeds.includes('archive/2020/02/feed.xml'), feeds.join(', '));
  for (const file of [...feeds, 'sitemap.xml', 'news-sitemap.xml', 'feeds.opml']) {
    const text = read(out, file);
    assert.not.ok(text.includes('SECRETDRAFT') || text.includes(draft) || /embargo/i.test(text), `${file} carries the draft`);
  }
  assert.match(read(out, 'news-sitemap.xml'), /plain-story/, 'the news sitemap has the published articles');
  assert.match(read(out, 'archive/2020/02/atom.xml'), /earlier-story/, 'the archive of the closed month has its published article');
  // A tag that only a draft has gets a page in the preview, but no feeds, and the page links none.
  assert.ok(files.includes('tag/embargo/index.html'));
  assert.not.ok(files.some((file) => file.startsWith('tag/embargo/') && !file.endsWith('.html')), 'feeds of a draft-only tag');
  assert.not.match(read(out, 'tag/embargo/index.html'), /tag\/embargo\/feed/);

  const fragments = files.filter((file) => file.startsWith('pagefind/fragment/'));
  const indexed = fragments.map((file) => zlib.gunzipSync(fs.readFileSync(path.join(out, file))).toString('utf8'));
  assert.is(indexed.length, 3, 'one search fragment per published article');
  assert.ok(indexed.some((text) => text.includes('Corrected story')));
  assert.not.ok(indexed.some((text) => text.includes('SECRETDRAFT')), 'the search index holds the draft');
});

test.run();
