/**
 * Editions and the build cache: after each change that touches editions or translations, a warm
 * build (cache on, into the previous output) gives the same bytes as a cold one; and pages
 * rendered on worker threads equal pages rendered on the main thread.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {root} from './helpers/config.ts';
import {snapshot, snapshotDifferences} from './helpers/files.ts';
import {assertWarmEqualsCold as warmEqualsCold} from './helpers/warm-cold.ts';
import {runCliAsync} from './helpers/run-cli.ts';

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-editions-'));
for (const name of ['articles', 'templates', 'dateline.config.yaml']) fs.cpSync(path.join(root, name), path.join(site, name), {recursive: true});
const config = path.join(site, 'dateline.config.yaml');
fs.appendFileSync(config, '\neditions:\n  - {lang: en, title: The Dateline Gazette}\n  - {lang: fr, title: La Gazette, description: Les nouvelles de Kestrel Bay, path: fr/}\n');
const warmOut = path.join(site, 'dist');
const now = '2026-01-01T00:00:00Z';
const article = (name: string) => path.join(site, 'articles', name);
const frost = article('2017-01-29-frost-half-marathon.md');
const french = article('2017-01-30-semi-marathon-du-givre.md');

const assertWarmEqualsCold = (change: string) => warmEqualsCold(site, now, change);

const hreflangs = (page: string): string[] => [...fs.readFileSync(path.join(warmOut, page), 'utf8').matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((match) => `${match[1]} ${match[2]!.replace(/^https?:\/\/[^/]+/, '')}`);

test.after(() => fs.rmSync(site, {recursive: true, force: true}));

test('should give the same output warm as cold as translations, editions and their strings change', async () => {
  fs.writeFileSync(frost, fs.readFileSync(frost, 'utf8').replace(/^section:/m, 'translationKey: frost\nsection:'));
  fs.writeFileSync(
    french,
    '---\ntitle: "Semi-marathon du Givre : record battu"\ndate: 2017-01-30T10:00:00Z\nauthor: Claire Dubois\nsection: Sport\ntags: [course]\nlang: fr\ntranslationKey: frost\n---\n\nPlus de mille coureurs ont pris le départ dimanche matin du semi-marathon du Givre.\n',
  );
  await assertWarmEqualsCold('first build');
  const englishPage = '2017/01/frost-half-marathon/index.html';
  const frenchPage = 'fr/2017/01/semi-marathon-du-givre/index.html';
  assert.equal(hreflangs(englishPage), ['en /dateline/2017/01/frost-half-marathon/', 'fr /dateline/fr/2017/01/semi-marathon-du-givre/', 'x-default /dateline/2017/01/frost-half-marathon/']);
  assert.equal(hreflangs(frenchPage), hreflangs(englishPage));

  fs.appendFileSync(french, '\nLe vainqueur a franchi la ligne en une heure et quatre minutes.\n');
  await assertWarmEqualsCold('an edit of the French version');

  // The French version gets another key: neither page names the other any more.
  fs.writeFileSync(french, fs.readFileSync(french, 'utf8').replace('translationKey: frost', 'translationKey: givre'));
  await assertWarmEqualsCold('a translation unlinked');
  assert.equal(hreflangs(englishPage), []);
  assert.equal(hreflangs(frenchPage), []);

  fs.writeFileSync(french, fs.readFileSync(french, 'utf8').replace('translationKey: givre', 'translationKey: frost'));
  await assertWarmEqualsCold('linked again');
  assert.equal(hreflangs(frenchPage).length, 3);

  // An English article moves to the French edition.
  const budget = article('2017-01-12-council-approves-2017-budget.md');
  fs.writeFileSync(budget, fs.readFileSync(budget, 'utf8').replace(/^section:/m, 'lang: fr\nsection:'));
  await assertWarmEqualsCold('an article moved to another edition');
  assert.ok(fs.existsSync(path.join(warmOut, 'fr/2017/01/council-approves-2017-budget/index.html')));
  assert.not.ok(fs.existsSync(path.join(warmOut, '2017/01/council-approves-2017-budget/index.html')));

  const strings = path.join(site, 'templates', 'strings', 'fr.yaml');
  fs.writeFileSync(strings, fs.readFileSync(strings, 'utf8').replace(/^related_articles: .*$/m, 'related_articles: À lire aussi'));
  await assertWarmEqualsCold("a change of the French theme's words");

  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('title: La Gazette,', 'title: La Gazette du port,'));
  await assertWarmEqualsCold("a change of an edition's title");
  assert.match(fs.readFileSync(path.join(warmOut, 'fr/feed.xml'), 'utf8'), /<title>La Gazette du port<\/title>/);
});

test('should render every edition the same on worker threads as on the main thread', async () => {
  const outs = {always: path.join(site, 'out-workers'), never: path.join(site, 'out-main')};
  for (const [setting, out] of Object.entries(outs)) {
    const result = await runCliAsync(['build', '--out', out, '--no-cache', '--now', now], {cwd: site, env: {DATELINE_WORKERS: setting}});
    assert.is(result.status, 0, result.stderr);
  }
  const a = snapshot(outs.always);
  assert.equal(snapshotDifferences(a, snapshot(outs.never)), []);
  assert.ok(a.has('fr/index.html'));
});

test.run();
