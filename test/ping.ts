/** `dateline ping` through the real command line, against a WebSub hub the test runs on 127.0.0.1. */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {changedFeedsPath, writeChangedFeeds} from '../scripts/lib/websub/changed-feeds.ts';
import {copySite} from './helpers/copy-site.ts';
import {listFiles, removeTempDirs, tempDir} from './helpers/files.ts';
import {runCliAsync} from './helpers/run-cli.ts';

const site = 'https://owner.github.io/repo/';
const buildNow = ['--now', '2021-03-06T00:00:00Z'];
/** Retries wait 10 ms, 20 ms, 40 ms instead of seconds. */
const env = {DATELINE_PING_BACKOFF_MS: '10'};

/** One request as the hub saw it. */
interface Received {
  readonly method: string;
  readonly contentType: string;
  readonly form: [string, string][];
}

/** An answer the hub gives to the `n`th request (from 1) it receives, after `delayMs`. */
type Answer = (n: number, form: URLSearchParams) => {status: number; body?: string; delayMs?: number};

/** The hubs the running test started: each is closed when the test ends, pass or fail. */
const openHubs: (() => Promise<void>)[] = [];
test.after.each(async () => {
  await Promise.all(openHubs.splice(0).map((close) => close()));
});

/** A WebSub hub on 127.0.0.1 that records every request and answers as `answer` says (default: 204); closed after the test. */
async function startHub(answer: Answer = () => ({status: 204})): Promise<{url: string; received: Received[]}> {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      received.push({method: request.method ?? '', contentType: request.headers['content-type'] ?? '', form: [...form]});
      const {status, body = '', delayMs = 0} = answer(received.length, form);
      setTimeout(() => response.writeHead(status, {'content-type': 'text/plain'}).end(body), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  openHubs.push(() => new Promise((resolve) => server.close(() => resolve())));
  return {url: `http://127.0.0.1:${port}/`, received};
}

/** A copy of the fixture site whose config names `hub` as its WebSub hub. */
function siteWithHub(hub: string): string {
  const cwd = copySite();
  fs.appendFileSync(path.join(cwd, 'dateline.config.yaml'), `websubHub: ${hub}\n`);
  return cwd;
}

/** The hash of every feed document (RSS, Atom, JSON Feed, archives included) in an output folder, by absolute URL. */
function feedHashes(out: string): Map<string, string> {
  const feeds = listFiles(out).filter((file) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file));
  return new Map(feeds.map((file) => [new URL(file, site).href, createHash('sha256').update(fs.readFileSync(path.join(out, file))).digest('hex')]));
}

/** The feed URLs the hub was told about, sorted; every request must be a well-formed publish. */
function published(received: readonly Received[]): string[] {
  for (const request of received) {
    assert.is(request.method, 'POST');
    assert.is(request.contentType, 'application/x-www-form-urlencoded');
    assert.equal(request.form.map(([name]) => name), ['hub.mode', 'hub.url']);
    assert.is(request.form[0]![1], 'publish');
  }
  return received.map((request) => request.form[1]![1]).sort();
}

/** The feeds the last build recorded as changed, in the record's (sorted) order. */
function recordedFeeds(cwd: string): string[] {
  return (JSON.parse(fs.readFileSync(changedFeedsPath(path.join(cwd, 'node_modules/.cache/dateline')), 'utf8')) as {feeds: string[]}).feeds;
}

async function build(cwd: string, out: string): Promise<void> {
  const result = await runCliAsync(['build', '--out', out, ...buildNow], {cwd});
  assert.is(result.status, 0, result.stderr);
}

test('should tell the hub every feed after a cold build, exactly the changed ones after an edit, and none after no change', async () => {
  const hub = await startHub();
  const cwd = siteWithHub(hub.url);
  const out = path.join(tempDir(), 'out');

  // Cold: every feed is new.
  await build(cwd, out);
  const cold = feedHashes(out);
  const first = await runCliAsync(['ping'], {cwd, env});
  assert.is(first.status, 0, first.stderr);
  assert.is(first.stderr, '');
  assert.equal(published(hub.received), [...cold.keys()].sort());
  assert.equal(published(hub.received), recordedFeeds(cwd), 'exactly the record');
  assert.ok(cold.size >= 20, `the fixture has many feeds: ${cold.size}`);
  assert.ok(first.stdout.includes(`Pinged ${site}feed.xml\n`), first.stdout);
  assert.match(first.stdout, new RegExp(`^Told ${hub.url} about ${cold.size} changed feeds: all accepted\\.$`, 'm'));

  // One article's body edited: the feeds whose bytes changed, and only those.
  const article = path.join(cwd, 'articles/2017-02-01-night-ferry-timetable.md');
  const text = fs.readFileSync(article, 'utf8');
  fs.writeFileSync(article, `${text.trimEnd()}\n\nThe first sailing now leaves at 22:40.\n`);
  await build(cwd, out);
  const warm = feedHashes(out);
  const changed = [...warm.keys()].filter((url) => cold.get(url) !== warm.get(url)).sort();
  assert.ok(changed.length > 0 && changed.length < warm.size, `some feeds changed, not all: ${changed.join(' ')}`);
  hub.received.length = 0;
  const second = await runCliAsync(['ping'], {cwd, env});
  assert.is(second.status, 0, second.stderr);
  // Every feed instead would mean the build's cache was cold: a file under scripts/lib changed between the builds (the cache's version hashes them).
  assert.equal(published(hub.received), changed, `the feeds whose bytes changed (the hub was told of ${hub.received.length} of ${warm.size})`);
  assert.match(second.stdout, new RegExp(`^Told ${hub.url} about ${changed.length} changed feeds?: all accepted\\.$`, 'm'));

  // Built again with no change: nothing to tell.
  await build(cwd, out);
  assert.equal(feedHashes(out), warm);
  hub.received.length = 0;
  const third = await runCliAsync(['ping'], {cwd, env});
  assert.is(third.status, 0, third.stderr);
  assert.equal(hub.received, []);
  assert.is(third.stdout, `The last build changed no feed: nothing to send to ${hub.url}.\n`);
});

test('should print the requests with --dry-run and send none', async () => {
  const hub = await startHub();
  const cwd = siteWithHub(hub.url);
  await build(cwd, path.join(tempDir(), 'out'));
  const feeds = recordedFeeds(cwd);
  assert.ok(feeds.length > 0);
  const result = await runCliAsync(['ping', '--dry-run'], {cwd, env});
  assert.is(result.status, 0, result.stderr);
  assert.equal(hub.received, []);
  const lines = result.stdout.trimEnd().split('\n');
  assert.is(lines[0], `Dry run: would send ${feeds.length} requests to ${hub.url} (Content-Type: application/x-www-form-urlencoded), and sends none:`);
  assert.equal(
    lines.slice(1),
    feeds.map((feed) => `POST ${hub.url} hub.mode=publish&hub.url=${encodeURIComponent(feed)}`),
  );
});

/** A copy of the fixture site naming `hub`, with a record of `feeds` as a build would leave it. */
function siteWithRecord(hub: string, feeds: string[]): string {
  const cwd = siteWithHub(hub);
  writeChangedFeeds(path.join(cwd, 'node_modules/.cache/dateline'), {version: 1, site, feeds});
  return cwd;
}

test('should try again with back-off when the hub answers 5xx, and succeed once it accepts', async () => {
  const hub = await startHub((n) => (n <= 2 ? {status: 503, body: 'busy'} : {status: 204}));
  const cwd = siteWithRecord(hub.url, [`${site}feed.xml`]);
  const result = await runCliAsync(['ping'], {cwd, env});
  assert.is(result.status, 0, result.stderr);
  assert.equal(published(hub.received), [`${site}feed.xml`, `${site}feed.xml`, `${site}feed.xml`]);
  assert.is(result.stdout, `Pinged ${site}feed.xml (after 3 tries)\nTold ${hub.url} about 1 changed feed: all accepted.\n`);
});

test('should give up after 3 retries on a hub that keeps answering 5xx, and exit 1', async () => {
  const hub = await startHub(() => ({status: 502, body: 'bad gateway'}));
  const cwd = siteWithRecord(hub.url, [`${site}feed.xml`]);
  const result = await runCliAsync(['ping'], {cwd, env});
  assert.is(result.status, 1);
  assert.is(hub.received.length, 4);
  assert.ok(result.stderr.includes(`dateline ping: the hub ${hub.url} could not take ${site}feed.xml (after 4 tries): 502 Bad Gateway: "bad gateway"`), result.stderr);
});

test('should report a refusal (4xx) with the feed, the status and the answer, still send the other feeds, and exit 1', async () => {
  // The refused feed comes first and is answered at once; the others wait a little, so a
  // refusal that stopped the run would leave some of them unsent.
  const refused = `${site}atom.xml`;
  const others = ['feed.xml', 'feed.json', 'section/transport/atom.xml', 'section/transport/feed.xml', 'section/transport/feed.json', 'tag/ferries/atom.xml', 'tag/ferries/feed.xml', 'tag/ferries/feed.json'].map((file) => site + file);
  const hub = await startHub((_, form) => (form.get('hub.url') === refused ? {status: 400, body: `  hub.url ${refused} is not\n on an allowed host `} : {status: 202, delayMs: 50}));
  const cwd = siteWithRecord(hub.url, [refused, ...others]);
  const result = await runCliAsync(['ping'], {cwd, env});
  assert.is(result.status, 1);
  assert.equal(published(hub.received), [refused, ...others].sort(), 'a refusal is not retried, and does not stop the others');
  assert.is(
    result.stderr,
    `dateline ping: the hub ${hub.url} refused ${refused}: 400 Bad Request: "hub.url ${refused} is not on an allowed host"\n` +
      `Ping failed: ${hub.url} took 8 of 9 changed feeds; 1 failed (above). Once the cause is fixed, run \`dateline ping\` again: it sends the whole record again.\n`,
  );
  assert.is(result.stdout, others.map((feed) => `Pinged ${feed}\n`).join(''));
});

test('should exit 0 and say so when no websubHub is set', async () => {
  const result = await runCliAsync(['ping'], {cwd: copySite(), env});
  assert.is(result.status, 0, result.stderr);
  assert.is(result.stdout, 'No websubHub is set in dateline.config.yaml, so there is no hub to ping.\n');
  assert.is(result.stderr, '');
});

test('should exit 1 naming the record file and saying to build, when no build has recorded its feeds', async () => {
  const hub = await startHub();
  const cwd = siteWithHub(hub.url);
  const result = await runCliAsync(['ping'], {cwd, env});
  assert.is(result.status, 1);
  assert.is(result.stdout, '');
  // The command's working directory is the real path (macOS's /var is /private/var).
  assert.ok(result.stderr.includes(changedFeedsPath(path.join(fs.realpathSync(cwd), 'node_modules/.cache/dateline'))), result.stderr);
  assert.match(result.stderr, /run `dateline build` first/);
  assert.equal(hub.received, []);
});

test('should leave the record as the last build wrote it after a check, whose output is never published', async () => {
  const hub = await startHub();
  const cwd = siteWithHub(hub.url);
  await build(cwd, path.join(tempDir(), 'out'));
  const file = changedFeedsPath(path.join(cwd, 'node_modules/.cache/dateline'));
  const before = fs.readFileSync(file, 'utf8');
  const check = await runCliAsync(['check', ...buildNow], {cwd});
  assert.is(check.status, 0, check.stderr);
  assert.is(fs.readFileSync(file, 'utf8'), before);
});

test('should refuse to tell a hub about a build for a local address, and send nothing', async () => {
  const hub = await startHub();
  const cwd = siteWithHub(hub.url);
  writeChangedFeeds(path.join(cwd, 'node_modules/.cache/dateline'), {version: 1, site: 'http://localhost:8080/', feeds: ['http://localhost:8080/feed.xml']});
  const result = await runCliAsync(['ping'], {cwd, env});
  assert.is(result.status, 1);
  assert.match(result.stderr, /http:\/\/localhost:8080\/, a local address no hub can fetch; build with the public URL/);
  assert.equal(hub.received, []);
});

test('should document its flags and the back-off variable in --help, and be listed in the top usage', async () => {
  const [help, top] = await Promise.all([runCliAsync(['ping', '--help']), runCliAsync(['--help'])]);
  assert.is(help.status, 0, help.stderr);
  assert.match(help.stdout, /^Usage: dateline ping /);
  for (const word of ['--dry-run', '--config', '--quiet', '--verbose', '--help', 'DATELINE_PING_BACKOFF_MS']) assert.ok(help.stdout.includes(word), word);
  assert.match(top.stdout, /^ {2}ping {5}tell the WebSub hub which feeds the last build changed$/m);
  const bad = await runCliAsync(['ping'], {cwd: copySite(), env: {DATELINE_PING_BACKOFF_MS: 'soon'}});
  assert.is(bad.status, 2);
  assert.match(bad.stderr, /DATELINE_PING_BACKOFF_MS must be a whole number/);
});

test.after(removeTempDirs);
test.run();
