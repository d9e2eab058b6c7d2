import path from 'node:path';
import {Liquid} from 'liquidjs';
import {listingFeedPaths, mainFeedPaths, opmlPath, type FeedPaths} from './feeds/feed-paths.ts';
import type {PagePlan} from './plan-pages.ts';
import type {Article, SiteConfig} from './types.ts';
import {articleView, hrefOf, urlOf, type LinkView} from './view-model.ts';

/** Site-wide values every template receives as `site`. Documented in the README. */
export interface SiteView {
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly base_path: string;
  readonly language: string;
  readonly copyright: string;
  readonly home_url: string;
  readonly feeds: FeedPaths;
  /** The OPML list of every feed. */
  readonly opml_url: string;
  readonly sections: readonly LinkView[];
  readonly assets_url: string;
}

/**
 * A LiquidJS engine over the site's templates: output escaping on by default (`| raw` is
 * the only way around it, used for the sanitized body), strict filters, own properties only.
 */
export function createEngine(config: SiteConfig): Liquid {
  const engine = new Liquid({
    root: [config.templatesDir],
    layouts: [path.join(config.templatesDir, 'layouts')],
    partials: [path.join(config.templatesDir, 'partials')],
    extname: '.liquid',
    outputEscape: 'escape',
    strictFilters: true,
    ownPropertyOnly: true,
    cache: true,
    greedy: false,
  });
  engine.registerFilter('relative_url', (value: unknown) => hrefOf(config, String(value ?? '').replace(/^\//, '')));
  engine.registerFilter('absolute_url', (value: unknown) => urlOf(config, String(value ?? '').replace(/^\//, '')));
  return engine;
}

/** The `site` object for templates. */
export function siteView(config: SiteConfig, sections: readonly LinkView[]): SiteView {
  return {
    title: config.title,
    description: config.description,
    url: config.url,
    base_path: config.basePath,
    language: config.language,
    copyright: config.copyright,
    home_url: config.basePath,
    feeds: feedUrls(config, mainFeedPaths),
    opml_url: urlOf(config, opmlPath),
    sections,
    assets_url: hrefOf(config, 'assets/'),
  };
}

/**
 * Render one planned page through its template (`article.liquid` or `list.liquid`).
 * Template errors are thrown with the template's name; the caller reports them.
 */
export function renderPage(engine: Liquid, plan: PagePlan, site: SiteView, config: SiteConfig): string {
  const view = (article: Article | undefined) => (article ? articleView(article, config) : undefined);
  if (plan.kind === 'article') {
    const article = view(plan.article)!;
    const html = engine.renderFileSync('article', {
      site,
      page: {kind: 'article', title: article.title, description: article.summary ?? (article.excerpt || site.description), url: article.absolute_url, path: plan.path},
      article,
      newer: view(plan.newer),
      older: view(plan.older),
    });
    return html;
  }
  const {pagination} = plan;
  const heading = plan.listing === 'home' ? site.title : plan.title;
  const html = engine.renderFileSync('list', {
    site,
    page: {
      kind: plan.listing,
      title: pagination.current > 1 ? `${heading} – page ${pagination.current}` : heading,
      heading,
      description: plan.listing === 'home' ? site.description : `${plan.listing === 'tag' ? 'Articles tagged' : 'Articles in'} ${plan.title}`,
      url: urlOf(config, plan.path),
      path: plan.path,
      feeds: plan.listing === 'home' ? undefined : feedUrls(config, listingFeedPaths(plan.base)),
    },
    articles: plan.articles.map((article) => view(article)!),
    pagination: {
      current: pagination.current,
      total: pagination.total,
      previous: pagination.previous === undefined ? undefined : hrefOf(config, pagination.previous),
      next: pagination.next === undefined ? undefined : hrefOf(config, pagination.next),
    },
  });
  return html;
}

/** Absolute URLs of a feed set. */
function feedUrls(config: SiteConfig, paths: FeedPaths): FeedPaths {
  return {rss: urlOf(config, paths.rss), atom: urlOf(config, paths.atom), json: urlOf(config, paths.json)};
}
