/**
 * Whether to hand `count` jobs to worker threads: when there are at least `threshold` of them,
 * unless `DATELINE_WORKERS` says `always` or `never` (for tests and for measuring).
 */
export function useWorkers(count: number, threshold: number): boolean {
  const setting = process.env['DATELINE_WORKERS'];
  if (setting === 'never') return false;
  if (setting === 'always') return count > 0;
  return count >= threshold;
}
