import {createRequire} from 'node:module';
import os from 'node:os';
import {pathToFileURL} from 'node:url';
import {Piscina} from 'piscina';

/**
 * A piscina pool over one of the build's TypeScript modules. Workers load tsx themselves
 * (`--import` with tsx's resolved URL), so they start the same way whether the build came from
 * `npm run build`, the `dateline` bin, or a test runner's require hook.
 *
 * @param module The worker module's URL (its default export is the task function).
 * @param jobs How many tasks there will be, to size the pool.
 */
export function createPool(module: URL, jobs: number): Piscina {
  const threads = Math.max(1, Math.min(os.availableParallelism(), jobs));
  return new Piscina({
    filename: module.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 100,
    execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
  });
}
