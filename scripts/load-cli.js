// Load the command line as one bundled JavaScript file, compiled from the TypeScript sources
// by esbuild on first use and kept in node_modules/.cache/dateline-cli/cli-<hash>/ until a source,
// package.json or package-lock.json changes. Starting from a bundle takes about 0.3 s; loading
// hundreds of TypeScript and package modules through tsx took about 2 s, and every worker
// thread paid it again. When the bundle cannot be made (a read-only install, no esbuild),
// the sources run through tsx as before.
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const scripts = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(scripts);

/** The modules the bundle starts from: the command line and the worker threads' task modules. */
const entries = {cli: 'cli.ts', 'parse-batch': 'lib/article/parse-batch.ts', 'render-batch': 'lib/render/render-batch.ts'};
/** Plain files the bundled code reads next to itself. */
const assets = ['lib/serve/live-reload-client.js'];

/** A hash of everything the bundle is made from: the build code and the installed packages' lock. */
function sourceHash() {
  const hash = createHash('sha256');
  const names = fs.readdirSync(scripts, {recursive: true}).filter((name) => /\.(ts|js)$/.test(name) && !name.startsWith('bench')).sort();
  for (const name of names) hash.update(name).update('\0').update(fs.readFileSync(path.join(scripts, name))).update('\0');
  for (const name of ['package.json', 'package-lock.json']) {
    const file = path.join(root, name);
    if (fs.existsSync(file)) hash.update(name).update('\0').update(fs.readFileSync(file));
  }
  return hash.digest('base64url').slice(0, 16);
}

/** Compile the bundle into `dir` (through a temporary folder, so a half-made bundle is never used). */
async function compile(dir, version) {
  const {build} = await import('esbuild');
  const temporary = `${dir}.tmp-${process.pid}`;
  fs.rmSync(temporary, {recursive: true, force: true});
  await build({
    entryPoints: Object.entries(entries).map(([out, source]) => ({out, in: path.join(scripts, source)})),
    outdir: temporary,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: {'.js': '.mjs'},
    chunkNames: 'chunk-[hash]',
    // Pagefind finds its binary, piscina its worker script and sharp its libvips next to their own files.
    external: ['pagefind', 'piscina', 'esbuild', 'sharp'],
    // Some packages are CommonJS and call require(): give the ES module bundle one.
    banner: {js: "import {createRequire as __datelineRequire} from 'node:module'; const require = __datelineRequire(import.meta.url);"},
    logLevel: 'silent',
    minifyWhitespace: true,
  });
  for (const asset of assets) fs.copyFileSync(path.join(scripts, asset), path.join(temporary, path.basename(asset)));
  fs.writeFileSync(path.join(temporary, 'tool-version.txt'), version);
  try {
    fs.renameSync(temporary, dir);
  } catch (error) {
    // Another process compiled the same bundle first: use theirs.
    fs.rmSync(temporary, {recursive: true, force: true});
    if (!fs.existsSync(path.join(dir, 'cli.mjs'))) throw error;
  }
}

/** The `cli` function, from the bundle when it can be made, else from the TypeScript sources. */
export async function loadCli() {
  if (process.env.DATELINE_BUNDLE !== 'never') {
    try {
      const version = sourceHash();
      const cache = path.join(root, 'node_modules', '.cache', 'dateline-cli');
      const dir = path.join(cache, `cli-${version}`);
      if (!fs.existsSync(path.join(dir, 'cli.mjs'))) {
        fs.mkdirSync(cache, {recursive: true});
        // Bundles of older sources go after a day unused: never one a build or `serve` still running may load a worker from.
        const dayAgo = Date.now() - 24 * 3600_000;
        for (const name of fs.readdirSync(cache)) {
          const old = path.join(cache, name);
          if (name.startsWith('cli-') && fs.statSync(old).mtimeMs < dayAgo) fs.rmSync(old, {recursive: true, force: true});
        }
        await compile(dir, version);
      }
      // In use: a bundle is removed only after a day unused (see above).
      const now = new Date();
      fs.utimesSync(dir, now, now);
      return await import(pathToFileURL(path.join(dir, 'cli.mjs')).href);
    } catch {
      // Fall through to the sources.
    }
  }
  const {register} = await import('tsx/esm/api');
  register();
  return import('./cli.ts');
}
