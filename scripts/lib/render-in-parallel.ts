import {useWorkers} from './use-workers.ts';
import {createPool} from './worker-pool.ts';
import type {PagePlan} from './plan-pages.ts';
import type {SiteView} from './render-pages.ts';
import {summarizeArticle} from './summarize-article.ts';
import type {ArticleSummary, OutputFile, SiteConfig} from './types.ts';
import type {Manifest} from './write-output.ts';

/** Below this many pages to render, worker threads cost more than they save. */
const poolThreshold = 400;
/** Pages per task sent to a worker. */
const batchSize = 100;

/**
 * Render on every core the pages the writer will ask for (their fingerprint differs from the
 * last build's, or there was none): a cold build's pages no longer queue on the main thread.
 * Other files pass through unchanged; a template error still surfaces from `render`.
 */
export async function renderInParallel(files: readonly OutputFile[], site: SiteView, config: SiteConfig, previous: Manifest | undefined): Promise<OutputFile[]> {
  const due = files.flatMap((file, index) => ('plan' in file && file.plan !== undefined && previous?.get(file.path)?.key !== file.key ? [index] : []));
  const pool = useWorkers(due.length, poolThreshold) ? createPool('render-batch', Math.ceil(due.length / batchSize)) : undefined;
  if (!pool) return [...files];
  const rendered = new Map<number, string>();
  const summaries = new Map<ArticleSummary, ArticleSummary>();
  const summary = (article: ArticleSummary): ArticleSummary => summaries.get(article) ?? summaries.set(article, summarizeArticle(article)).get(article)!;
  try {
    const batches: Promise<void>[] = [];
    for (let start = 0; start < due.length; start += batchSize) {
      const indexes = due.slice(start, start + batchSize);
      const plans = indexes.map((index) => withoutBodies((files[index] as {plan: PagePlan}).plan, summary));
      batches.push(
        pool.run({plans, site, config}).then(
          (html: string[]) => indexes.forEach((index, offset) => rendered.set(index, html[offset]!)),
          () => undefined, // A failing batch is rendered again on the main thread, where its error is reported.
        ),
      );
    }
    await Promise.all(batches);
  } finally {
    await pool.destroy();
  }
  return files.map((file, index) => {
    const html = rendered.get(index);
    return html === undefined || !('render' in file) ? file : {...file, render: () => html};
  });
}

/**
 * A plan as it crosses to a worker: the page's own article whole, every article it only links
 * to (neighbours, related, a listing's items) without its bodies. Copying every listed
 * article's body to a worker once per page cost more than rendering the page.
 */
function withoutBodies(plan: PagePlan, summary: (article: ArticleSummary) => ArticleSummary): PagePlan {
  if (plan.kind === 'list') return {...plan, articles: plan.articles.map(summary)};
  return {...plan, newer: plan.newer && summary(plan.newer), older: plan.older && summary(plan.older), related: plan.related.map(summary)};
}
