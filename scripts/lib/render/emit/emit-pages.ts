import {articleClaims} from '../../plan/claim-outputs.ts';
import type {PagePlan} from '../../plan/plan-pages.ts';
import {renderPage} from '../render-pages.ts';
import type {Article, OutputFile} from '../../types.ts';
import type {EmitContext} from './context.ts';

/** Every planned HTML page: articles, the front page, sections, tags, authors and the archive. */
export function emitPages({plans, config, engine, site, digest, ref, card, bodies, knownPageKey}: EmitContext): OutputFile[] {
  return plans.map((plan, index) => ({
    path: `${plan.path}index.html`,
    key: knownPageKey(index) ?? digest(planIdentity(plan, ref)),
    render: () => renderPage(engine, plan, site, config, card, (article) => bodies.body(article.key).html),
    plan,
    ...(plan.kind === 'article' ? {owner: articleClaims(plan.article).owner} : {}),
  }));
}

/**
 * Everything a page is made from, flat, with each article as its content key: what its
 * fingerprint hashes. (The plan itself, articles and all, is many times slower to serialize.)
 */
function planIdentity(plan: PagePlan, ref: (article: Article) => string): unknown[] {
  if (plan.kind === 'article') {
    const neighbour = (article: Article | undefined) => (article ? ref(article) : null);
    return ['article', plan.path, ref(plan.article), neighbour(plan.newer), neighbour(plan.older), plan.related.map(ref)];
  }
  return ['list', plan.listing, plan.path, plan.base, plan.title, plan.pagination, plan.links, plan.ownFeeds, plan.articles.map(ref)];
}
