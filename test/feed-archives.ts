/**
 * RFC 5005 archives on a generated site of 150 articles with `feedSize: 20`, built by the real
 * command: only closed months are archives (the newest month is still open, so its articles
 * are in the main feed), following `prev-archive` from the main Atom and RSS feeds reaches
 * every article, each archived article exactly once, and an archive, once published, never
 * changes its entries when newer articles arrive.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {XMLParser} from 'fast-xml-parser';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {root} from './helpers/config.ts';
import {snapshot, snapshotDifferences} from './helpers/files.ts';
import {runCliAsync} from './helpers/run-cli.ts';

const url = 'https://news.example/archive-site/';

// A folder of its own, removed when this suite ends (other suites' `removeTempDirs` clear theirs).
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-archives-'));
const tempDir = (): string => fs.mkdtempSync(path.join(work, 'x-'));
const count = 150;
const now = '2030-01-01T00:00:00Z';

/** A site folder with `count` articles, one every 53 hours from 1 January 2016 (eleven months). */
function generateSite(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'articles'));
  fs.writeFileSync(
    path.join(dir, 'dateline.config.yaml'),
    `title: Archive Times\nurl: ${url}\nidBase: "tag:news.example,2016:"\nfeedSize: 20\npageSize: 50\ntimezone: UTC\ntemplatesDir: ${JSON.stringify(path.join(root, 'templates'))}\n`,
  );
  for (let index = 0; index < count; index++) addArticle(dir, index, new Date(Date.UTC(2016, 0, 1) + index * 53 * 3600_000));
  return dir;
}

function addArticle(dir: string, index: number, date: Date): void {
  const slug = `story-${String(index).padStart(3, '0')}`;
  fs.writeFileSync(path.join(dir, 'articles', `${slug}.md`), `---\ntitle: "Story ${index}"\ndate: "${date.toISOString()}"\nslug: ${slug}\n---\n\nBody of story ${index}.\n`);
}

/**
 * Build with the real command (150 articles are parsed on every core) and the site's cache on,
 * as an author would: archives must change only where their articles did.
 */
async function build(dir: string): Promise<string> {
  const out = path.join(tempDir(), 'out');
  const result = await runCliAsync(['build', '--out', out, '--now', now], {cwd: dir});
  assert.is(result.status, 0, result.stderr);
  return out;
}

type Node = Record<string, unknown>;
const xml = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'item', 'link', 'atom:link'].includes(name)});

/** One document of the chain: its item ids, its RFC 5005 links by relation, whether it is marked as an archive. */
interface Page {
  readonly ids: string[];
  readonly links: Record<string, string>;
  readonly archive: boolean;
}

function readPage(out: string, file: string): Page {
  const parsed = xml.parse(fs.readFileSync(path.join(out, file), 'utf8')) as {feed?: Node; rss?: {channel: Node}};
  const node = parsed.feed ?? parsed.rss!.channel;
  const items = (parsed.feed ? node['entry'] : node['item']) as Node[] | undefined;
  const ids = (items ?? []).map((item) => String(parsed.feed ? item['id'] : (item['guid'] as Node)['#text']));
  const links = Object.fromEntries(((parsed.feed ? node['link'] : node['atom:link']) as Node[]).map((link) => [String(link['@rel'] ?? 'alternate'), String(link['@href'])]));
  return {ids, links, archive: 'fh:archive' in node};
}

/** Follow `prev-archive` from `start`, checking the links on the way; the documents in order. */
function walk(out: string, start: string): {main: Page; archives: {file: string; page: Page}[]} {
  const fileOf = (href: string): string => {
    assert.ok(href.startsWith(url), `${href} is under the site`);
    return href.slice(url.length);
  };
  const main = readPage(out, start);
  assert.not.ok(main.archive, 'the main feed is not an archive');
  const archives: {file: string; page: Page}[] = [];
  let previous = start;
  for (let href = main.links['prev-archive']; href; href = archives.at(-1)!.page.links['prev-archive']) {
    const file = fileOf(href);
    const page = readPage(out, file);
    assert.ok(page.archive, `${file}: marked fh:archive`);
    assert.is(page.links['current'], url + start, `${file}: current`);
    assert.is(page.links['self'], href, `${file}: self`);
    if (archives.length > 0) assert.is(page.links['next-archive'], url + previous, `${file}: next-archive`);
    else assert.is(page.links['next-archive'], undefined, `${file}: the newest archive has no next-archive`);
    archives.push({file, page});
    previous = file;
    assert.ok(archives.length <= count, 'the chain loops');
  }
  return {main, archives};
}

const ids = Array.from({length: count}, (_, index) => `tag:news.example,2016:story-${String(index).padStart(3, '0')}`).reverse();
const site = generateSite();
let before = '';
test.before(async () => {
  before = await build(site);
});

test.after(() => fs.rmSync(work, {recursive: true, force: true}));

/** Articles of 2016-11, the open month of the generated site (one every 53 hours from 1 January 2016). */
const openMonth = ids.filter((_, index) => new Date(Date.UTC(2016, 0, 1) + (count - 1 - index) * 53 * 3600_000).getUTCMonth() === 10);

for (const start of ['atom.xml', 'feed.xml']) {
  test(`should reach every article following prev-archive from ${start}, archiving closed months only`, () => {
    const {main, archives} = walk(before, start);
    assert.ok(openMonth.length > 0 && openMonth.length < 20);
    assert.equal(main.ids, ids.slice(0, 20), 'the main feed holds the newest 20, the open month among them');
    const archived = archives.flatMap((archive) => archive.page.ids);
    assert.is(new Set(archived).size, archived.length, 'no article is in two archives');
    assert.equal(archived, ids.slice(openMonth.length), 'the archives hold every article of the closed months, newest first');
    assert.equal(new Set([...main.ids, ...archived]), new Set(ids), 'the feed and its archives together hold every article');
    assert.equal(
      archives.map((archive) => archive.file.split('/').slice(1, 3).join('-')),
      ['2016-10', '2016-09', '2016-08', '2016-07', '2016-06', '2016-05', '2016-04', '2016-03', '2016-02', '2016-01'],
    );
    assert.not.ok(fs.existsSync(path.join(before, 'archive/2016/11', start)), 'the open month is no archive');
    for (const {file} of archives) assert.match(file, new RegExp(`^archive/\\d{4}/\\d{2}/${start}$`));
  });
}

test('should hold every article of the open month in the main feed, however many', async () => {
  const busy = generateSite();
  // Thirty more articles in the open month: more than feedSize.
  for (let index = 0; index < 30; index++) addArticle(busy, count + index, new Date(Date.UTC(2016, 10, 20, index)));
  const out = await build(busy);
  const {main, archives} = walk(out, 'atom.xml');
  assert.is(main.ids.length, openMonth.length + 30);
  assert.is(archives[0]!.file, 'archive/2016/10/atom.xml');
});

/** Every archive document of an output folder with its entries (items with their content), as parsed. */
function archiveEntries(out: string): Map<string, string> {
  const files = [...snapshot(out).keys()].filter((file) => file.startsWith('archive/') && file.endsWith('.xml'));
  return new Map(
    files.map((file) => {
      const parsed = xml.parse(fs.readFileSync(path.join(out, file), 'utf8')) as {feed?: Node; rss?: {channel: Node}};
      return [file, JSON.stringify(parsed.feed ? parsed.feed['entry'] : parsed.rss!.channel['item'])];
    }),
  );
}

test('should never change an archive’s entries once published, as newer articles arrive', async () => {
  const archivesOf = (out: string) => new Map([...snapshot(out)].filter(([file]) => file.startsWith('archive/') && file.endsWith('.xml')));
  const published = [archiveEntries(before)];
  // A newer article in the open month changes no archive at all.
  addArticle(site, count, new Date('2016-11-29T12:00:00Z'));
  const sameMonth = await build(site);
  assert.equal(snapshotDifferences(archivesOf(before), archivesOf(sameMonth)), []);
  published.push(archiveEntries(sameMonth));

  // A new month: the month before closes and its archive appears; the archive before it gains
  // its `next-archive` link (once), its entries untouched.
  addArticle(site, count + 1, new Date('2016-12-02T12:00:00Z'));
  const newMonth = await build(site);
  assert.equal(snapshotDifferences(archivesOf(sameMonth), archivesOf(newMonth)), ['archive/2016/10/atom.xml', 'archive/2016/10/feed.xml', 'archive/2016/11/atom.xml', 'archive/2016/11/feed.xml']);
  published.push(archiveEntries(newMonth));
  addArticle(site, count + 2, new Date('2016-12-03T12:00:00Z'));
  addArticle(site, count + 3, new Date('2017-01-03T12:00:00Z'));
  const later = await build(site);
  published.push(archiveEntries(later));
  assert.ok(published.at(-1)!.has('archive/2016/12/atom.xml'), 'December closed once January had an article');

  // Every archive, from the build that first published it on, has the same entries.
  for (const [index, archives] of published.entries()) {
    for (const [file, entries] of archives) {
      for (const next of published.slice(index + 1)) assert.is(next.get(file), entries, `${file} changed its entries after it was published`);
    }
  }
});

test.run();
