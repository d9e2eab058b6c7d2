/**
 * The multilingual fixture site (`test/fixtures/editions/`: English at the root, French under
 * `fr/`) in a real browser: Debian's Chromium driven by playwright-core, the site built by the
 * command line for the sub-path `/dateline/` and served there on 127.0.0.1 with a strict CSP.
 * Checks: each edition's page language, the header's language switcher both ways, the link from
 * a French article to its English version (whose hreflang set names the French one), search in
 * each edition finding only its own articles, no horizontal overflow at 375 px, and no axe-core
 * violations. Screenshots go to `test-results/browser-editions/` (git-ignored).
 *
 * Without Chromium the suite is skipped with a loud message, unless `CI` is set: then it fails.
 */
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {chromium, type Browser, type Page} from 'playwright-core';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {root} from './helpers/config.ts';
import {copyFixture} from './helpers/copy-site.ts';
import {removeTempDirs, tempDir} from './helpers/files.ts';
import {runCliAsync} from './helpers/run-cli.ts';
import {serveStatic, type StaticServer} from './helpers/serve.ts';

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const basePath = '/dateline/';
const artifacts = path.join(root, 'test-results', 'browser-editions');
/** Pages of both editions, relative to the site root. */
const pages = {
  front: '',
  frenchFront: 'fr/',
  english: '2017/01/harbour-lights-restored/',
  french: 'fr/2017/01/les-feux-du-port-retablis/',
  /** English only; its body alone has the word "Quillhaven". */
  englishOnly: '2017/02/lighthouse-keeper-retires/',
  /** French wire copy; its body alone has the word "Kerlouan". */
  frenchWire: 'fr/2017/02/tempete-sur-le-finistere/',
  search: 'search/',
  frenchSearch: 'fr/search/',
} as const;

const state: {server?: StaticServer; browser?: Browser; site?: string; problems: string[]} = {problems: []};

/** A fresh page at `width`, recording console errors (CSP violations among them) in `state.problems`. */
async function open(width: number, relative: string): Promise<Page> {
  const page = await state.browser!.newPage({viewport: {width, height: 900}});
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 404/.test(message.text())) state.problems.push(`${relative} @${width}: ${message.text()}`);
  });
  page.on('pageerror', (error) => state.problems.push(`${relative} @${width}: ${error.message}`));
  await page.goto(state.site + relative, {waitUntil: 'load'});
  return page;
}

/** The page's language, direction and hreflang set (`hreflang href` lines, sorted). */
async function languageOf(page: Page): Promise<{lang: string; dir: string; alternates: string[]}> {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    alternates: [...document.querySelectorAll<HTMLLinkElement>('head link[rel~="alternate"][hreflang]')].map((link) => `${link.hreflang} ${link.href}`).sort(),
  }));
}

/** Search on an open search page; the results' links once Pagefind has answered for `term`. */
async function search(page: Page, term: string): Promise<string[]> {
  await page.locator('.pagefind-ui__search-input').fill(term);
  // Pagefind's message names the term while it searches ("Searching for TERM...", "Recherche de TERM en
  // cours...") and once it has answered, with results or none.
  await page.waitForFunction(
    (word) => {
      const message = (document.querySelector('.pagefind-ui__message')?.textContent ?? '').trim();
      return message.includes(word) && !message.endsWith('...');
    },
    term,
    {timeout: 15_000},
  );
  return page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

if (!fs.existsSync(executablePath) && !process.env['CI']) {
  console.warn(`\n${'!'.repeat(72)}\n!! SKIPPING the browser tests: no Chromium at ${executablePath}.\n!! Install it (apt-get install chromium) or set CHROMIUM_PATH; in CI they must run.\n${'!'.repeat(72)}\n`);
} else {
  test.before(async () => {
    // The port is known only once the server listens: serve a folder, then build the site into it.
    const out = path.join(tempDir(), 'dist');
    fs.mkdirSync(out);
    state.server = await serveStatic(out, basePath);
    state.site = `${state.server.origin}${basePath}`;
    const cwd = copyFixture('editions');
    const result = await runCliAsync(['build', '--out', out, '--url', state.site, '--now', '2017-03-01T00:00:00Z'], {cwd});
    assert.is(result.status, 0, result.stderr);
    state.browser = await chromium.launch({executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']});
    fs.mkdirSync(artifacts, {recursive: true});
  });

  test.after(async () => {
    await state.browser?.close();
    await state.server?.close();
    removeTempDirs();
  });

  test('should give each edition’s pages their language', async () => {
    for (const [relative, lang] of [[pages.frenchFront, 'fr'], [pages.french, 'fr'], [pages.frenchSearch, 'fr'], [pages.front, 'en'], [pages.english, 'en']] as const) {
      const page = await open(1280, relative);
      const facts = await languageOf(page);
      assert.equal([facts.lang, facts.dir], [lang, 'ltr'], relative);
      await page.close();
    }
  });

  test('should switch from the French front page to the English one and back with the header’s language links', async () => {
    const page = await open(1280, pages.frenchFront);
    await Promise.all([page.waitForURL(state.site + pages.front), page.locator('header a[hreflang="en"]').first().click()]);
    assert.is((await languageOf(page)).lang, 'en');
    await Promise.all([page.waitForURL(state.site + pages.frenchFront), page.locator('header a[hreflang="fr"]').first().click()]);
    assert.is((await languageOf(page)).lang, 'fr');
    await page.close();
  });

  test('should lead from a French article to its English version, whose hreflang set names the French one', async () => {
    const page = await open(1280, pages.french);
    const french = await languageOf(page);
    const link = page.locator(`a[hreflang="en"][lang="en"][href$="${pages.english}"]`);
    assert.is(await link.count(), 1, 'one visible link to the English version');
    await Promise.all([page.waitForURL(state.site + pages.english), link.click()]);
    const english = await languageOf(page);
    assert.is(english.lang, 'en');
    assert.ok(english.alternates.includes(`fr ${state.site}${pages.french}`), english.alternates.join('\n'));
    assert.equal(english.alternates, french.alternates, 'both versions carry one set');
    await page.close();
  });

  test('should search each edition in its own language: French articles on the French page, English ones on the English page', async () => {
    const french = await open(1280, `${pages.frenchSearch}?q=Kerlouan`);
    const first = french.locator('.pagefind-ui__result-link').first();
    await first.waitFor({timeout: 15_000});
    assert.is(await first.getAttribute('href'), basePath + pages.frenchWire);
    await french.screenshot({path: path.join(artifacts, 'search-fr-1280.png'), fullPage: true});
    const found = await search(french, 'Quillhaven');
    assert.not.ok(found.includes(basePath + pages.englishOnly), `the French search lists the English-only article: ${found.join(' ')}`);
    assert.ok(found.every((href) => href.startsWith(`${basePath}fr/`)), `the French search lists pages outside the French edition: ${found.join(' ')}`);
    await french.close();

    const english = await open(1280, `${pages.search}?q=Quillhaven`);
    const result = english.locator('.pagefind-ui__result-link').first();
    await result.waitFor({timeout: 15_000});
    assert.is(await result.getAttribute('href'), basePath + pages.englishOnly);
    const kerlouan = await search(english, 'Kerlouan');
    assert.not.ok(kerlouan.includes(basePath + pages.frenchWire), `the English search lists the French-only article: ${kerlouan.join(' ')}`);
    await english.close();
  });

  test('should fit the French front page and a French article in 375 px without horizontal scrolling', async () => {
    for (const [name, relative] of [['front-fr', pages.frenchFront], ['article-fr', pages.french]] as const) {
      const page = await open(375, relative);
      const {scroll, client} = await page.evaluate(() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth}));
      assert.ok(scroll <= client, `${name} at 375px: content is ${scroll}px wide in a ${client}px viewport`);
      await page.screenshot({path: path.join(artifacts, `${name}-375.png`), fullPage: true});
      await page.close();
    }
  });

  test('should have no axe-core violations on the French front page and a French article', async () => {
    const axe = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const violations: string[] = [];
    for (const [name, relative] of [['front-fr', pages.frenchFront], ['article-fr', pages.french]] as const) {
      for (const width of [375, 1280]) {
        const page = await open(width, relative);
        await page.evaluate(axe);
        const found = await page.evaluate(async () => {
          const result = await (window as unknown as {axe: {run: () => Promise<{violations: {id: string; nodes: {target: unknown}[]}[]}>}}).axe.run();
          return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
        });
        violations.push(...found.map((violation) => `${name} @${width}: ${violation}`));
        await page.close();
      }
    }
    assert.equal(violations, []);
  });

  test('should load every page without a console error or a CSP violation', () => {
    assert.equal(state.problems, []);
  });
}

test.run();
