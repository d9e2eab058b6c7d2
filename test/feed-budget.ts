/**
 * Feeds with a size budget (`feedMaxBytes`): no feed document is larger, an item whose whole
 * body would pass it carries its summary and a link to the page, and a note names the
 * article. Through the real command: a 3 MB article under the default budget (1 MiB), and the
 * fixture `test/fixtures/feed-budget/` with `feedMaxBytes: 20000`; and, as a unit, the
 * renderers' own check when the plan's estimate falls short.
 */
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildFeeds} from '../scripts/lib/feeds/build-feeds.ts';
import {feedItems} from '../scripts/lib/feeds/feed-items.ts';
import {fixture} from './helpers/config.ts';
import {testConfig} from './helpers/config.ts';
import {listFiles, removeTempDirs, snapshot, snapshotDifferences, tempDir} from './helpers/files.ts';
import {makeArticle, testBodies} from './helpers/make-article.ts';
import {runCliAsync} from './helpers/run-cli.ts';

const now = ['--now', '2020-06-01T00:00:00Z'];
const isFeed = (file: string): boolean => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file);
const feedSizes = (out: string): Map<string, number> => new Map(listFiles(out).filter(isFeed).map((file) => [file, fs.statSync(path.join(out, file)).size]));

async function build(cwd: string, flags: readonly string[] = [], out = path.join(tempDir(), 'out')): Promise<{out: string; stdout: string; stderr: string}> {
  const result = await runCliAsync(['build', '--out', out, '--verbose', ...now, ...flags], {cwd});
  assert.is(result.status, 0, result.stderr);
  return {out, stdout: result.stdout, stderr: result.stderr};
}

/** The feed-budget fixture with the default budget and a 3 MB article added. */
function siteWithHugeArticle(): string {
  const dir = path.join(tempDir(), 'site');
  fs.cpSync(fixture('feed-budget'), dir, {recursive: true});
  const config = path.join(dir, 'dateline.config.yaml');
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^feedMaxBytes: .*\n/m, '').replace(/^templatesDir: .*$/m, `templatesDir: ${JSON.stringify(path.resolve(fixture('feed-budget'), '../../../templates'))}`));
  const paragraph = 'The inquiry heard from every harbour worker, one after another, about the night of the storm. '.repeat(10);
  const body = Array.from({length: 3200}, () => paragraph).join('\n\n');
  fs.writeFileSync(path.join(dir, 'articles', '2020-05-10-full-inquiry.md'), `---\ntitle: "The full inquiry"\ndate: "2020-05-10T09:00:00Z"\nsummary: "The harbour inquiry in full."\nsection: Reports\ntags: [Inquiry]\n---\n\n${body}\n\nEND-OF-INQUIRY\n`);
  assert.ok(fs.statSync(path.join(dir, 'articles', '2020-05-10-full-inquiry.md')).size > 3_000_000);
  return dir;
}

test.after(() => removeTempDirs());

test('should keep every feed of a site with a 3 MB article within 1 MiB, the article summarized with a link', async () => {
  const site = siteWithHugeArticle();
  const cold = await build(site, ['--no-cache']);
  const sizes = feedSizes(cold.out);
  assert.ok(sizes.has('feed.xml') && sizes.has('section/reports/feed.json') && sizes.has('tag/inquiry/atom.xml'), [...sizes.keys()].join(', '));
  for (const [file, size] of sizes) assert.ok(size <= 1_048_576, `${file} is ${size} bytes`);

  const link = 'https://owner.github.io/budget/2020/05/full-inquiry/';
  const rss = fs.readFileSync(path.join(cold.out, 'feed.xml'), 'utf8');
  const item = /<item>(?:(?!<\/item>)[\s\S])*?full-inquiry(?:(?!<\/item>)[\s\S])*<\/item>/.exec(rss)?.[0] ?? '';
  assert.match(item, /<content:encoded><!\[CDATA\[<p>The harbour inquiry in full\.<\/p><p><a href="https:\/\/owner\.github\.io\/budget\/2020\/05\/full-inquiry\/">Read the whole article<\/a>/);
  const json = JSON.parse(fs.readFileSync(path.join(cold.out, 'feed.json'), 'utf8')) as {items: {url: string; content_html: string}[]};
  const big = json.items.find((entry) => entry.url === link)!;
  assert.ok(big.content_html.includes(`<a href="${link}">Read the whole article</a>`) && !big.content_html.includes('END-OF-INQUIRY'), 'JSON Feed: summary and link');
  // The others still carry their whole bodies.
  assert.ok(json.items.some((entry) => entry.content_html.includes('END-OF-FOURTH-LONG-REPORT')), 'a small article is whole');
  // One note, on the article, naming the feeds.
  const notes = cold.stderr.split('\n').filter((line) => line.includes('(feed-size)'));
  assert.equal(notes.length, 1, cold.stderr);
  assert.match(notes[0]!, /^articles\/2020-05-10-full-inquiry\.md: note: too long for the feeds' budget \(`feedMaxBytes`: 1048576 bytes\): its item in feed\.xml, section\/reports\/feed\.xml, tag\/inquiry\/feed\.xml, author\/staff\/feed\.xml \(and their Atom and JSON forms\) carries its summary and a link/);

  // Warm builds (the cache on, three times into one folder) write the same bytes and say the same,
  // the third with the budget the second planned (the site's structure is the same).
  const first = await build(site);
  const second = await build(site, [], first.out);
  const warm = await build(site, [], first.out);
  assert.match(warm.stdout, /plan \(pages from the last build, 0 of \d+ fingerprinted again; 0 of \d+ feed sets planned again\)/);
  assert.equal(snapshotDifferences(snapshot(cold.out), snapshot(warm.out)), []);
  for (const build of [first, second, warm]) assert.equal(build.stderr.split('\n').filter((line) => line.includes('(feed-size)')), notes);
  assert.equal(first.stderr, cold.stderr);
});

test('should summarize all but what fits a small feedMaxBytes, and say so for each article', async () => {
  const {out, stderr} = await build(fixture('feed-budget'), ['--no-cache']);
  for (const [file, size] of feedSizes(out)) assert.ok(size <= 20_000, `${file} is ${size} bytes`);
  for (const file of ['feed.xml', 'atom.xml', 'feed.json', 'section/reports/feed.xml']) {
    const text = fs.readFileSync(path.join(out, file), 'utf8');
    // The newest article fits whole; the older three would pass the budget, so they carry summary and link.
    assert.ok(text.includes('END-OF-FOURTH-LONG-REPORT'), `${file}: the newest is whole`);
    for (const older of ['FIRST', 'SECOND', 'THIRD']) assert.not.ok(text.includes(`END-OF-${older}-LONG-REPORT`), `${file}: ${older} is summarized`);
    assert.is(text.split('Read the whole article').length - 1, 3, `${file}: three links to the page`);
  }
  const notes = stderr.split('\n').filter((line) => line.includes('(feed-size)'));
  assert.equal(
    notes.map((line) => line.split(':')[0]),
    ['articles/2020-05-01-first-long-report.md', 'articles/2020-05-02-second-long-report.md', 'articles/2020-05-03-third-long-report.md'],
  );
  assert.match(notes[0]!, /: note: too long for the feeds' budget \(`feedMaxBytes`: 20000 bytes\): its item in feed\.xml, section\/reports\/feed\.xml, author\/staff\/feed\.xml \(and their Atom and JSON forms\) carries its summary and a link to the page instead of the whole article \(feed-size\)$/);
});

test('should warn on the config when even summaries pass feedMaxBytes, and again on warm builds', async () => {
  const site = path.join(tempDir(), 'site');
  fs.cpSync(fixture('feed-budget'), site, {recursive: true});
  const config = path.join(site, 'dateline.config.yaml');
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^feedMaxBytes: .*$/m, 'feedMaxBytes: 16384').replace(/^templatesDir: .*$/m, `templatesDir: ${JSON.stringify(path.resolve(fixture('feed-budget'), '../../../templates'))}`));
  // Twenty-four articles whose summaries alone, twenty of them, pass the smallest budget.
  const summary = 'The harbour board heard every side of the dispute over the new quay. '.repeat(10);
  for (let day = 1; day <= 24; day++) {
    fs.writeFileSync(path.join(site, 'articles', `2020-04-${String(day).padStart(2, '0')}-board-${day}.md`), `---\ntitle: "Board meeting ${day}"\ndate: "2020-04-${String(day).padStart(2, '0')}T09:00:00Z"\nsummary: "${summary}"\nsection: Reports\n---\n\nThe board met again.\n`);
  }
  const over = (stderr: string) => stderr.split('\n').filter((line) => line.includes('even as summaries'));
  const cold = await build(site, ['--no-cache']);
  assert.ok(over(cold.stderr).some((line) => /^dateline\.config\.yaml: warning: feed\.xml \(and its Atom and JSON forms\) holds 20 articles, more than fit in `feedMaxBytes` \(16384 bytes\)/.test(line)), cold.stderr);
  const first = await build(site);
  await build(site, [], first.out);
  const warm = await build(site, [], first.out);
  assert.match(warm.stdout, /0 of \d+ feed sets planned again/, 'the budget came from the last build');
  assert.equal(over(warm.stderr), over(cold.stderr));
  assert.equal(snapshotDifferences(snapshot(cold.out), snapshot(warm.out)), []);
});

test('should summarize more items when rendering finds the plan short of the budget', () => {
  const config = testConfig({feedMaxBytes: 20_000});
  // feedBytes says the bodies are tiny (as a wrong estimate would); the renderers must still keep within the budget.
  const articles = Array.from({length: 4}, (_, index) => {
    const html = `<p>${'word '.repeat(1500)}BODY-${index}</p>`;
    return makeArticle({title: `Story ${index}`, slug: `s${index}`, path: `2020/01/s${index}/`, summary: `Summary ${index}.`, html, feedHtml: html, feedBytes: 10});
  });
  const files = buildFeeds({title: 'T', description: 'D', home: '', paths: {rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json'}, id: config.idBase, articles}, config, feedItems(config, testBodies));
  for (const file of files) {
    const text = String('contents' in file ? file.contents : '');
    assert.ok(Buffer.byteLength(text) <= 20_000, `${file.path} is ${Buffer.byteLength(text)} bytes`);
    assert.ok(text.includes('BODY-0') || text.includes('BODY-1') || text.includes('BODY-2') || text.includes('BODY-3'), `${file.path}: some body is whole`);
  }
});

test.run();
