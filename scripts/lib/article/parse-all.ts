import {useWorkers} from '../workers/use-workers.ts';
import {createPool} from '../workers/worker-pool.ts';
import type {VFile} from 'vfile';
import type {ParseOutcome, SourceData} from './parse-batch.ts';
import type {SiteConfig} from '../types.ts';

/** Below this many articles to parse, worker threads cost more than they save. */
const poolThreshold = 150;
/** Articles per task sent to a worker. */
const batchSize = 64;

/**
 * Parse sources into articles, on every core when there are many: the main thread only
 * hands out batches. Outcomes come back in the order of `sources`.
 */
export async function parseAll(sources: readonly SourceData[], config: SiteConfig): Promise<ParseOutcome[]> {
  // The parsers (unified, micromark, parse5 and the rest) load only when there is something to parse: a warm build seldom has.
  if (sources.length === 0) return [];
  const pool = useWorkers(sources.length, poolThreshold) ? createPool('parse-batch', Math.ceil(sources.length / batchSize)) : undefined;
  if (!pool) return (await import('./parse-batch.ts')).default({sources, config});
  try {
    const batches: Promise<ParseOutcome[]>[] = [];
    for (let start = 0; start < sources.length; start += batchSize) {
      batches.push(pool.run({sources: sources.slice(start, start + batchSize), config}));
    }
    return (await Promise.all(batches)).flat();
  } finally {
    await pool.destroy();
  }
}

/** Put a worker's messages back on the main thread's file. */
export function applyMessages(file: VFile, outcome: ParseOutcome): void {
  for (const data of outcome.messages) {
    const message = file.message(data.reason, {
      place: data.line === undefined ? undefined : {line: data.line, column: data.column ?? 1},
      ruleId: data.ruleId,
      source: 'dateline',
    });
    message.fatal = data.fatal;
  }
}
