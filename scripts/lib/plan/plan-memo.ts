import {createHash} from 'node:crypto';
import type {ListPage, PagePlan} from './plan-pages.ts';
import type {Article} from '../types.ts';

/** A page plan as the cache keeps it: each article as its place in the published list (-1: none). */
export type PackedPlan =
  | {readonly kind: 'article'; readonly path: string; readonly article: number; readonly newer: number; readonly older: number; readonly related: readonly number[]}
  | (Omit<ListPage, 'articles'> & {readonly articles: readonly number[]});

/**
 * The last build's page plans, for the next build to take instead of planning again when the
 * site's structure is the same: `signature` stands for everything planning reads (every
 * published article's place, date, section, tags, authors and draft flag, and the settings and
 * templates), `plans` are the plans packed, `keys` each page's fingerprint, and `refs` each
 * article's content key when those fingerprints were taken.
 */
export interface PlanMemo {
  readonly signature: string;
  readonly plans: readonly PackedPlan[];
  readonly keys: readonly string[];
  readonly refs: readonly string[];
}

/**
 * What planning the pages reads, as a hash: the published articles in order with the fields
 * that place them (path, date, section, tags, authors, draft), and `salt` (the templates, the
 * settings and the site data). An edit of an article's text, title or summary keeps it; a new,
 * removed or re-dated article, or a changed tag, section or author, changes it.
 */
export function planSignature(articles: readonly Article[], salt: string): string {
  const lines = articles.map((article) => {
    let line = placeLines.get(article);
    if (line === undefined) placeLines.set(article, (line = JSON.stringify([article.path, article.date, article.section ?? null, article.tags, article.authors, article.draft])));
    return line;
  });
  return createHash('sha1').update(salt).update('\0').update(lines.join('\0')).digest('base64url');
}

/** Each article's part of {@link planSignature}: an article is a value, so a process that plans again (`serve`) makes it once. */
const placeLines = new WeakMap<Article, string>();

/** The plans with each article as its place in `articles` (the list they were planned from). */
export function packPlans(plans: readonly PagePlan[], articles: readonly Article[]): PackedPlan[] {
  const place = new Map(articles.map((article, index) => [article, index]));
  const of = (article: Article | undefined): number => (article ? place.get(article)! : -1);
  return plans.map((plan) =>
    plan.kind === 'article'
      ? {kind: 'article', path: plan.path, article: of(plan.article), newer: of(plan.newer), older: of(plan.older), related: plan.related.map(of)}
      : {kind: 'list', listing: plan.listing, path: plan.path, base: plan.base, title: plan.title, articles: plan.articles.map(of), pagination: plan.pagination, links: plan.links, ownFeeds: plan.ownFeeds},
  );
}

/** Packed plans back as plans over `articles` (a list with the same signature as the one they were packed from). */
export function unpackPlans(packed: readonly PackedPlan[], articles: readonly Article[]): PagePlan[] {
  const at = (index: number): Article | undefined => (index < 0 ? undefined : articles[index]);
  return packed.map((plan) =>
    plan.kind === 'article'
      ? {kind: 'article', path: plan.path, article: articles[plan.article]!, newer: at(plan.newer), older: at(plan.older), related: plan.related.map((index) => articles[index]!)}
      : {...plan, articles: plan.articles.map((index) => articles[index]!)},
  );
}

/** The places of every article a packed plan shows or links to. */
export function placesIn(plan: PackedPlan): readonly number[] {
  return plan.kind === 'article' ? [plan.article, plan.newer, plan.older, ...plan.related] : plan.articles;
}
