/**
 * `npm run bench`: build generated corpora of N articles, cold and warm, beside a cost floor,
 * the mandated Markdown chain alone, and (when installed) Hugo, and print a table. Timings
 * are medians; ratios to Hugo are measured run by run, alternating the tools, since the
 * machine is shared and noisy. Builds run through `node scripts/bin.js build`, as users run them.
 *
 * Then a corpus of photos (`--photos`, 200; 0 for none): the cold build with `--no-cache` and a
 * warm one with nothing changed, each with its image step's time and images per second.
 *
 *   npm run bench -- [--sizes 1000,4000,10000|none] [--runs 3] [--no-hugo] [--photos 200]
 */
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {writeCorpus} from './bench/generate-corpus.ts';
import {writeHugoSite} from './bench/hugo-site.ts';
import {writePhotoCorpus} from './bench/photo-corpus.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));
const {values} = parseArgs({options: {sizes: {type: 'string', default: '1000,4000,10000'}, runs: {type: 'string', default: '3'}, 'no-hugo': {type: 'boolean'}, photos: {type: 'string', default: '200'}}});
const sizes = values.sizes === 'none' ? [] : values.sizes.split(',').map(Number);
const photos = Number(values.photos);
const runs = Number(values.runs);
const hugo = !values['no-hugo'] && spawnSync('hugo', ['version']).status === 0;
const timer = fs.existsSync('/usr/bin/time');

/** Run a command, return wall seconds and peak RSS (MiB) as GNU time reports them. */
function measure(command: string, args: string[], cwd: string): {seconds: number; mib: number} {
  const started = performance.now();
  const run = timer
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {cwd, encoding: 'utf8'})
    : spawnSync(command, args, {cwd, encoding: 'utf8'});
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stderr}`);
  const kib = timer ? Number(run.stderr.trim().split('\n').at(-1)) : Number.NaN;
  return {seconds, mib: kib / 1024};
}

const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const tsx = path.join(repo, 'node_modules/.bin/tsx');
const bin = path.join(repo, 'scripts/bin.js');
const build = (dir: string, ...flags: string[]) => measure(process.execPath, [bin, 'build', '-q', '--now', '2030-01-01T00:00:00Z', ...flags], dir);
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

const rows: string[][] = [];
for (const size of sizes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dateline-bench-${size}-`));
  const {articles, hugo: hugoDir} = writeCorpus(dir, size);
  fs.writeFileSync(
    path.join(dir, 'dateline.config.yaml'),
    `title: Bench\nurl: https://bench.example/news/\nfeedSize: 20\ntemplatesDir: ${path.join(repo, 'templates')}\ncacheDir: ${path.join(dir, 'cache')}\n`,
  );
  if (hugo) writeHugoSite(hugoDir);
  const out = path.join(dir, 'dist');
  const clean = () => {
    for (const name of fs.readdirSync(dir)) if (name === 'dist' || name.startsWith('.dist') || name === 'cache') fs.rmSync(path.join(dir, name), {recursive: true, force: true});
  };

  const cold: {seconds: number; mib: number}[] = [];
  const hugoCold: {seconds: number; mib: number}[] = [];
  const floor: number[] = [];
  for (let run = 0; run < runs; run++) {
    clean();
    cold.push(build(dir, '--no-cache'));
    if (hugo) {
      fs.rmSync(path.join(hugoDir, 'public'), {recursive: true, force: true});
      hugoCold.push(measure('hugo', ['--quiet', '--source', hugoDir, '--destination', path.join(hugoDir, 'public')], dir));
    }
    floor.push(measure(process.execPath, ['-e', floorScript, articles, path.join(dir, 'floor')], dir).seconds);
  }
  const coldHash = hashTree(out);

  // Warm: a full build fills the cache, then one article changes before each timed build.
  clean();
  build(dir);
  const victim = path.join(articles, fs.readdirSync(articles).filter((name) => name.endsWith('.md'))[Math.floor(size / 2)]!);
  const original = fs.readFileSync(victim, 'utf8');
  const warmRuns = (label: string): {seconds: number; mib: number}[] =>
    Array.from({length: runs}, (_, run) => {
      fs.writeFileSync(victim, `${original}\nA correction, ${label} number ${run}.\n`);
      return build(dir);
    });
  const warm = warmRuns('warm');
  fs.writeFileSync(victim, original);
  build(dir);
  const identical = hashTree(out) === coldHash;

  // The same, with the search index off (`search: false`): what the rest of the pipeline costs,
  // since Pagefind cannot update an index in place and indexes every article again.
  const config = path.join(dir, 'dateline.config.yaml');
  fs.appendFileSync(config, 'search: false\n');
  build(dir);
  const warmNoSearch = warmRuns('no-search');
  fs.writeFileSync(victim, original);

  // The mandated chain alone (remark-parse, remark-rehype, rehype-stringify) over the bodies, on one thread.
  const chainRun = spawnSync(tsx, [chainScript, articles], {encoding: 'utf8'});
  if (chainRun.status !== 0) throw new Error(`the Markdown chain failed:\n${chainRun.stderr}`);
  const chain = Number(chainRun.stdout.trim());

  const ratios = hugo ? cold.map((run, index) => (run.seconds / hugoCold[index]!.seconds).toFixed(2)).join(' ') : 'n/a';
  const hugoMedian = hugo ? median(hugoCold.map((run) => run.seconds)) : Number.NaN;
  const coldMedian = median(cold.map((run) => run.seconds));
  const warmMedian = median(warm.map((run) => run.seconds));
  rows.push([
    String(size),
    coldMedian.toFixed(2),
    (size / coldMedian).toFixed(0),
    median(cold.map((run) => run.mib)).toFixed(0),
    warmMedian.toFixed(2),
    median(warm.map((run) => run.mib)).toFixed(0),
    hugo ? hugoMedian.toFixed(2) : 'n/a',
    hugo ? median(hugoCold.map((run) => run.mib)).toFixed(0) : 'n/a',
    ratios,
    hugo ? (warmMedian / hugoMedian).toFixed(2) : 'n/a',
    median(warmNoSearch.map((run) => run.seconds)).toFixed(2),
    median(floor).toFixed(2),
    chain.toFixed(2),
    hugo ? (chain / hugoMedian).toFixed(2) : 'n/a',
    identical ? 'yes' : 'NO',
  ]);
  fs.rmSync(dir, {recursive: true, force: true});
  printTable();
}

function printTable(): void {
  const header = ['N', 'cold s', 'art/s', 'cold MiB', 'warm s', 'warm MiB', 'hugo s', 'hugo MiB', 'cold/hugo per run', 'warm/hugo', 'warm s no search', 'floor s', 'chain s', 'chain/hugo', 'warm==cold'];
  const table = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
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
