import {newsSitemapXml, robotsTxt, sitemapXml, type SitemapEntry} from '../build-sitemaps.ts';
import {pageVersions} from '../../plan/plan-translations.ts';
import type {Article, OutputFile} from '../../types.ts';
import type {EmitContext} from './context.ts';

/**
 * `sitemap.xml` with every page, `news-sitemap.xml` with the last two days, and `robots.txt`;
 * drafts in neither. The sitemap is made only when its entries (each page's path and last
 * change) or the settings differ from the last build's: at 10,000 articles it is 2 MB of XML.
 * The pages follow from the plan signature and the last changes from the articles' `modified`,
 * so those two are its fingerprint, not the 17,000 entries, which are made only to render it.
 */
export function emitSitemaps({publicArticles: articles, publicPlans, config, digest, signature, editions, translations}: EmitContext): OutputFile[] {
  const latest = (list: readonly Article[]): string | undefined =>
    list.reduce<string | undefined>((newest, article) => {
      const time = article.modified;
      return newest === undefined || time > newest ? time : newest;
    }, undefined);
  const entries = (): SitemapEntry[] => [
    ...publicPlans().map((plan) => ({
      path: plan.path,
      lastmod: plan.kind === 'article' ? plan.article.modified : latest(plan.articles),
      alternates: pageVersions(plan, translations),
    })),
    ...(config.search ? editions.map((edition) => ({path: `${edition.config.edition.path}search/`, lastmod: undefined})) : []),
  ];
  return [
    {path: 'sitemap.xml', key: digest(['sitemap', signature, articles.map((article) => article.modified)]), render: () => sitemapXml(entries(), config)},
    {path: 'news-sitemap.xml', contents: newsSitemapXml(articles, config)},
    {path: 'robots.txt', contents: robotsTxt(config)},
  ];
}
