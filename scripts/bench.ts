/**
 * `npm run bench`: build generated corpora of N articles, cold and warm, beside a cost floor,
 * the mandated Markdown chain alone, Hugo (when installed) and Eleventy (when `ELEVENTY_DIR`
 * names a folder where `npm i @11ty/eleventy@3 @11ty/eleventy-plugin-rss` was run), and print
 * two tables. Timings are medians; ratios are medians of per-run ratios, the tools taking turns
 * within each run, since the machine is shared and noisy. Builds run through
 * `node scripts/bin.js build`, as users run them.
 *
 * Cold: the full site, and the same with `search: false`. Warm: one article edited, and one new
 * article published (the newest), with and without search, each with the files its write step wrote;
 * and `serve` without search: from saving an article to the reload event its open pages get.
 *
 * Then a corpus of photos (`--photos`, 200; 0 for none): the cold build with `--no-cache` and a
 * warm one with nothing changed, each with its image step's time and images per second.
 *
 *   ELEVENTY_DIR=/tmp/eleventy npm run bench -- [--sizes 1000,4000,10000|none] [--runs 3] [--no-hugo] [--photos 200]
 */
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {writeCorpus} from './bench/generate-corpus.ts';
import {writeEleventySite} from './bench/eleventy-site.ts';
import {writeHugoSite} from './bench/hugo-site.ts';
import {writePhotoCorpus} from './bench/photo-corpus.ts';
import {serveLatency} from './bench/serve-latency.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));
const {values} = parseArgs({options: {sizes: {type: 'string', default: '1000,4000,10000'}, runs: {type: 'string', default: '3'}, 'no-hugo': {type: 'boolean'}, photos: {type: 'string', default: '200'}}});
const sizes = values.sizes === 'none' ? [] : values.sizes.split(',').map(Number);
const photos = Number(values.photos);
const runs = Number(values.runs);
const hugo = !values['no-hugo'] && spawnSync('hugo', ['version']).status === 0;
// Eleventy, never a dependency: a folder where `npm i @11ty/eleventy@3 @11ty/eleventy-plugin-rss` was run.
const eleventy = process.env.ELEVENTY_DIR && fs.existsSync(path.join(process.env.ELEVENTY_DIR, 'node_modules/@11ty/eleventy')) ? path.resolve(process.env.ELEVENTY_DIR) : undefined;
const timer = fs.existsSync('/usr/bin/time');

/** Wall seconds, peak RSS (MiB) as GNU time reports it, and for Dateline the files its write step wrote. */
interface Measure {
  readonly seconds: number;
  readonly mib: number;
  readonly written?: number;
}

/** Run a command, return wall seconds and peak RSS (MiB) as GNU time reports them. */
function measure(command: string, args: string[], cwd: string): Measure {
  const started = performance.now();
  const run = timer
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {cwd, encoding: 'utf8'})
    : spawnSync(command, args, {cwd, encoding: 'utf8'});
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stderr}`);
  const kib = timer ? Number(run.stderr.trim().split('\n').at(-1)) : Number.NaN;
  const written = /write \(\d+ pages rendered, (\d+) files written/.exec(run.stdout)?.[1];
  return {seconds, mib: kib / 1024, ...(written === undefined ? {} : {written: Number(written)})};
}

const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const tsx = path.join(repo, 'node_modules/.bin/tsx');
const bin = path.join(repo, 'scripts/bin.js');
const build = (dir: string, ...flags: string[]) => measure(process.execPath, [bin, 'build', '--verbose', '--now', '2030-01-01T00:00:00Z', ...flags], dir);
const chainScript = path.join(repo, 'scripts/bench/markdown-chain.ts');
// Compile the CLI's bundle before anything is timed (the first run of a checkout does it).
spawnSync(process.execPath, [bin, '--help']);

function hashTree(dir: string): string {
  const hash = createHash('sha1');
  for (const name of (fs.readdirSync(dir, {recursive: true}) as string[]).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isFile()) hash.update(name).update(fs.readFileSync(full));
  }
  return hash.digest('hex');
}

/** The cost floor: read every article, write one small file per article. */
const floorScript = `
const fs = require('fs'), path = require('path');
const [src, out] = process.argv.slice(1);
fs.rmSync(out, {recursive: true, force: true});
for (const name of fs.readdirSync(src)) {
  const text = fs.readFileSync(path.join(src, name), 'utf8');
  const dir = path.join(out, name.replace(/\\.[a-z]+$/, ''));
  fs.mkdirSync(dir, {recursive: true});
  fs.writeFileSync(path.join(dir, 'index.html'), text.slice(0, 64));
}`;

const coldRows: string[][] = [];
const warmRows: string[][] = [];
const ratio = (a: number, b: number | undefined): string => (b ? (a / b).toFixed(2) : 'n/a');
/** The median of per-run ratios: runs alternate the tools, so each ratio compares neighbours in time. */
const medianRatio = (a: readonly number[], b: readonly number[]): string => (b.length === a.length && b.length > 0 ? median(a.map((value, index) => value / b[index]!)).toFixed(2) : 'n/a');

for (const size of sizes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dateline-bench-${size}-`));
  const {articles, hugo: hugoDir} = writeCorpus(dir, size);
  const settings = `title: Bench\nurl: https://bench.example/news/\nfeedSize: 20\ntemplatesDir: ${path.join(repo, 'templates')}\n`;
  fs.writeFileSync(path.join(dir, 'dateline.config.yaml'), `${settings}cacheDir: ${path.join(dir, 'cache')}\n`);
  // The same site without search (`search: false`), its own cache and output.
  const noSearch = ['--config', path.join(dir, 'no-search.yaml'), '--out', path.join(dir, 'dist-no-search')];
  fs.writeFileSync(path.join(dir, 'no-search.yaml'), `${settings}cacheDir: ${path.join(dir, 'cache-no-search')}\nsearch: false\n`);
  if (hugo) writeHugoSite(hugoDir);
  const eleventyBuild = eleventy ? writeEleventySite(path.join(dir, 'eleventy'), path.join(hugoDir, 'content', 'posts'), eleventy) : undefined;
  const out = path.join(dir, 'dist');
  const clean = () => {
    for (const name of fs.readdirSync(dir)) if (name.startsWith('dist') || name.startsWith('.dist') || name.startsWith('cache')) fs.rmSync(path.join(dir, name), {recursive: true, force: true});
  };

  // Cold: every tool once per run, in turn, so each run's ratios compare builds made moments apart.
  const cold: Measure[] = [];
  const coldNoSearch: number[] = [];
  const hugoCold: Measure[] = [];
  const eleventyCold: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < runs; run++) {
    clean();
    cold.push(build(dir, '--no-cache'));
    coldNoSearch.push(build(dir, '--no-cache', ...noSearch).seconds);
    if (eleventyBuild) {
      fs.rmSync(path.join(dir, 'eleventy', '_site'), {recursive: true, force: true});
      eleventyCold.push(measure(eleventyBuild.command, eleventyBuild.args, path.join(dir, 'eleventy')).seconds);
    }
    if (hugo) {
      fs.rmSync(path.join(hugoDir, 'public'), {recursive: true, force: true});
      hugoCold.push(measure('hugo', ['--quiet', '--source', hugoDir, '--destination', path.join(hugoDir, 'public')], dir));
    }
    floor.push(measure(process.execPath, ['-e', floorScript, articles, path.join(dir, 'floor')], dir).seconds);
  }
  const coldHash = hashTree(out);

  // Warm: a full build fills the cache, and a second, untimed, brings the writer's spare copy of the
  // output up to date (once after a cold build, see write-output.ts); then one article changes before each timed build.
  clean();
  build(dir);
  build(dir);
  const victim = path.join(articles, fs.readdirSync(articles).filter((name) => name.endsWith('.md'))[Math.floor(size / 2)]!);
  const original = fs.readFileSync(victim, 'utf8');
  const edits = (label: string, ...flags: string[]): Measure[] =>
    Array.from({length: runs}, (_, run) => {
      fs.writeFileSync(victim, `${original}\nA correction, ${label} number ${run}.\n`);
      return build(dir, ...flags);
    });
  const warm = edits('warm');
  // One new article, the newest, published before each timed build.
  const added: string[] = [];
  const additions = (...flags: string[]): Measure[] =>
    Array.from({length: runs}, (_, run) => {
      const file = path.join(articles, `2029-12-31-bench-new-${added.length}.md`);
      added.push(file);
      fs.writeFileSync(file, newArticle(added.length, run));
      return build(dir, ...flags);
    });
  const warmNew = additions();
  for (const file of added.splice(0)) fs.rmSync(file);
  fs.writeFileSync(victim, original);
  build(dir);
  const identical = hashTree(out) === coldHash;

  // The same without search: what the rest of the pipeline costs, since Pagefind cannot update an index in place.
  build(dir, ...noSearch);
  build(dir, ...noSearch);
  const warmNoSearch = edits('no-search', ...noSearch);
  const warmNewNoSearch = additions(...noSearch);
  for (const file of added.splice(0)) fs.rmSync(file);
  fs.writeFileSync(victim, original);

  // `serve` without search, as a writer previews: from saving the article to the page's reload event.
  const reloads = await serveLatency(bin, dir, noSearch.slice(0, 2), victim, Math.max(runs, 3));

  // The mandated chain alone (remark-parse, remark-rehype, rehype-stringify) over the bodies, on one thread.
  const chainRun = spawnSync(tsx, [chainScript, articles], {encoding: 'utf8'});
  if (chainRun.status !== 0) throw new Error(`the Markdown chain failed:\n${chainRun.stderr}`);
  const chain = Number(chainRun.stdout.trim());

  const seconds = (list: readonly Measure[]) => list.map((run) => run.seconds);
  const coldMedian = median(seconds(cold));
  const hugoMedian = hugo ? median(seconds(hugoCold)) : undefined;
  const written = (list: readonly Measure[]) => String(median(list.map((run) => run.written ?? Number.NaN)));
  coldRows.push([
    String(size),
    coldMedian.toFixed(2),
    (size / coldMedian).toFixed(0),
    median(cold.map((run) => run.mib)).toFixed(0),
    median(coldNoSearch).toFixed(2),
    eleventyBuild ? median(eleventyCold).toFixed(2) : 'n/a',
    hugoMedian?.toFixed(2) ?? 'n/a',
    hugo ? median(hugoCold.map((run) => run.mib)).toFixed(0) : 'n/a',
    medianRatio(seconds(cold), eleventyCold),
    medianRatio(coldNoSearch, eleventyCold),
    medianRatio(seconds(cold), seconds(hugoCold)),
    ratio(median(coldNoSearch), chain),
    chain.toFixed(2),
    median(floor).toFixed(2),
  ]);
  warmRows.push([
    String(size),
    median(seconds(warm)).toFixed(2),
    ratio(median(seconds(warm)), hugoMedian),
    written(warm),
    median(seconds(warmNew)).toFixed(2),
    ratio(median(seconds(warmNew)), hugoMedian),
    written(warmNew),
    median(seconds(warmNoSearch)).toFixed(2),
    ratio(median(seconds(warmNoSearch)), hugoMedian),
    written(warmNoSearch),
    median(seconds(warmNewNoSearch)).toFixed(2),
    ratio(median(seconds(warmNewNoSearch)), hugoMedian),
    written(warmNewNoSearch),
    median(reloads).toFixed(2),
    median(warm.map((run) => run.mib)).toFixed(0),
    identical ? 'yes' : 'NO',
  ]);
  fs.rmSync(dir, {recursive: true, force: true});
  printTables();
}

/** A new article for the warm "one story published" builds: the newest of the corpus. */
function newArticle(number: number, run: number): string {
  return `---\ntitle: "Breaking: the bench's new story ${number}"\ndate: "2029-12-31T0${run % 10}:00:00Z"\nauthor: "Ana Lima"\nsummary: "A story published after every other."\nsection: "World"\ntags: ["council 1", "harbour 1"]\n---\n\nThe council met at the harbour, a new story number ${number}.\n\nIt is the newest of all.\n`;
}

function printTables(): void {
  print([
    ['N', 'cold s', 'art/s', 'cold MiB', 'no-search s', 'eleventy s', 'hugo s', 'hugo MiB', 'cold/11ty', 'no-search/11ty', 'cold/hugo', 'no-search/chain', 'chain s', 'floor s'],
    ...coldRows,
  ]);
  print([
    ['N', 'edit s', 'edit/hugo', 'edit files', 'new s', 'new/hugo', 'new files', 'edit s no-search', 'edit/hugo', 'files', 'new s no-search', 'new/hugo', 'files', 'serve reload s', 'warm MiB', 'warm==cold'],
    ...warmRows,
  ]);
}

function print(table: readonly (readonly string[])[]): void {
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  console.log('');
  for (const row of table) console.log(row.map((cell, column) => cell.padStart(widths[column]!)).join('  '));
}

/** The photo corpus: cold (no cache) and warm (all cached) builds, the image step timed by `--verbose`. */
async function benchPhotos(count: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dateline-bench-photos-${count}-`));
  await writePhotoCorpus(dir, count);
  fs.writeFileSync(path.join(dir, 'dateline.config.yaml'), `title: Photo bench\nurl: https://bench.example/news/\nsearch: false\ntemplatesDir: ${path.join(repo, 'templates')}\ncacheDir: ${path.join(dir, 'cache')}\n`);
  const timed = (...flags: string[]) => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [bin, 'build', '--verbose', '--now', '2030-01-01T00:00:00Z', ...flags], {cwd: dir, encoding: 'utf8'});
    if (run.status !== 0) throw new Error(`photo build failed:\n${run.stderr}`);
    const step = /(\d+) ms\s+images \((\d+) derived, (\d+) from the cache\)/.exec(run.stdout);
    return {seconds: (performance.now() - started) / 1000, imageSeconds: Number(step?.[1]) / 1000, derived: Number(step?.[2]), cached: Number(step?.[3])};
  };
  const cold = timed('--no-cache');
  const coldHash = hashTree(path.join(dir, 'dist'));
  timed(); // fills the cache
  const warm = timed();
  const identical = hashTree(path.join(dir, 'dist')) === coldHash;
  const table = [
    ['photos', 'build', 'wall s', 'images/s (wall)', 'image step s', 'derived', 'from cache', 'warm==cold'],
    [String(count), 'cold', cold.seconds.toFixed(2), (count / cold.seconds).toFixed(1), cold.imageSeconds.toFixed(2), String(cold.derived), String(cold.cached), ''],
    [String(count), 'warm', warm.seconds.toFixed(2), (count / warm.seconds).toFixed(1), warm.imageSeconds.toFixed(2), String(warm.derived), String(warm.cached), identical ? 'yes' : 'NO'],
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  console.log('');
  for (const row of table) console.log(row.map((cell, column) => cell.padStart(widths[column]!)).join('  '));
  fs.rmSync(dir, {recursive: true, force: true});
}

if (photos > 0) await benchPhotos(photos);
