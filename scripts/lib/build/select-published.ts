import type {VFile} from 'vfile';
import {checkCollisions} from '../plan/check-collisions.ts';
import {OutputClaims, reservedPaths} from '../plan/claim-outputs.ts';
import {sortArticles} from '../plan/plan-pages.ts';
import type {Article, SiteConfig} from '../types.ts';

/**
 * The select step: every article (drafts too) claims its paths in the registry of output
 * paths, after Dateline's own, in path order; then the published ones, newest first.
 * @param last The registry of this process's last build, whose claims are granted again while they repeat (see `OutputClaims.after`).
 * @param signatures The last clean build's batch signatures, when there is no `last`: batches that repeat are granted without a look (see `OutputClaims.trust`).
 * @returns the published articles and the registry, which the planned outputs join.
 */
export function selectPublished(
  parsed: readonly {readonly article: Article; readonly file: VFile}[],
  config: SiteConfig,
  last?: OutputClaims,
  signatures?: readonly string[],
): {articles: readonly Article[]; claims: OutputClaims} {
  const claims = OutputClaims.after(last, signatures);
  const reserved = reservedPaths(config);
  if (!claims.trust(reserved)) for (const claim of reserved) claims.claim(claim.path, claim.owner);
  const articles = sortArticles(checkCollisions(parsed, claims).filter((article) => isPublished(article, config)));
  return {articles, claims};
}

/** The articles without drafts: the same list (so memos keyed by it hold) when there are none. */
export function publicOnly(articles: readonly Article[]): readonly Article[] {
  return articles.some((article) => article.draft) ? articles.filter((article) => !article.draft) : articles;
}

/** Whether an article goes on the site: not a draft (unless drafts are on), and not dated after now. */
function isPublished(article: Article, config: SiteConfig): boolean {
  return (!article.draft || config.drafts) && article.date <= config.now;
}
