import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import {pathToFileURL} from 'node:url';
import {Piscina} from 'piscina';

/** The build's worker task modules (each one's default export is the task function). */
export type WorkerModule = 'parse-batch' | 'render-batch';

/** Where each task module's source is, from this folder (the bundle has them all beside it, each loaded through `<name>.worker.cjs`). */
const sources: Readonly<Record<WorkerModule, string>> = {'parse-batch': '../article/parse-batch.ts', 'render-batch': '../render/render-batch.ts'};

/** Whether this code runs from the bundle `scripts/load-cli.js` compiled, rather than from the TypeScript sources. */
const bundled = !import.meta.url.endsWith('.ts');

/**
 * A piscina pool over one of the build's task modules. From the bundle, workers load the
 * bundled module, plain JavaScript, with its code cache (see `run-cached.cjs`); from the sources, they load tsx themselves (`--import`
 * with tsx's resolved URL), so they start the same way from `npm run build`, the `dateline`
 * bin, or a test runner's require hook.
 *
 * @param module The task module.
 * @param jobs How many tasks there will be, to size the pool.
 * @param most The most threads to start (one per core when not given).
 * @returns the pool, or undefined when the module's file is missing.
 */
export function createPool(module: WorkerModule, jobs: number, most: number = os.availableParallelism()): Piscina | undefined {
  const filename = new URL(bundled ? `./${module}.worker.cjs` : sources[module], import.meta.url);
  // Gone only if the bundle was replaced under a running build: then the build stays on this thread.
  if (!fs.existsSync(filename)) return undefined;
  const threads = Math.max(1, Math.min(most, jobs));
  const pool = new Piscina({
    filename: filename.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 100,
    execArgv: bundled ? [] : ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
  });
  return pool;
}
