/**
 * Lighthouse on the sample site's photo article: "Properly size images"
 * (`uses-responsive-images`) and "Serve images in modern formats" (`modern-image-formats`)
 * must pass, and must have had the photo to judge: the page's `<picture>` is among the image
 * elements Lighthouse gathered, and the browser fetched one of its derived files. The site is
 * built into a temporary folder and served on 127.0.0.1 under its sub-path; Debian's Chromium
 * runs headless with a DevTools port Lighthouse connects to.
 *
 * Without Chromium the suite is skipped with a loud message, unless `CI` is set: then it fails.
 */
import {execFile, spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import type {Result} from 'lighthouse';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildSite} from '../scripts/lib/build/build-site.ts';
import {root} from './helpers/config.ts';
import {serveStatic, type StaticServer} from './helpers/serve.ts';

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const basePath = '/dateline/';
/** The article with the sample site's photo, `articles/east-quay-dusk.jpg`, as its lead image. */
const photoPage = '2017/01/east-quay-library-reopens/';
const audits = ['uses-responsive-images', 'modern-image-formats'] as const;

/** What `helpers/run-lighthouse.mjs` prints: the report, and the image elements Lighthouse gathered. */
interface Run {
  readonly lhr: Result;
  readonly imageElements: readonly {src: string; srcset: string; isPicture: boolean; displayedWidth: number; displayedHeight: number}[];
}

const state: {dir?: string; server?: StaticServer; chromium?: ChildProcess; run?: Promise<Run>} = {};

/** Start Chromium headless with a DevTools port of the system's choosing; resolves with the port once it listens. */
function startChromium(profile: string): Promise<{process: ChildProcess; port: number}> {
  const child = spawn(executablePath, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {stdio: ['ignore', 'ignore', 'pipe']});
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools port in 30 s:\n${output}`)), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${output}`)));
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output)?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({process: child, port: Number(port)});
    });
  });
}

/** Build the sample site into a temporary folder, serve it, and run Lighthouse's image audits on the photo article: once, for every test. */
function audit(): Promise<Run> {
  state.run ??= (async () => {
    const dir = (state.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-lighthouse-')));
    const out = path.join(dir, 'dist');
    state.server = await serveStatic(out, basePath);
    const site = `${state.server.origin}${basePath}`;
    const result = await buildSite({cwd: root, out, url: site, env: {}, now: '2017-03-01T00:00:00Z'});
    assert.ok(result.ok, JSON.stringify(result.files.flatMap((file) => file.messages.map(String))));
    const chromium = await startChromium(path.join(dir, 'profile'));
    state.chromium = chromium.process;
    // In a plain `node` process (see the helper), bounded: a run takes about ten seconds.
    const {stdout} = await promisify(execFile)(process.execPath, [path.join(root, 'test', 'helpers', 'run-lighthouse.mjs'), `${site}${photoPage}`, String(chromium.port), ...audits, 'network-requests'], {
      maxBuffer: 64 * 1024 * 1024,
      timeout: 180_000,
    });
    const run = JSON.parse(stdout) as Run;
    assert.is(run.lhr.runtimeError, undefined, JSON.stringify(run.lhr.runtimeError));
    return run;
  })();
  return state.run;
}

if (!fs.existsSync(executablePath) && !process.env['CI']) {
  console.warn(`\n${'!'.repeat(72)}\n!! SKIPPING the Lighthouse tests: no Chromium at ${executablePath}.\n!! Install it (apt-get install chromium) or set CHROMIUM_PATH; in CI they must run.\n${'!'.repeat(72)}\n`);
} else {
  test.after(async () => {
    // Chromium writes to its profile until it has exited: wait for it before removing the folder.
    const chromium = state.chromium;
    if (chromium && chromium.exitCode === null && chromium.signalCode === null) {
      const exited = new Promise((resolve) => chromium.once('exit', resolve));
      chromium.kill();
      await exited;
    }
    chromium?.stderr?.destroy();
    await state.server?.close();
    if (state.dir) fs.rmSync(state.dir, {recursive: true, force: true, maxRetries: 5});
  });

  test('should have the photo on the page for Lighthouse to judge: a <picture> whose derived file the browser fetched', async () => {
    const {lhr, imageElements} = await audit();
    const photo = imageElements.find((image) => /\/east-quay-dusk-[0-9a-f]{10}-\d+\.(avif|webp|jpg)$/.test(image.src));
    assert.ok(photo, `the photo is not among the page's images: ${imageElements.map((image) => image.src).join(', ')}`);
    assert.ok(photo.isPicture, 'the photo is not in a <picture>');
    assert.ok(photo.srcset, 'the photo has no srcset');
    assert.ok(photo.displayedWidth > 0 && photo.displayedHeight > 0, 'the photo is not displayed');
    const requests = (lhr.audits['network-requests']?.details as {items?: {url: string; mimeType?: string; statusCode?: number}[]} | undefined)?.items ?? [];
    const fetched = requests.filter((request) => request.url.includes('/east-quay-dusk-'));
    assert.equal(
      fetched.map((request) => [request.url === photo.src, request.statusCode, request.mimeType]),
      [[true, 200, 'image/avif']],
      'one photo fetched, the AVIF candidate the page shows',
    );
  });

  for (const id of audits) {
    test(`should pass Lighthouse's "${id}" on the photo article, having judged the photo`, async () => {
      const {lhr} = await audit();
      const result = lhr.audits[id]!;
      assert.is.not(result.scoreDisplayMode, 'notApplicable', `${id} was not applicable`);
      assert.is.not(result.scoreDisplayMode, 'error', `${id}: ${result.errorMessage}`);
      const items = (result.details as {items?: {url: string; wastedBytes: number}[]} | undefined)?.items ?? [];
      assert.equal(items, [], `${id} found savings: ${JSON.stringify(items)}`);
      assert.is(result.score, 1, `${id} scored ${result.score}`);
    });
  }
}

test.run();
