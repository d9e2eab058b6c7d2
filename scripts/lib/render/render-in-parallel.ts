import {useWorkers} from '../workers/use-workers.ts';
import {createPool} from '../workers/worker-pool.ts';
import type {EditionView, PageJob} from './render-pages.ts';
import type {Article, ArticleBodies, OutputFile} from '../types.ts';
import {hasFingerprint, type Manifest} from '../output/write-output.ts';

/** Below this many pages to render, worker threads cost more than they save. */
const poolThreshold = 400;
/** Pages per task sent to a worker. */
const batchSize = 100;

/**
 * The site's files in order, with the pages the writer will ask for (their fingerprint
 * differs from the last build's, or there was none) rendered on every core: batches are
 * handed out a few ahead of the writer, and each file is yielded as soon as its batch is
 * back, so the writer writes while the workers render and only those few batches are held.
 * Plans are plain data; listings' cards are rendered here, once per article (`cardOf`), and
 * sent along, and so are article pages' bodies, fetched by key (`bodies`).
 * Other files pass through unchanged; a batch that fails is rendered again on the main
 * thread by the writer, where a template's error is reported.
 */
export async function* renderInParallel(files: readonly OutputFile[], views: readonly EditionView[], previous: Manifest | undefined, cardOf: (article: Article) => string, bodies: ArticleBodies): AsyncGenerator<OutputFile> {
  const due = files.flatMap((file, index) => ('plan' in file && file.plan !== undefined && !hasFingerprint(previous, file.path, file.key) ? [index] : []));
  const pool = useWorkers(due.length, poolThreshold) ? createPool('render-batch', Math.ceil(due.length / batchSize)) : undefined;
  if (!pool) {
    yield* files;
    return;
  }
  try {
    /** Each due file's batch and place in it; an entry goes once its file is yielded, and a batch with it. */
    const places = new Map<number, {batch: Promise<string[] | undefined>; offset: number}>();
    let dispatched = 0;
    /** Hand out batches until `ahead` are out beyond the one being written: enough to keep every worker busy, few enough to hold little. */
    const dispatch = (upTo: number): void => {
      for (; dispatched < due.length && dispatched < upTo; dispatched += batchSize) {
        const indexes = due.slice(dispatched, dispatched + batchSize);
        const jobs = indexes.map((index) => (files[index] as {plan: () => PageJob}).plan());
        const cards = jobs.map(({plan}) => (plan.kind === 'list' ? plan.articles.map(cardOf) : undefined));
        const pageBodies = jobs.map(({plan}) => (plan.kind === 'article' ? bodies.body(plan.article.key).html : undefined));
        const batch = pool.run({jobs, cards, bodies: pageBodies, views}).then(
          (html: string[]) => html,
          () => undefined,
        );
        indexes.forEach((index, offset) => places.set(index, {batch, offset}));
      }
    };
    const ahead = (pool.options.maxThreads + 2) * batchSize;
    dispatch(ahead);
    /** Where in `due` the next due file is. */
    let position = 0;
    for (const [index, file] of files.entries()) {
      if (due[position] !== index) {
        yield file;
        continue;
      }
      dispatch(++position + ahead);
      const place = places.get(index)!;
      places.delete(index);
      const html = (await place.batch)?.[place.offset];
      yield html === undefined || !('render' in file) ? file : {...file, render: () => html};
    }
  } finally {
    await pool.destroy();
  }
}
