import {workerThreads} from '../workers/use-workers.ts';
import {createPool} from '../workers/worker-pool.ts';
import {withoutStacks} from '../report/report-issues.ts';
import type {VFile} from 'vfile';
import type {ParseOutcome, SourceData} from './parse-batch.ts';
import type {SiteConfig} from '../types.ts';

/** Below this many articles to parse, a worker thread costs more than it saves (it loads the parsers itself, about 0.3 s). */
const poolThreshold = 400;
/** The most articles per batch (fewer when there are few, so every thread gets some). */
const batchSize = 64;

/**
 * Parse sources into articles, on every core when there are many: the main thread parses
 * batches too, beside `cores - 1` worker threads, each side taking the next batch when it is
 * done with one, so two cores run two parsers and nothing waits on a thread that only hands
 * out work. Outcomes come back in the order of `sources`.
 */
export async function parseAll(sources: readonly SourceData[], config: SiteConfig): Promise<ParseOutcome[]> {
  // The parsers (unified, micromark, parse5 and the rest) load only when there is something to parse: a warm build seldom has.
  if (sources.length === 0) return [];
  const {default: parseBatch} = await import('./parse-batch.ts');
  const helpers = workerThreads(sources.length, poolThreshold);
  const pool = helpers > 0 ? createPool('parse-batch', helpers, helpers) : undefined;
  if (!pool) return parseBatch({sources, config});
  const size = Math.min(batchSize, Math.ceil(sources.length / (4 * (helpers + 1))));
  const batches: (readonly SourceData[])[] = [];
  for (let start = 0; start < sources.length; start += size) batches.push(sources.slice(start, start + size));
  const results: ParseOutcome[][] = [];
  let next = 0;
  const take = async (parse: (batch: readonly SourceData[]) => Promise<ParseOutcome[]>): Promise<void> => {
    while (next < batches.length) {
      const index = next++;
      results[index] = await parse(batches[index]!);
    }
  };
  try {
    // Two tasks per worker, so each has its next batch waiting while the main thread is busy with its own.
    const workers = Array.from({length: helpers * 2}, () => take((batch) => pool.run({sources: batch, config})));
    // The main thread's own batches: between them the loop turns, so the workers' answers are taken in.
    await Promise.all([...workers, take(async (batch) => {
      const outcomes = await parseBatch({sources: batch, config});
      await new Promise((resolve) => setImmediate(resolve));
      return outcomes;
    })]);
    return results.flat();
  } finally {
    await pool.destroy();
  }
}

/** Put a worker's messages back on the main thread's file. */
export function applyMessages(file: VFile, outcome: ParseOutcome): void {
  if (outcome.messages.length > 0) withoutStacks(() => addMessages(file, outcome));
}

function addMessages(file: VFile, outcome: ParseOutcome): void {
  for (const data of outcome.messages) {
    const message = file.message(data.reason, {
      place: data.line === undefined ? undefined : {line: data.line, column: data.column ?? 1},
      ruleId: data.ruleId,
      source: 'dateline',
    });
    message.fatal = data.fatal;
  }
}
