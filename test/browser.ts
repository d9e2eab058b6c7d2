/**
 * The sample site in a real browser: Debian's Chromium driven by playwright-core, the site
 * built for and served under the sub-path `/dateline/` on 127.0.0.1 with a strict CSP.
 * Checks, at 375 px and 1280 px: no horizontal overflow, every internal link resolves,
 * dark mode applies, search finds the wire article by a word of its body, and axe-core
 * reports no violations. Screenshots go to `test-results/` (git-ignored).
 *
 * Without Chromium the suite is skipped with a loud message, unless `CI` is set: then it fails.
 */
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {chromium, type Browser, type Page} from 'playwright-core';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildSite} from '../scripts/lib/build/build-site.ts';
import {root} from './helpers/config.ts';
import {urlsOf} from './helpers/files.ts';
import {serveStatic, type StaticServer} from './helpers/serve.ts';

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const basePath = '/dateline/';
const artifacts = path.join(root, 'test-results', 'browser');
const widths = [375, 1280] as const;
/** One page of each kind, relative to the site root. */
const pages = {
  front: '',
  article: '2017/01/research-vessel-returns-from-winter-survey/',
  wire: '2017/01/syrian-opposition-to-attend-astana-talks/',
  rtl: '2017/02/winter-market-in-arabic/',
  tag: 'tag/kestrel-bay/',
  author: 'author/helen-marsh/',
  archive: 'archive/2017/01/',
  search: 'search/',
  missing: 'no/such/page/',
  /** The article with the sample site's photo, `articles/east-quay-dusk.jpg`, as its lead image. */
  photo: '2017/01/east-quay-library-reopens/',
} as const;

const state: {server?: StaticServer; browser?: Browser; site?: string; out?: string; problems: string[]} = {problems: []};

/** A fresh page at `width`, recording console errors (CSP violations among them) in `state.problems`. */
async function open(width: number, relative: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await state.browser!.newPage({viewport: {width, height: 900}, colorScheme});
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 404/.test(message.text())) state.problems.push(`${relative} @${width}: ${message.text()}`);
  });
  page.on('pageerror', (error) => state.problems.push(`${relative} @${width}: ${error.message}`));
  await page.goto(state.site + relative, {waitUntil: 'load'});
  return page;
}

if (!fs.existsSync(executablePath) && !process.env['CI']) {
  console.warn(`\n${'!'.repeat(72)}\n!! SKIPPING the browser tests: no Chromium at ${executablePath}.\n!! Install it (apt-get install chromium) or set CHROMIUM_PATH; in CI they must run.\n${'!'.repeat(72)}\n`);
} else {
  test.before(async () => {
    // The port is known only once the server listens: serve a folder, then build the site into it.
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-browser-'));
    state.server = await serveStatic(path.join(out, 'dist'), basePath);
    state.site = `${state.server.origin}${basePath}`;
    state.out = path.join(out, 'dist');
    // The sample site with its search index in shards of three articles, so search merges them.
    const config = path.join(out, 'dateline.config.yaml');
    fs.writeFileSync(config, `${fs.readFileSync(path.join(root, 'dateline.config.yaml'), 'utf8')}\nsearchShardSize: 3\n`);
    const result = await buildSite({cwd: root, out: state.out, url: state.site, env: {}, now: '2017-03-01T00:00:00Z', config});
    assert.ok(fs.existsSync(path.join(state.out, 'pagefind', 'shard-0', 'pagefind-entry.json')), 'the index is in shards');
    assert.ok(result.ok, JSON.stringify(result.files.flatMap((file) => file.messages.map(String))));
    state.browser = await chromium.launch({executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']});
    fs.mkdirSync(artifacts, {recursive: true});
  });

  test.after(async () => {
    await state.browser?.close();
    await state.server?.close();
    if (state.out) fs.rmSync(path.dirname(state.out), {recursive: true, force: true});
  });

  test('should fit every kind of page in 375 px and 1280 px without horizontal scrolling', async () => {
    for (const width of widths) {
      for (const [name, relative] of Object.entries(pages)) {
        const page = await open(width, relative);
        const {scroll, client} = await page.evaluate(() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth}));
        assert.ok(scroll <= client, `${name} at ${width}px: content is ${scroll}px wide in a ${client}px viewport`);
        if (name !== 'search') await page.screenshot({path: path.join(artifacts, `${name}-${width}.png`), fullPage: true});
        await page.close();
      }
    }
  });

  test('should resolve every internal link of every page (crawl from the front page)', async () => {
    const seen = new Set<string>([state.site!]);
    const queue = [state.site!];
    const broken: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift()!;
      const response = await fetch(url);
      if (response.status !== 200) {
        broken.push(`${url}: ${response.status}`);
        continue;
      }
      if (!(response.headers.get('content-type') ?? '').includes('text/html')) continue;
      for (const link of urlsOf(await response.text())) {
        const target = new URL(link, url);
        target.hash = '';
        if (target.origin !== state.server!.origin || seen.has(target.href)) continue;
        seen.add(target.href);
        queue.push(target.href);
      }
    }
    assert.equal(broken, []);
    assert.ok(seen.size > 40, `only ${seen.size} URLs crawled`);
    const missing = await fetch(state.site + pages.missing);
    assert.is(missing.status, 404);
  });

  test('should switch to the dark palette when the reader prefers it', async () => {
    const background = async (scheme: 'light' | 'dark'): Promise<string> => {
      const page = await open(375, pages.article, scheme);
      const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (scheme === 'dark') await page.screenshot({path: path.join(artifacts, 'article-375-dark.png'), fullPage: true});
      await page.close();
      return colour;
    };
    const [light, dark] = [await background('light'), await background('dark')];
    assert.is(light, 'rgb(253, 252, 250)');
    assert.is(dark, 'rgb(18, 18, 18)');
  });

  test('should render an Arabic article right to left, in its own language', async () => {
    for (const width of widths) {
      const page = await open(width, pages.rtl);
      const layout = await page.evaluate(() => {
        const heading = document.querySelector('article h1')!;
        const range = document.createRange();
        range.selectNodeContents(heading);
        const box = heading.getBoundingClientRect();
        const text = range.getBoundingClientRect();
        const article = heading.closest('article')!;
        return {lang: article.lang, direction: getComputedStyle(heading).direction, gap: Math.round(box.right - text.right), html: document.documentElement.lang};
      });
      assert.equal(layout, {lang: 'ar', direction: 'rtl', gap: 0, html: 'en'}, `at ${width}px`);
      await page.close();
    }
  });

  test('should find the wire article by a word of its body on the search page', async () => {
    const page = await open(1280, `${pages.search}?q=Alloush`);
    const link = page.locator('.pagefind-ui__result-link').first();
    await link.waitFor({timeout: 15_000});
    assert.is(await link.getAttribute('href'), basePath + pages.wire);
    const input = page.locator('.pagefind-ui__search-input');
    await input.fill('harbour');
    await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__result-link').length > 1, undefined, {timeout: 15_000});
    await page.screenshot({path: path.join(artifacts, 'search-1280.png'), fullPage: true});
    await page.close();
  });

  test('should have no axe-core violations on the front page, an article, a tag page and the 404 page', async () => {
    const axe = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const violations: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, relative] of Object.entries({front: pages.front, article: pages.article, wire: pages.wire, rtl: pages.rtl, tag: pages.tag, missing: pages.missing})) {
        const page = await open(scheme === 'light' ? 1280 : 375, relative, scheme);
        await page.evaluate(axe);
        const found = await page.evaluate(async () => {
          const result = await (window as unknown as {axe: {run: () => Promise<{violations: {id: string; nodes: {target: unknown}[]}[]}>}}).axe.run();
          return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
        });
        violations.push(...found.map((violation) => `${name} (${scheme}): ${violation}`));
        await page.close();
      }
    }
    assert.equal(violations, []);
  });

  test('should pick a photo candidate no wider than twice its displayed width, in a modern format, with no layout shift', async () => {
    for (const width of widths) {
      const page = await state.browser!.newPage({viewport: {width, height: 900}});
      // Photos are held back until the page has been measured, as on a slow network: it must keep their space meanwhile.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\.(avif|webp|jpg|png)$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.addInitScript(() => {
        (window as unknown as {shift: number}).shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) (window as unknown as {shift: number}).shift += (entry as unknown as {value: number}).value;
        }).observe({type: 'layout-shift', buffered: true});
      });
      await page.goto(state.site + pages.photo, {waitUntil: 'domcontentloaded'});
      const lead = page.locator('.lead-figure picture img');
      const before = await lead.evaluate((img: HTMLImageElement) => ({complete: img.complete && img.naturalWidth > 0, height: img.getBoundingClientRect().height}));
      release();
      await lead.evaluate((img: HTMLImageElement) => img.decode());
      const after = await lead.evaluate((img: HTMLImageElement) => ({
        height: img.getBoundingClientRect().height,
        shown: img.getBoundingClientRect().width,
        natural: img.naturalWidth,
        source: img.currentSrc,
        ratio: window.devicePixelRatio,
        shift: (window as unknown as {shift: number}).shift,
      }));
      assert.not.ok(before.complete, 'the photo was there before its response was let through: the check proves nothing');
      assert.ok(before.height > 100 && Math.abs(before.height - after.height) < 1, `at ${width}px the photo's box was ${before.height}px high before it loaded and ${after.height}px after`);
      assert.is(after.shift, 0, `layout shift ${after.shift} at ${width}px`);
      assert.match(after.source, /\.avif$/, `at ${width}px Chromium took ${after.source}`);
      assert.ok(after.natural <= 2 * after.shown * after.ratio, `at ${width}px a ${after.natural}px candidate for ${after.shown}px shown: ${after.source}`);
      assert.ok(after.natural >= after.shown * after.ratio, `at ${width}px a ${after.natural}px candidate is blurred at ${after.shown}px`);
      await page.screenshot({path: path.join(artifacts, `photo-${width}.png`)});
      await page.close();
    }
  });

  test('should load every page without a console error or a CSP violation', () => {
    assert.equal(state.problems, []);
  });
}

test.run();
