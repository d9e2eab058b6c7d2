import path from 'node:path';
import type {BuildResult} from '../build/build-site.ts';

/**
 * The one-line summary of a successful build: counts of articles, pages, feeds, files
 * and warnings, where the files went and how long it took.
 *
 * @param verb What was done (`Built`, `Rebuilt`, `Checked`).
 * @param seconds Wall time of the run.
 */
export function formatSummary(result: BuildResult, seconds: number, verb = 'Built'): string {
  const warnings = result.files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal === false).length, 0);
  const out = result.config ? path.relative(process.cwd(), result.config.outDir) || '.' : '?';
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${verb} ${plural(result.articles, 'article')}, ${plural(result.pages, 'page')}, ${plural(result.feeds, 'feed')}, ${plural(result.written, 'file')} into ${out} in ${seconds.toFixed(2)}s; ${warnings === 0 ? 'no warnings' : plural(warnings, 'warning')}.`;
}

/** The closing line of a failed build: how many errors, and that nothing was written. */
export function formatFailure(result: BuildResult): string {
  const errors = result.files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal).length, 0);
  return `Build failed: ${errors} error${errors === 1 ? '' : 's'}; nothing was written, the previous output is unchanged.`;
}

/** `--verbose`'s lines: each build step's time and name, as `build` and `serve` print them. */
export function formatTimings(result: BuildResult): string[] {
  return result.timings.map((step) => `  ${step.ms.toFixed(0).padStart(6)} ms  ${step.name}`);
}
