import os from 'node:os';

/**
 * Whether to hand `count` jobs to worker threads: when there are at least `threshold` of them
 * and the machine has more than two cores, unless `DATELINE_WORKERS` says `always` or `never`
 * (for tests and for measuring). On two cores the main thread (planning, feeds, writing) and two
 * workers contend for them: measured on 4,000 articles without search, a cold build took 16.4 s
 * with workers and 14.9 s without, 23.0 and 16.2 s of CPU, 650 and 460 MiB at peak (each worker
 * loads the whole bundle, and every article crosses back to the main thread). With search on,
 * Pagefind's own process takes the second core. (Parsing, where the main thread has nothing else
 * to do, shares its work with the workers instead: see {@link workerThreads}.)
 */
export function useWorkers(count: number, threshold: number, cores: number = os.availableParallelism()): boolean {
  const setting = process.env['DATELINE_WORKERS'];
  if (setting === 'never') return false;
  if (setting === 'always') return count > 0;
  return count >= threshold && cores > 2;
}

/**
 * How many worker threads to start beside a main thread that does the same work itself
 * (parsing): one less than the cores, for at least `threshold` jobs; `DATELINE_WORKERS=always`
 * gives at least one for any job, `never` none.
 */
export function workerThreads(count: number, threshold: number, cores: number = os.availableParallelism()): number {
  const setting = process.env['DATELINE_WORKERS'];
  if (setting === 'never' || count === 0) return 0;
  if (setting === 'always') return Math.max(1, cores - 1);
  return count >= threshold ? cores - 1 : 0;
}
