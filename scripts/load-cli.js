// Load the command line as bundled JavaScript, compiled from the TypeScript sources by esbuild
// on first use and kept in node_modules/.cache/dateline-cli/cli-<hash>/ until a source,
// package.json or package-lock.json changes. Starting from a bundle takes about 0.3 s; loading
// hundreds of TypeScript and package modules through tsx took about 2 s, and every worker
// thread paid it again. The bundle is CommonJS, run through `run-cached.cjs` with V8's code
// cache beside it, so a start neither parses it again nor compiles again what the last run
// compiled (Node 20 keeps no such cache for ES modules). When the bundle cannot be made (a
// read-only install, no esbuild), the sources run through tsx as before.
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const scripts = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(scripts);

/** The modules the bundle starts from: the command line and the worker threads' task modules. */
const entries = {cli: 'cli.ts', 'parse-batch': 'lib/article/parse-batch.ts', 'render-batch': 'lib/render/render-batch.ts'};
/** Plain files the bundled code reads next to itself, and the runner of its files. */
const assets = ['lib/serve/live-reload-client.js', 'run-cached.cjs'];

/**
 * A worker thread's task module as piscina loads it: the bundled task, run with its code cache,
 * which is saved once the first task is done (the functions the task calls are compiled then).
 */
const workerEntry = (module) => `'use strict';
const {runCached} = require('./run-cached.cjs');
const {exports: task, save} = runCached(require('node:path').join(__dirname, '${module}.cjs'));
module.exports = async function run(...args) {
  try {
    return await task.default(...args);
  } finally {
    save();
  }
};
`;

/** A hash of everything the bundle is made from: the build code and the installed packages' lock. */
function sourceHash() {
  const hash = createHash('sha256');
  const names = fs.readdirSync(scripts, {recursive: true}).filter((name) => /\.(ts|js|cjs)$/.test(name) && !name.startsWith('bench')).sort();
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
  const result = await build({
    entryPoints: Object.entries(entries).map(([out, source]) => ({out, in: path.join(scripts, source)})),
    outdir: temporary,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outExtension: {'.js': '.cjs'},
    // Pagefind finds its binary, piscina its worker script and sharp its libvips next to their own files.
    external: ['pagefind', 'piscina', 'esbuild', 'sharp'],
    // The sources are ES modules that find files beside themselves (`new URL(…, import.meta.url)`): here, beside the bundle.
    define: {'import.meta.url': '__datelineUrl'},
    banner: {js: "const __datelineUrl = require('node:url').pathToFileURL(__filename).href;"},
    logLevel: 'silent',
    minifyWhitespace: true,
    metafile: true,
    absWorkingDir: root,
  });
  // V8 drops a script's dynamic-import hook when it runs from a code cache: the packages kept outside
  // the bundle that it imports (Pagefind is an ES module only) go through the runner's own import().
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const specifiers = new Set(output.imports.filter((entry) => entry.kind === 'dynamic-import' && entry.external).map((entry) => entry.path));
    if (specifiers.size === 0) continue;
    const bundled = path.join(root, file);
    let code = fs.readFileSync(bundled, 'utf8');
    for (const specifier of specifiers) {
      const call = `import(${JSON.stringify(specifier)})`;
      if (!code.includes(call)) throw new Error(`the bundle's ${path.basename(file)} imports ${specifier} in a way it does not know`);
      code = code.replaceAll(call, `__datelineImport(${JSON.stringify(specifier)})`);
    }
    fs.writeFileSync(bundled, code);
  }
  for (const module of Object.keys(entries).filter((name) => name !== 'cli')) fs.writeFileSync(path.join(temporary, `${module}.worker.cjs`), workerEntry(module));
  for (const asset of assets) fs.copyFileSync(path.join(scripts, asset), path.join(temporary, path.basename(asset)));
  fs.writeFileSync(path.join(temporary, 'tool-version.txt'), version);
  try {
    fs.renameSync(temporary, dir);
  } catch (error) {
    // Another process compiled the same bundle first: use theirs.
    fs.rmSync(temporary, {recursive: true, force: true});
    if (!fs.existsSync(path.join(dir, 'cli.cjs'))) throw error;
  }
}

/**
 * The `cli` function, from the bundle when it can be made, else from the TypeScript sources.
 * @param command The command about to run: each keeps a code cache of its own, of the code it calls.
 */
export async function loadCli(command = '') {
  if (process.env.DATELINE_BUNDLE !== 'never') {
    try {
      const version = sourceHash();
      const cache = path.join(root, 'node_modules', '.cache', 'dateline-cli');
      const dir = path.join(cache, `cli-${version}`);
      if (!fs.existsSync(path.join(dir, 'cli.cjs'))) {
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
      const {runCached} = createRequire(import.meta.url)(path.join(dir, 'run-cached.cjs'));
      const {exports, save} = runCached(path.join(dir, 'cli.cjs'), ['build', 'serve', 'new', 'check'].includes(command) ? command : 'other');
      // At exit, once the command has compiled what it calls.
      process.once('exit', save);
      return exports;
    } catch {
      // Fall through to the sources.
    }
  }
  const {register} = await import('tsx/esm/api');
  register();
  return import('./cli.ts');
}
