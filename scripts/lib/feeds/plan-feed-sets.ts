import type {FeedItems} from './feed-items.ts';
import type {FeedSizeReport} from './fit-feed-budget.ts';
import {feedKey, imageSizes, lazyFeeds, withinBudget, type FeedKeys, type FeedSpec} from './build-feeds.ts';
import type {FeedSetMemo} from '../plan/plan-memo.ts';
import type {Article, OutputFile, SiteConfig} from '../types.ts';

/** The last build's feed sets, by the path of each one's RSS document, and the articles that changed since. */
export interface LastFeedSets {
  readonly sets: ReadonlyMap<string, FeedSetMemo>;
  readonly changed: ReadonlySet<Article>;
}

/** What the feed emitters plan their feed sets with (see {@link feedPlanner}). */
export interface FeedPlanner {
  /** The files of one feed set, in RSS, Atom and (unless it is an archive) JSON Feed. */
  readonly files: (spec: FeedSpec) => OutputFile[];
  /** This build's feed sets so far, for the next build. */
  readonly memo: () => ReadonlyMap<string, FeedSetMemo>;
  /** How many sets were planned afresh though the last build's were given (for `--verbose`). */
  readonly replanned: () => number;
}

/**
 * Plan feed sets: each one's budget decided and reported (`withinBudget`) and its files made
 * lazy and fingerprinted (`lazyFeeds`). With `last` (the site's structure is the last build's,
 * so each set holds the same articles), a set none of whose articles changed takes its
 * fingerprint and budget from the last build and reports its budget again from them, without
 * weighing its articles or hashing its spec: at 10,000 articles that was some 300 sets of
 * 16,000 items on every warm build. Should one of its files be rendered after all (removed
 * from the output by hand since), the same budget gives the same bytes.
 */
export function feedPlanner(config: SiteConfig, keys: FeedKeys, items: FeedItems, report: (report: FeedSizeReport) => void, last?: LastFeedSets): FeedPlanner {
  const sets = new Map<string, FeedSetMemo>();
  let replanned = 0;
  const files = (spec: FeedSpec): OutputFile[] => {
    const sizes = imageSizes(spec.articles, config);
    const images = JSON.stringify(sizes);
    const known = last?.sets.get(spec.paths.rss);
    if (known && known.images === images && !spec.articles.some((article) => last!.changed.has(article))) {
      sets.set(spec.paths.rss, known);
      return reused(spec, known);
    }
    if (last) replanned++;
    let fits = true;
    const within = withinBudget(spec, config, (problem) => {
      if (problem.kind === 'over') fits = false;
      report(problem);
    });
    const key = feedKey(within, config, keys, sizes);
    sets.set(spec.paths.rss, {key, summarized: within.summarized ?? [], fits, images});
    return lazyFeeds(within, config, keys, items, key);
  };
  /** A set as the last build planned it: its budget reported as then, its files fingerprinted as then. */
  const reused = (spec: FeedSpec, known: FeedSetMemo): OutputFile[] => {
    if (!known.fits) report({kind: 'over', document: spec.paths.rss, items: spec.articles.length});
    const summarized = new Set(known.summarized);
    for (const article of spec.articles) if (summarized.has(article.path)) report({kind: 'summarized', article, document: spec.paths.rss});
    return lazyFeeds(known.summarized.length > 0 ? {...spec, summarized: known.summarized} : spec, config, keys, items, known.key);
  };
  return {files, memo: () => sets, replanned: () => replanned};
}
