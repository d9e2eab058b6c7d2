/**
 * The build cache end to end: after every kind of change, a warm build (cache on, into the
 * previous output) gives byte-identical output to a cold build (no cache, empty folder).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import type {ParseOutcome} from '../scripts/lib/article/parse-batch.ts';
import {BuildCache} from '../scripts/lib/cache/build-cache.ts';
import {buildSite} from '../scripts/lib/build/build-site.ts';
import type {Article} from '../scripts/lib/types.ts';
import {root} from './helpers/config.ts';
import {rewriteKeepingSizeAndTime, snapshot, snapshotDifferences} from './helpers/files.ts';
import {assertWarmEqualsCold as warmEqualsCold} from './helpers/warm-cold.ts';

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cache-'));
fs.cpSync(path.join(root, 'articles'), path.join(site, 'articles'), {recursive: true});
fs.cpSync(path.join(root, 'templates'), path.join(site, 'templates'), {recursive: true});
fs.copyFileSync(path.join(root, 'dateline.config.yaml'), path.join(site, 'dateline.config.yaml'));
const warmOut = path.join(site, 'dist');
const now = '2026-01-01T00:00:00Z';

/**
 * Build the site warm and cold and assert every file is the same (`assertWarmEqualsCold`).
 * Returns how many articles the warm build parsed and its search step.
 */
async function assertWarmEqualsCold(change: string): Promise<{parsed: number; search: string; plan: string; articles: number}> {
  const warm = await warmEqualsCold(site, now, change);
  const step = (name: string) => warm.timings.find((timing) => timing.name.startsWith(name))!.name;
  return {parsed: Number(/\((\d+) of/.exec(step('parse'))![1]), search: step('search'), plan: step('plan'), articles: warm.articles};
}

const article = (name: string) => path.join(site, 'articles', name);

/** A parse outcome for the cache's unit tests: an article of key `key`, its body `html` (for feeds `feedHtml`). */
function outcome(key: string, html = `<p>${key}</p>`, feedHtml = `<p>feed ${key}</p>`): ParseOutcome {
  return {article: {key, source: key, title: key} as unknown as Article, body: {html, feedHtml}, messages: []};
}

test('should give the same output warm as cold across edits, deletions, renames, templates and config', async () => {
  assert.is((await assertWarmEqualsCold('first build')).parsed, 9);
  const unchanged = await assertWarmEqualsCold('nothing changed');
  assert.is(unchanged.parsed, 0, 'nothing is parsed again');
  assert.match(unchanged.plan, /pages from the last build, 0 of \d+ fingerprinted again; 0 of \d+ feed sets planned again/, 'neither the pages nor the feeds are planned again');

  fs.appendFileSync(article('2017-01-29-frost-half-marathon.md'), '\nA late addition to the race report.\n');
  const edit = await assertWarmEqualsCold('an edit');
  assert.is(edit.parsed, 1, 'only the edited article is parsed again');
  assert.match(edit.plan, /pages from the last build, [1-9]\d* of/, 'the pages that show the edited article are fingerprinted again');
  const [, replanned, sets] = /; (\d+) of (\d+) feed sets planned again/.exec(edit.plan)!;
  assert.ok(Number(replanned) > 0 && Number(replanned) < Number(sets), `the feed sets that carry the edited article, and only those, are planned again: ${edit.plan}`);

  // The plans stay, but every page that shows the headline (listings, neighbours, related lists) is made again.
  const library = article('2017-01-20-harbour-library-reopens.md');
  fs.writeFileSync(library, fs.readFileSync(library, 'utf8').replace('title: "East Quay library reopens its doors after a year of renovation"', 'title: "East Quay library reopens after a year"'));
  assert.match((await assertWarmEqualsCold('a headline edit')).plan, /pages from the last build/);

  // An update date changes no plan, but the pages' and the sitemap's last change.
  fs.writeFileSync(library, fs.readFileSync(library, 'utf8').replace(/^title:/m, 'updated: 2017-01-25T09:30:00Z\ntitle:'));
  assert.match((await assertWarmEqualsCold('an update date')).plan, /pages from the last build/);
  assert.match(fs.readFileSync(path.join(warmOut, 'sitemap.xml'), 'utf8'), /<lastmod>2017-01-25T09:30:00/, 'the sitemap has the new last change');

  // An image published as it is (an SVG) changes, not its article: the article is parsed again (its page shows the new size).
  const svg = article('jazz-night.svg');
  fs.writeFileSync(svg, `${fs.readFileSync(svg, 'utf8').replace('width="800" height="450" viewBox', 'width="1600" height="900" viewBox')}\n<!-- redrawn -->\n`);
  assert.is((await assertWarmEqualsCold('an SVG redrawn, its article not')).parsed, 1, 'the article that shows it is parsed again');

  // A new tag changes the site's structure: the pages are planned again.
  fs.writeFileSync(library, fs.readFileSync(library, 'utf8').replace(/^tags:\n/m, 'tags:\n  - "reading rooms"\n'));
  assert.match((await assertWarmEqualsCold('a tag added')).plan, /\d+ pages planned/);

  fs.rmSync(article('2017-02-15-small-businesses-energy-costs.md'));
  await assertWarmEqualsCold('a deletion');

  fs.renameSync(article('2017-01-29-frost-half-marathon.md'), article('2017-01-30-frost-half-marathon-report.md'));
  await assertWarmEqualsCold('a rename');

  const card = path.join(site, 'templates', 'partials', 'card.liquid');
  fs.writeFileSync(card, fs.readFileSync(card, 'utf8').replace('<article class="card"', '<article class="card story"'));
  await assertWarmEqualsCold('a template change');

  const config = path.join(site, 'dateline.config.yaml');
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('pageSize: 10', 'pageSize: 3').replace('timezone: Europe/London', 'timezone: Asia/Tokyo'));
  assert.is((await assertWarmEqualsCold('a config change')).parsed, 8, 'a setting that changes parsing parses everything again');
});

test('should parse an article again when only its change time tells the edit (same size, modification time set back)', async () => {
  const library = article('2017-01-20-harbour-library-reopens.md');
  fs.utimesSync(library, 1_484_920_800, 1_484_920_800);
  assert.is((await assertWarmEqualsCold('a touched article')).parsed, 0, 'read again, but its text and so its parse are the same');

  const before = fs.readFileSync(library, 'utf8');
  const after = before.replace('issued 212 new library cards', 'issued 347 new library cards');
  await rewriteKeepingSizeAndTime(library, after);
  assert.is((await assertWarmEqualsCold('a same-length edit with the old modification time')).parsed, 1, 'the edited article is parsed again');
  const page = fs.readFileSync(path.join(warmOut, '2017', '01', 'east-quay-library-reopens', 'index.html'), 'utf8');
  assert.ok(page.includes('issued 347 new library cards'), 'the page has the new text');
  assert.not.ok(page.includes('212'), 'the page has none of the old text');
});

test('should take the search index from the cache while the articles are the same, and make it again when one changes', async () => {
  await assertWarmEqualsCold('a build to start from');
  const pagefind = () => (fs.readdirSync(path.join(warmOut, 'pagefind'), {recursive: true}) as string[]).filter((name) => fs.statSync(path.join(warmOut, 'pagefind', name)).isFile());
  assert.ok(pagefind().some((name) => name.endsWith('.pf_meta')), 'the index is in the output');

  const card = path.join(site, 'templates', 'partials', 'card.liquid');
  fs.appendFileSync(card, '<!-- card end -->\n');
  const template = await assertWarmEqualsCold('a template change (pagefind/ compared file by file)');
  assert.is(template.parsed, 0);
  assert.is(template.search, 'search (unchanged)');

  fs.appendFileSync(article('2017-02-20-pier-repairs-delayed.md'), '\nWork on the pier resumes in the spring.\n');
  const draft = await assertWarmEqualsCold('a draft edit');
  assert.is(draft.parsed, 1);
  assert.is(draft.search, 'search (unchanged)', 'a draft is not indexed, so the index is the same');

  fs.appendFileSync(article('2017-02-04-winter-jazz-festival-lineup.md'), '\nTickets for the closing night sold out within the hour.\n');
  const edit = await assertWarmEqualsCold('an article edit');
  assert.is(edit.parsed, 1);
  assert.is(edit.search, `search (${edit.articles} articles indexed, 1 of 1 shards)`);
  assert.ok(edit.articles > 0);
  assert.is((await assertWarmEqualsCold('nothing changed after the edit')).search, 'search (unchanged)', 'the new index is kept');

  const config = path.join(site, 'dateline.config.yaml');
  const settings = fs.readFileSync(config, 'utf8');
  fs.writeFileSync(config, `${settings}search: false\n`);
  assert.is((await assertWarmEqualsCold('search turned off')).search, 'search (off)');
  assert.not.ok(fs.existsSync(path.join(warmOut, 'pagefind')), 'the index is removed from the output');
  fs.writeFileSync(config, settings);
  assert.is((await assertWarmEqualsCold('search turned on again')).search, 'search (unchanged)', 'the index of the same articles is still in the cache');
  assert.ok(pagefind().length > 0);
});

test('should show the last search index under serve rather than index every article again, and index them for a real build', async () => {
  await buildSite({cwd: site, env: {}, now});
  const indexed = snapshot(path.join(warmOut, 'pagefind'));
  fs.appendFileSync(article('2017-02-04-winter-jazz-festival-lineup.md'), '\nThe festival adds a matinee.\n');
  const served = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-served-')), 'out');
  const live = await buildSite({cwd: site, env: {}, now, out: served, liveReload: true});
  assert.ok(live.ok);
  assert.ok(live.timings.some((step) => step.name === 'search (from an earlier build, 1 of 1 shards)'), live.timings.map((step) => step.name).join(', '));
  assert.equal(snapshotDifferences(snapshot(path.join(served, 'pagefind')), indexed), [], 'the earlier index, as it was');
  const real = await buildSite({cwd: site, env: {}, now});
  assert.ok(real.timings.some((step) => /^search \(\d+ articles indexed, 1 of 1 shards\)$/.test(step.name)), 'a build for publishing indexes the edit');
  fs.rmSync(path.dirname(served), {recursive: true, force: true});
});

test('should remember each output folder, so a build elsewhere (check, serve) leaves dist/ known', async () => {
  await buildSite({cwd: site, env: {}, now});
  const elsewhere = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-elsewhere-')), 'out');
  assert.ok((await buildSite({cwd: site, env: {}, now, out: elsewhere})).ok);
  const again = await buildSite({cwd: site, env: {}, now});
  const write = again.timings.find((step) => step.name.startsWith('write'))!.name;
  assert.match(write, /\(0 pages rendered, 0 files written, \d+ unchanged\)/, write);
  fs.rmSync(path.dirname(elsewhere), {recursive: true, force: true});
});

test('should give back every field of an article it kept, in the order parsing makes them', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cache-unit-'));
  // Every field set, each to a value no other has, in the order `parseArticle` makes them.
  const article: Article = {
    key: 'a-key',
    source: 'articles/a.txt',
    format: 'wire',
    title: 'A title',
    slug: 'a-slug',
    id: 'tag:example.org,2020:a-slug',
    date: '2020-01-01T00:00:00.000Z',
    updated: '2020-01-02T00:00:00.000Z',
    modified: '2020-01-03T00:00:00.000Z',
    authors: ['Ana Lima', 'Ben Okafor'],
    summary: 'A summary',
    excerpt: 'An excerpt',
    section: 'World',
    tags: ['harbour'],
    image: {src: 'photo.jpg', alt: 'A photo', caption: 'A caption', credit: 'AFP'},
    draft: true,
    dateline: 'BEIRUT',
    lang: 'fr',
    translationKey: 'a-story',
    edition: 'fr/',
    corrections: [{date: '2020-01-03T00:00:00.000Z', text: 'A correction'}],
    path: 'fr/2020/01/a-slug/',
    words: 321,
    feedBytes: 654,
    assets: [{from: '/site/articles/photo.jpg', name: 'photo.jpg', place: {line: 3, column: 1}}],
  };
  let cache = BuildCache.open(dir, 'v1');
  cache.save({outcomes: new Map([[article.key, {article, body: {html: '<p>x</p>', feedHtml: '<p>x</p>'}, messages: [{reason: 'a note', line: 2, column: 1, ruleId: 'wire-chrome', fatal: false}]}]]), sources: new Map()});
  cache.close();
  cache = BuildCache.open(dir, 'v1');
  const kept = cache.articles.get(article.key)!;
  cache.close();
  assert.equal(Object.keys(kept.article!), Object.keys(article), 'the same fields in the same order');
  assert.equal(kept.article, article);
  assert.equal(kept.messages, [{reason: 'a note', line: 2, column: 1, ruleId: 'wire-chrome', fatal: false}]);
  fs.rmSync(dir, {recursive: true, force: true});
});

test('should read bodies by key, append new ones and compact when most are dead', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cache-unit-'));
  let cache = BuildCache.open(dir, 'v1');
  cache.save({outcomes: new Map([['a', outcome('a')], ['b', outcome('b')], ['c', outcome('c')]]), sources: new Map()});
  cache.close();

  cache = BuildCache.open(dir, 'v1');
  assert.equal([...cache.articles.keys()], ['a', 'b', 'c']);
  assert.is(cache.bodies(new Map()).body('b').html, '<p>b</p>');
  const bodies = () => fs.readdirSync(dir).filter((name) => name.startsWith('bodies'));
  const size = () => fs.statSync(path.join(dir, bodies()[0]!)).size;
  const before = size();
  cache.save({outcomes: new Map([['b', cache.articles.get('b')!], ['d', outcome('d')]]), sources: new Map()});
  cache.close();
  assert.ok(size() > before, 'a new body is added');
  assert.is(bodies().length, 1, 'the old body file is removed');

  cache = BuildCache.open(dir, 'v1');
  cache.save({outcomes: new Map([['d', cache.articles.get('d')!]]), sources: new Map()}, 0);
  cache.close();
  assert.is(bodies().length, 1);
  assert.ok(size() < before, 'the body file is rewritten with only live bodies');

  cache = BuildCache.open(dir, 'v1');
  assert.equal([...cache.articles.keys()], ['d']);
  assert.is(cache.bodies(new Map()).body('d').feedHtml, '<p>feed d</p>');
  cache.close();
  assert.is(BuildCache.open(dir, 'v2').articles.size, 0, 'another tool version starts afresh');
  fs.rmSync(dir, {recursive: true, force: true});
});

test('should put fresh bodies in the body file before the build saves, read them back by key, and keep them when it saves', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cache-unit-'));
  let cache = BuildCache.open(dir, 'v1');
  cache.save({outcomes: new Map([['a', outcome('a')]]), sources: new Map()});
  // Enough bodies to be written in more than one batch (a megabyte each).
  const fresh = new Map([['a', cache.articles.get('a')!], ...Array.from({length: 300}, (_, index): [string, ParseOutcome] => [`n${index}`, outcome(`n${index}`, `<p>${String(index).repeat(2000)}</p>`, `<p>feed ${index}</p>`)])]);
  const light = cache.stash(fresh);
  assert.ok([...light.values()].every((kept) => kept.body === undefined), 'the outcomes let go of their bodies');
  const bodies = cache.bodies(light);
  assert.is(bodies.body('n299').html, `<p>${'299'.repeat(2000)}</p>`);
  assert.is(bodies.body('n0').feedHtml, '<p>feed 0</p>');
  assert.is(bodies.body('a').html, '<p>a</p>', 'a body saved before is read as ever');
  cache.save({outcomes: light, sources: new Map()});
  cache.close();
  cache = BuildCache.open(dir, 'v1');
  assert.is(cache.bodies(new Map()).body('n150').html, `<p>${'150'.repeat(2000)}</p>`, 'the next build reads the stashed body');
  assert.is(cache.bodies(new Map()).body('a').feedHtml, '<p>feed a</p>');
  cache.close();
  // Without a cache folder (--no-cache) the bodies go to a temporary folder of the build's, gone when the cache is closed.
  const before = new Set(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('dateline-bodies-')));
  const memory = BuildCache.open(undefined, 'v1');
  const stashed = memory.stash(fresh);
  assert.is(stashed.get('n1')!.body, undefined, 'without a cache folder the outcomes let go of their bodies too');
  assert.is(memory.bodies(stashed).body('n1').html, fresh.get('n1')!.body!.html);
  const scratch = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('dateline-bodies-') && !before.has(name));
  assert.is(scratch.length, 1, 'one temporary folder');
  memory.close();
  assert.not.ok(fs.existsSync(path.join(os.tmpdir(), scratch[0]!)), 'the temporary folder is removed when the cache is closed');
  fs.rmSync(dir, {recursive: true, force: true});
});

test('should keep the new body of an article parsed again under the same key (its photos changed)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cache-unit-'));
  let cache = BuildCache.open(dir, 'v1');
  cache.save({outcomes: new Map([['a', outcome('a', '<img src="photo-1111-800.jpg">')]]), sources: new Map()});
  cache.close();
  cache = BuildCache.open(dir, 'v1');
  cache.save({outcomes: new Map([['a', outcome('a', '<img src="photo-2222-800.jpg">')]]), sources: new Map()});
  cache.close();
  cache = BuildCache.open(dir, 'v1');
  assert.is(cache.bodies(new Map()).body('a').html, '<img src="photo-2222-800.jpg">');
  assert.not.ok(cache.articles.get('a')!.body, 'a cached outcome carries no body: it is fetched by key');
  cache.close();
  fs.rmSync(dir, {recursive: true, force: true});
});

test('should keep a saved cache open for the next build of the process, and read it again when another build saved since', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cache-unit-'));
  const first = BuildCache.open(dir, 'v1');
  first.save({outcomes: new Map([['a', outcome('a', '<p>a</p>')]]), sources: new Map()});
  const kept = BuildCache.reuse(first, dir, 'v1');
  assert.is(kept, first, 'nothing else saved: the same cache, not read again');
  assert.is(kept.bodies(new Map()).body('a').html, '<p>a</p>', 'its bodies are read from where it saved them');
  assert.not.ok(kept.articles.get('a')!.body, 'it keeps no body in memory');

  const other = BuildCache.open(dir, 'v1');
  other.save({outcomes: new Map([['a', kept.articles.get('a')!], ['b', outcome('b', '<p>b, from another build</p>')]]), sources: new Map()});
  other.close();
  const again = BuildCache.reuse(kept, dir, 'v1');
  assert.is.not(again, kept, 'another build saved: read again');
  assert.equal([...again.articles.keys()], ['a', 'b']);
  assert.is(again.bodies(new Map()).body('b').html, '<p>b, from another build</p>');
  assert.is.not(BuildCache.reuse(again, dir, 'v2'), again, 'another tool version: read again');
  fs.rmSync(dir, {recursive: true, force: true});
});

test('should not read bodies from the body file another tool version left, and remove it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cache-unit-'));
  let cache = BuildCache.open(dir, 'v1');
  cache.save({outcomes: new Map([['a', outcome('a')]]), sources: new Map()});
  cache.close();
  const v1Bodies = fs.readdirSync(dir).filter((name) => name.startsWith('bodies-'));
  assert.is(v1Bodies.length, 1);
  cache = BuildCache.open(dir, 'v2');
  cache.save({outcomes: new Map([['b', outcome('b')]]), sources: new Map()});
  cache.close();
  cache = BuildCache.open(dir, 'v2');
  assert.is(cache.bodies(new Map()).body('b').html, '<p>b</p>');
  cache.close();
  // The old version's body file is removed once the new one saves: an upgrade leaves nothing of it behind.
  const left = fs.readdirSync(dir).filter((name) => name.startsWith('bodies-'));
  assert.is(left.length, 1, `body files: ${left.join(', ')}`);
  assert.not.ok(left.includes(v1Bodies[0]!), 'the body file of v1 is gone');
  // So does a corrupt index's.
  fs.writeFileSync(path.join(dir, 'index.v8'), 'not a cache');
  cache = BuildCache.open(dir, 'v2');
  assert.is(cache.articles.size, 0);
  cache.save({outcomes: new Map([['c', outcome('c')]]), sources: new Map()});
  cache.close();
  assert.is(fs.readdirSync(dir).filter((name) => name.startsWith('bodies-')).length, 1);
  cache = BuildCache.open(dir, 'v2');
  assert.is(cache.bodies(new Map()).body('c').html, '<p>c</p>');
  cache.close();
  fs.rmSync(dir, {recursive: true, force: true});
});

test('should keep each index consistent with its own body file when two builds save at once', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cache-unit-'));
  const first = BuildCache.open(dir, 'v1');
  const second = BuildCache.open(dir, 'v1');
  first.save({outcomes: new Map([['a', outcome('a', '<p>first build</p>')]]), sources: new Map()});
  second.save({outcomes: new Map([['a', outcome('a', '<p>the second build, longer</p>')], ['b', outcome('b', '<p>b</p>')]]), sources: new Map()});
  first.close();
  second.close();
  const cache = BuildCache.open(dir, 'v1');
  assert.is(cache.bodies(new Map()).body('a').html, '<p>the second build, longer</p>');
  assert.is(cache.bodies(new Map()).body('b').html, '<p>b</p>');
  cache.close();
  fs.rmSync(dir, {recursive: true, force: true});
});

test('should write only the index parts a change reaches, and start afresh when a part is gone', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cache-unit-'));
  const parts = () => new Set(fs.readdirSync(dir).filter((name) => name.startsWith('part-')));
  const keys = Array.from({length: 200}, (_, index) => `${String.fromCharCode(65 + (index % 26))}${index}`);
  const sources = new Map(keys.map((key) => [key, {stamp: `stamp ${key}`, contentHash: `hash ${key}`}]));
  let cache = BuildCache.open(dir, 'v1');
  cache.save({outcomes: new Map(keys.map((key) => [key, outcome(key)])), sources});
  cache.close();
  const first = parts();
  assert.is(first.size, 16 + 1, 'the entries in 16 shards, and the sources');

  // The same outcomes and sources again (as a build with no change saves them): nothing is written.
  cache = BuildCache.open(dir, 'v1');
  cache.save({outcomes: new Map(keys.map((key) => [key, cache.articles.get(key)!])), sources: new Map(sources)});
  assert.equal(parts(), first, 'no part written again');

  // One article changed: its shard only, and the old one is removed.
  const changed = keys[7]!;
  cache.save({outcomes: new Map(keys.map((key) => [key, key === changed ? outcome(key, '<p>edited</p>') : cache.articles.get(key)!])), sources: new Map(sources)});
  cache.close();
  const second = parts();
  assert.is([...second].filter((name) => !first.has(name)).length, 1, 'one new part');
  assert.is([...first].filter((name) => !second.has(name)).length, 1, 'the part it replaces is removed');
  cache = BuildCache.open(dir, 'v1');
  assert.equal([...cache.articles.keys()].sort(), [...keys].sort());
  assert.is(cache.bodies(new Map()).body(changed).html, '<p>edited</p>');
  assert.is(cache.bodies(new Map()).body(keys[8]!).html, `<p>${keys[8]}</p>`);
  assert.equal(cache.sources, sources);
  cache.close();

  // A part gone (another build's save removed it): the cache is empty, and the build starts afresh.
  fs.rmSync(path.join(dir, [...second][0]!));
  cache = BuildCache.open(dir, 'v1');
  assert.is(cache.articles.size, 0);
  assert.is(cache.sources.size, 0);
  cache.close();
  fs.rmSync(dir, {recursive: true, force: true});
});

test.after(() => fs.rmSync(site, {recursive: true, force: true}));

test('should index only the search shard an edit or a new article reaches, and merge the older shards on the search page', async () => {
  const config = path.join(site, 'dateline.config.yaml');
  const settings = fs.readFileSync(config, 'utf8');
  fs.writeFileSync(config, `${settings}searchShardSize: 3\n`);
  const first = await assertWarmEqualsCold('three-article shards');
  const shardsOf = (count: number) => Math.ceil(count / 3);
  const newestOf = (count: number) => count - 3 * (shardsOf(count) - 1);
  assert.ok(first.articles > 6, 'enough articles for three shards');
  assert.is(first.search, `search (${first.articles} articles indexed, ${shardsOf(first.articles)} of ${shardsOf(first.articles)} shards)`);
  const searchPage = () => fs.readFileSync(path.join(warmOut, 'search', 'index.html'), 'utf8');
  const merged = (count: number) => Array.from({length: shardsOf(count) - 1}, (_, index) => `/dateline/pagefind/shard-${index}/`).join(' ');
  assert.match(searchPage(), `data-merge="${merged(first.articles)}"`);
  for (const shard of ['shard-0', 'shard-1']) {
    const names = fs.readdirSync(path.join(warmOut, 'pagefind', shard), {recursive: true}) as string[];
    assert.ok(names.includes('pagefind-entry.json') && names.some((name) => name.endsWith('.pf_meta')), `${shard} has its index`);
    assert.not.ok(names.some((name) => name.endsWith('.js') || name.endsWith('.css') || name.startsWith('wasm')), `${shard} carries no UI or WebAssembly of its own`);
  }

  // The oldest article is in the oldest shard: only that one is indexed again.
  const oldest = fs.readdirSync(path.join(site, 'articles')).filter((name) => /^\d{4}-/.test(name)).sort()[0]!;
  fs.appendFileSync(article(oldest), '\nA line added to the oldest story.\n');
  assert.is((await assertWarmEqualsCold('an edit of the oldest article')).search, `search (3 articles indexed, 1 of ${shardsOf(first.articles)} shards)`);

  // Three new articles, each the newest: each time only the newest shard is indexed, and one of them opens a new shard.
  const added: string[] = [];
  for (let day = 1; day <= 3; day++) {
    const name = `2017-02-2${day + 5}-ferry-timetable-${day}.md`;
    fs.writeFileSync(article(name), `---\ntitle: "Ferry timetable, part ${day}"\ndate: "2017-02-2${day + 5}T09:00:00Z"\n---\n\nThe ferry sails at dawn, part ${day}.\n`);
    added.push(name);
    const count = first.articles + day;
    const built = await assertWarmEqualsCold(`new article ${day}`);
    assert.is(built.articles, count);
    assert.is(built.search, `search (${newestOf(count)} articles indexed, 1 of ${shardsOf(count)} shards)`, 'only the newest shard: a full one moves under pagefind/shard-N/ from the cache');
    assert.match(searchPage(), `data-merge="${merged(count)}"`);
  }
  for (const name of added) fs.rmSync(article(name));
  fs.writeFileSync(config, settings);
});

test.run();
