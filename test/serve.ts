/**
 * `dateline serve` end to end: the real command on a temporary copy of the fixture site,
 * fetched over HTTP while its articles change. Every wait is bounded by a timeout.
 */
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {copySite} from './helpers/copy-site.ts';
import {removeTempDirs} from './helpers/files.ts';
import {get, openEvents, spawnServe, until, within, type ServeProcess} from './helpers/serve-process.ts';

/** The address `serve` printed, on 127.0.0.1 (it listens there only). */
async function address(server: ServeProcess): Promise<string> {
  const match = await until('the "Serving" line', () => /Serving http:\/\/localhost:(\d+)(\/\S*) /.exec(server.output.stdout) ?? undefined);
  return `http://127.0.0.1:${match[1]}${match[2]}`;
}

/** The temporary output folder `serve` built into (from its summary line), resolved against `cwd`. */
function outputFolder(server: ServeProcess, cwd: string): string {
  const match = /into (\S+) in /.exec(server.output.stdout);
  assert.ok(match, `a summary line in:\n${server.output.stdout}`);
  return path.dirname(path.resolve(cwd, match[1]!));
}

const article = 'articles/2017-01-05-winter-market-opens.md';

test('should serve under the sub-path, rebuild and reload on change, show errors and recover, and stop cleanly', async () => {
  const cwd = copySite();
  const server = spawnServe(cwd, ['--port', '0']);
  try {
    const base = await address(server);
    assert.ok(base.endsWith('/repo/'), base);

    const root = await get(new URL('/', base).href);
    assert.is(root.status, 302);
    assert.is(root.location, '/repo/');
    const home = await get(base);
    assert.is(home.status, 200);
    assert.ok(home.body.includes('Fixture Times'));
    assert.ok(home.body.includes('<script src="/repo/__dateline/live-reload.js" defer></script>'), 'the live-reload script is included');
    assert.ok(home.body.includes('Embargoed: draft budget leak') && home.body.includes('class="draft-flag"'), 'drafts are shown, marked');
    // The feeds' stylesheet is on the local server (browsers apply XSLT from the feed's own origin only), and drafts stay out of feeds.
    const feed = await get(`${base}feed.xml`);
    const stylesheet = /<\?xml-stylesheet href="([^"]+)" type="text\/xsl"\?>/.exec(feed.body)?.[1];
    assert.is(stylesheet, '/repo/assets/feed.xsl');
    const xsl = await get(new URL(stylesheet!, base).href);
    assert.is(xsl.status, 200);
    assert.ok(xsl.body.includes('xsl:stylesheet'), 'the stylesheet is served');
    assert.not.ok(feed.body.includes('Embargoed'), 'a draft in the feed under serve');
    const script = await get(`${base}__dateline/live-reload.js`);
    assert.is(script.status, 200);
    assert.ok(script.body.includes('EventSource'));
    assert.is((await get(`${base}2017/01/winter-market-opens`)).location, '/repo/2017/01/winter-market-opens/');

    const events = openEvents(`${base}__dateline/events`);
    await until('the event stream to open', () => (events.text().includes(': connected') ? true : undefined));
    const source = path.join(cwd, article);
    const original = fs.readFileSync(source, 'utf8');
    fs.writeFileSync(source, original.replace('Winter market opens on the quay', 'Winter market moves indoors'));
    const page = `${base}2017/01/winter-market-opens/`;
    await until('the new headline', async () => ((await get(page)).body.includes('Winter market moves indoors') ? true : undefined));
    await until('a reload event', () => (events.text().includes('event: reload') ? true : undefined));
    // Only the notes of files that changed: the wire article's six, from the first build, are not repeated.
    const chromeNotes = () => (server.output.stderr.match(/: note: removed page chrome: /g) ?? []).length;
    assert.is(chromeNotes(), 6, server.output.stderr);

    fs.writeFileSync(source, original.replace('title: "Winter market opens on the quay"', 'title: [unclosed'));
    const broken = await until('the error page', async () => {
      const page = await get(base);
      return page.status === 500 ? page : undefined;
    });
    assert.ok(broken.body.includes('Build failed'));
    assert.ok(new RegExp(`${article}:\\d+:\\d+: error: `).test(broken.body), broken.body);
    assert.ok(broken.body.includes('/repo/__dateline/live-reload.js'), 'the error page reloads too');
    assert.ok((await get(`${base}2017/02/night-ferry-timetable/`)).status === 500, 'every page shows the error');
    await until('the error in the terminal', () => (server.output.stderr.includes(`${article}:`) ? true : undefined));
    assert.is((events.text().match(/event: reload/g) ?? []).length >= 2, true, 'a reload event for the failed build');

    fs.writeFileSync(source, original);
    await until('recovery', async () => {
      const fixed = await get(page);
      return fixed.status === 200 && fixed.body.includes('Winter market opens on the quay') ? true : undefined;
    });
    assert.is(chromeNotes(), 6, `notes of unchanged files were printed again:\n${server.output.stderr}`);
    // Saving the wire article prints its notes again.
    const wire = path.join(cwd, 'articles/2017-01-16-syrian-opposition-to-attend-astana-talks.txt');
    fs.appendFileSync(wire, '\n');
    await until('the wire article\'s notes again', () => (chromeNotes() === 12 ? true : undefined));
    events.close();

    const output = outputFolder(server, cwd);
    assert.is(output, path.join(cwd, 'node_modules/.cache/dateline/serve'), 'serve builds into the build cache');
    server.child.kill('SIGINT');
    assert.is(await within('the server to exit', server.exited), 0, server.output.stderr);
    assert.ok(fs.existsSync(path.join(output, 'site/index.html')), 'the cache keeps the served site for the next session');
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
});

test('should show the error page when the first build fails, and stop on SIGTERM', async () => {
  const cwd = copySite();
  fs.writeFileSync(path.join(cwd, article), '---\ntitle: [unclosed\n---\n');
  const server = spawnServe(cwd, ['--port', '0']);
  try {
    const base = await address(server);
    const page = await get(base);
    assert.is(page.status, 500);
    assert.ok(page.body.includes(`${article}:`), page.body);
    assert.ok(server.output.stderr.includes(`${article}:`));
    server.child.kill('SIGTERM');
    assert.is(await within('the server to exit', server.exited), 0, server.output.stderr);
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
});

test('should start a second session warm from the cache, and give a session started beside it a temporary folder', async () => {
  const cwd = copySite();
  const args = ['--port', '0', '--verbose', '--now', '2030-01-01T00:00:00Z'];
  const rendered = (server: ServeProcess): number => Number(/write \((\d+) pages rendered/.exec(server.output.stdout)?.[1] ?? NaN);
  const first = spawnServe(cwd, args);
  let beside: ServeProcess | undefined;
  let again: ServeProcess | undefined;
  try {
    await address(first);
    assert.ok(rendered(first) > 10, first.output.stdout);
    // The new folder gets its spare copy at once, so the first save updates only what it changes.
    assert.match(first.output.stdout, /ms {2}spare \(\d+ files linked\)/);
    beside = spawnServe(cwd, args);
    await address(beside);
    const temporary = outputFolder(beside, cwd);
    assert.ok(path.basename(temporary).startsWith('dateline-serve-'), temporary);
    assert.ok(beside.output.stderr.includes('node_modules/.cache/dateline/serve is in use'), beside.output.stderr);
    beside.child.kill('SIGINT');
    assert.is(await within('the second server to exit', beside.exited), 0, beside.output.stderr);
    assert.not.ok(fs.existsSync(temporary), 'the temporary output is removed');
    first.child.kill('SIGINT');
    assert.is(await within('the first server to exit', first.exited), 0, first.output.stderr);

    again = spawnServe(cwd, args);
    await address(again);
    assert.is(outputFolder(again, cwd), path.join(cwd, 'node_modules/.cache/dateline/serve'));
    assert.is(rendered(again), 0, `the second session rendered pages again:\n${again.output.stdout}`);
    assert.not.match(again.output.stdout, /ms {2}spare \(/, 'the spare kept from the first session is trusted');
    again.child.kill('SIGINT');
    assert.is(await within('the third server to exit', again.exited), 0, again.output.stderr);
  } finally {
    for (const server of [first, beside, again]) if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  }
});

test('should look only at the articles the watcher saw change, once a build has scanned since it watched', async () => {
  const cwd = copySite();
  // So the copied files are not racily clean for the first scans (changed less than a second before them): those are looked at anyway.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const server = spawnServe(cwd, ['--port', '0', '--verbose', '--now', '2030-01-01T00:00:00Z']);
  /** Each build's load step so far: files looked at, and files found. */
  const loads = () => [...server.output.stdout.matchAll(/ms {2}load \((\d+) of (\d+) files looked at\)/g)].map((match) => [Number(match[1]), Number(match[2])]);
  /** The load step of the `count`th build, once its summary is printed. */
  const rebuilt = async (count: number) => until(`build ${count}`, () => ((server.output.stdout.match(/^Rebuilt /gm) ?? []).length >= count - 1 ? loads()[count - 1] : undefined));
  try {
    const base = await address(server);
    const total = loads()[0]![1]!;
    assert.ok(total > 3, server.output.stdout);
    assert.equal(loads(), [[total, total]], 'the first build looks at every file');
    const source = path.join(cwd, article);
    const original = fs.readFileSync(source, 'utf8');
    // The first save after the watcher started: its build scans every file, as it cannot know what changed before.
    fs.writeFileSync(source, original.replace('Winter market opens on the quay', 'Winter market moves indoors'));
    assert.equal(await rebuilt(2), [total, total]);
    fs.writeFileSync(source, original.replace('Winter market opens on the quay', 'Winter market moves to the hall'));
    const [edited] = await rebuilt(3);
    assert.is(edited, 1, 'the saved file alone is looked at');
    // Feed items of the articles that did not change come from the builds before: only the saved article's are made.
    const entries = [...server.output.stdout.matchAll(/render \(\d+ cards, (\d+) feed entries, /g)].map((match) => Number(match[1]));
    assert.ok(entries[0]! > 3, `the first build makes every feed entry: ${entries.join(', ')}`);
    assert.is(entries[2], 1, `the second save made feed entries again: ${entries.join(', ')}`);
    const page = `${base}2017/01/winter-market-opens/`;
    assert.ok((await get(page)).body.includes('Winter market moves to the hall'));
    assert.ok((await get(`${base}tag/markets/feed.xml`)).body.includes('Winter market moves to the hall'), "the tag feed carries the saved article's new item");
    const added = path.join(cwd, 'articles/2017-03-01-a-new-pier.md');
    fs.writeFileSync(added, '---\ntitle: "A new pier"\ndate: 2017-03-01T09:00:00Z\n---\n\nThe pier opens.\n');
    const [looked, found] = await rebuilt(4);
    assert.is(found, total + 1);
    // The new file, and the one saved just before the last scan (racily clean then, so looked at again).
    assert.is(looked, 2);
    assert.is((await get(`${base}2017/03/a-new-pier/`)).status, 200, 'the new article is built');
    fs.rmSync(added);
    const [, after] = await rebuilt(5);
    assert.is(after, total);
    assert.is((await get(`${base}2017/03/a-new-pier/`)).status, 404, 'the removed article is gone');
    // A clash with an article whose claims were granted again unchecked is still found.
    const twin = path.join(cwd, 'articles/2017-01-20-twin.md');
    fs.writeFileSync(twin, '---\ntitle: "A twin"\ndate: 2017-01-20T09:00:00Z\nslug: winter-market-opens\n---\n\nSame URL.\n');
    const refused = await until('the clash', async () => {
      const page = await get(base);
      return page.status === 500 ? page : undefined;
    });
    assert.ok(refused.body.includes('same URL'), refused.body);
    fs.rmSync(twin);
    await until('recovery', async () => ((await get(base)).status === 200 ? true : undefined));
    server.child.kill('SIGINT');
    assert.is(await within('the server to exit', server.exited), 0, server.output.stderr);
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
});

test.after(removeTempDirs);
test.run();
