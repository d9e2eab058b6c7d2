import {articleClaims} from '../../plan/claim-outputs.ts';
import type {PagePlan} from '../../plan/plan-pages.ts';
import {renderPage} from '../render-pages.ts';
import type {Article, OutputFile} from '../../types.ts';
import type {EmitContext} from './context.ts';

/**
 * Every planned HTML page: articles, the front page, sections, tags, authors and the archive.
 * A page whose fingerprint the last build's still gives (`knownPageKey`) is not even unpacked
 * from the plans unless it is rendered.
 */
export function emitPages({plans, config, engine, site, digest, ref, card, bodies, knownPageKey}: EmitContext): OutputFile[] {
  const files = new Array<OutputFile>(plans.length);
  for (let index = 0; index < plans.length; index++) {
    const article = plans.article(index);
    const plan = () => plans.at(index);
    files[index] = {
      path: `${plans.path(index)}index.html`,
      key: knownPageKey(index) ?? digest(planIdentity(plan(), ref)),
      render: () => renderPage(engine, plan(), site, config, card, (shown) => bodies.body(shown.key).html),
      plan,
      ...(article ? {owner: articleClaims(article).owner} : {}),
    };
  }
  return files;
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
