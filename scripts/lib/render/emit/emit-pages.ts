import {articleClaims} from '../../plan/claim-outputs.ts';
import {pageVersions} from '../../plan/plan-translations.ts';
import {renderPage, type PageJob} from '../render-pages.ts';
import type {Article, OutputFile} from '../../types.ts';
import type {EmitContext} from './context.ts';

/**
 * Every planned HTML page of every edition: articles, the front page, sections, tags, authors
 * and the archive, each rendered with its edition's `site` and config. A page whose fingerprint
 * the last build's still gives (`knownPageKey`) is not even unpacked from the plans unless it
 * is rendered. Its `plan` is the {@link PageJob} a worker thread renders.
 */
export function emitPages({plans, editions, digest, ref, bodies, knownPageKey, engine, card, translations}: EmitContext): OutputFile[] {
  const files = new Array<OutputFile>(plans.length);
  const places = new Map(editions.map((edition, index) => [edition.config.edition.path, index]));
  for (let index = 0; index < plans.length; index++) {
    const article = plans.article(index);
    const job = (): PageJob => {
      const plan = plans.at(index);
      return {plan, edition: places.get(plan.kind === 'article' ? plan.article.edition : plan.edition) ?? 0, versions: pageVersions(plan, translations)};
    };
    files[index] = {
      path: `${plans.path(index)}index.html`,
      key: knownPageKey(index) ?? digest(planIdentity(job(), ref)),
      render: () => {
        const {plan, edition, versions} = job();
        const {site, config} = editions[edition]!;
        return renderPage(engine, plan, site, config, card, (shown) => bodies.body(shown.key).html, versions);
      },
      plan: job,
      ...(article ? {owner: articleClaims(article).owner} : {}),
    };
  }
  return files;
}

/**
 * Everything a page is made from, flat, with each article as its content key: what its
 * fingerprint hashes. (The plan itself, articles and all, is many times slower to serialize.)
 */
function planIdentity({plan, edition, versions}: PageJob, ref: (article: Article) => string): unknown[] {
  const other = versions ?? null;
  if (plan.kind === 'article') {
    const neighbour = (article: Article | undefined) => (article ? ref(article) : null);
    return ['article', plan.path, ref(plan.article), neighbour(plan.newer), neighbour(plan.older), plan.related.map(ref), edition, other];
  }
  return ['list', plan.listing, plan.path, plan.base, plan.title, plan.pagination, plan.links, plan.ownFeeds, plan.articles.map(ref), edition, other];
}
