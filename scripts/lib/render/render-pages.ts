import path from 'node:path';
import {Liquid} from 'liquidjs';
import {SiteWideInclude} from './site-wide-include.ts';
import mime from 'mime';
import {collectionPageData, newsArticleData, serializeJsonLd, websiteData} from './build-json-ld.ts';
import {listingFeedPaths, opmlPath, type FeedPaths} from '../feeds/feed-paths.ts';
import type {Alternate} from '../plan/plan-translations.ts';
import type {ListPage, PagePlan} from '../plan/plan-pages.ts';
import type {Article, SiteConfig} from '../types.ts';
import {articleView, type ArticlePageView, type LinkView} from './view-model.ts';
import {authorPath, hrefOf, urlOf} from '../urls.ts';

/** Where `dateline serve` serves its live-reload script, under the site's sub-path (never a build output). */
export const liveReloadPath = '__dateline/live-reload.js';

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
  /** Links to the search page (empty when `search` is off) and the archive's index, under the sub-path. */
  readonly search_url: string;
  readonly archive_url: string;
  /** URL of the live-reload script under `dateline serve`; empty in real builds. */
  readonly live_reload: string;
  /** The site's icon under the sub-path, and its media type (`image/svg+xml`); empty when there is none. */
  readonly icon_url: string;
  readonly icon_type: string;
  /** The edition's writing direction, for `<html dir>`. */
  readonly dir: 'ltr' | 'rtl';
  /** The theme's words in the edition's language (`templates/strings/<lang>.yaml`). */
  readonly strings: Readonly<Record<string, string>>;
  /** Every edition's front page, for a language switcher (`current` marks this one); empty for a site of one edition. */
  readonly editions: readonly EditionLink[];
}

/** A link to another language's version of a page (or an edition's front page). */
export interface EditionLink {
  readonly lang: string;
  /** The language's own name (`Français`): its strings file's `language_name`, else what `Intl` calls it. */
  readonly name: string;
  readonly url: string;
  readonly current: boolean;
}

/** Headings and descriptions of each kind of listing, as keys of the theme strings (and the English a theme without strings gets). */
const listingWords: Record<Exclude<ListPage['listing'], 'home'>, {heading: readonly [string, string] | undefined; description: readonly [string, string]}> = {
  section: {heading: undefined, description: ['articles_in', 'Articles in']},
  tag: {heading: ['tagged', 'Tagged:'], description: ['articles_tagged', 'Articles tagged']},
  author: {heading: undefined, description: ['articles_by', 'Articles by']},
  year: {heading: ['archive_of', 'Archive:'], description: ['articles_published_in', 'Articles published in']},
  month: {heading: ['archive_of', 'Archive:'], description: ['articles_published_in', 'Articles published in']},
  archive: {heading: undefined, description: ['every_article_on', 'Every article, by year and month, on']},
};

/** A theme string of the edition, or its English when the theme has none. */
export function word(config: SiteConfig, [key, english]: readonly [string, string]): string {
  return config.edition.strings[key] ?? english;
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
  // A partial that reads only `site` (header, footer) is rendered once per build, not on every page.
  engine.registerTag('include', SiteWideInclude);
  engine.registerFilter('relative_url', (value: unknown) => hrefOf(config, String(value ?? '').replace(/^\//, '')));
  engine.registerFilter('absolute_url', (value: unknown) => urlOf(config, String(value ?? '').replace(/^\//, '')));
  return engine;
}

/** The `site` object for templates: of the edition `config` renders (`editionConfig`), its paths in the edition's folder. */
export function siteView(config: SiteConfig, sections: readonly LinkView[]): SiteView {
  const prefix = config.edition.path;
  return {
    title: config.title,
    description: config.description,
    url: config.url,
    base_path: config.basePath,
    language: config.language,
    copyright: config.copyright,
    home_url: hrefOf(config, prefix),
    feeds: feedUrls(config, listingFeedPaths(prefix)),
    opml_url: urlOf(config, opmlPath),
    sections,
    assets_url: hrefOf(config, 'assets/'),
    search_url: config.search ? hrefOf(config, `${prefix}search/`) : '',
    archive_url: hrefOf(config, `${prefix}archive/`),
    live_reload: config.liveReload ? hrefOf(config, liveReloadPath) : '',
    icon_url: config.icon ? hrefOf(config, config.icon) : '',
    icon_type: (config.icon && mime.getType(config.icon)) || '',
    dir: config.edition.dir,
    strings: config.edition.strings,
    editions: config.editions.length > 1 ? config.editions.map((edition) => ({...languageLink(config, edition.lang, edition.path), current: edition === config.edition})) : [],
  };
}

/** A link to the page at `path` in language `lang`, named in that language. */
function languageLink(config: SiteConfig, lang: string, path: string): Omit<EditionLink, 'current'> {
  const edition = config.editions.find((candidate) => candidate.lang === lang);
  return {lang, name: edition?.strings['language_name'] ?? languageName(lang), url: hrefOf(config, path)};
}

/** A language's own name by `Intl` (`français`), or its tag when `Intl` has none. */
function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames([lang], {type: 'language'}).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** What an edition's pages render with: its `site` and its config (`editionConfig`). */
export interface EditionView {
  readonly site: SiteView;
  readonly config: SiteConfig;
}

/**
 * One page as a worker thread renders it: its plan, its edition (a place in the build's
 * {@link EditionView}s) and its versions in other languages.
 */
export interface PageJob {
  readonly plan: PagePlan;
  readonly edition: number;
  readonly versions: readonly Alternate[] | undefined;
}

/** An article's card as listings show it (`partials/card.liquid`), by the article and its place in the page's list. */
export type CardOf = (article: Article, index: number) => string;

/**
 * Each article's card, rendered once per build however many listings show it: the partial
 * sees `site` and `article` only, so the same article gives the same card on every page.
 * (Rendering the partial inside each listing's loop cost about ten renders per article.)
 */
export function cardRenderer(engine: Liquid, site: SiteView, config: SiteConfig): CardRenderer {
  const template = engine.parse("{% include 'card' %}");
  const cards = new WeakMap<Article, string>();
  let rendered = 0;
  return {
    card: (article) => {
      let card = cards.get(article);
      if (card === undefined) {
        cards.set(article, (card = engine.renderSync(template, {site, article: articleView(article, config)}) as string));
        rendered++;
      }
      return card;
    },
    rendered: () => rendered,
  };
}

/** Cards rendered once each ({@link cardRenderer}), and how many were rendered so far (for `--verbose`). */
export interface CardRenderer {
  readonly card: (article: Article) => string;
  readonly rendered: () => number;
}

/**
 * Render one planned page through its template (`article.liquid` or `list.liquid`).
 * Every page gets `page.json_ld`, its structured data already serialized safely for a
 * `<script>` element; each listed article its `card`. Template errors are thrown with the
 * template's name; the caller reports them.
 */
export function renderPage(engine: Liquid, plan: PagePlan, site: SiteView, config: SiteConfig, cardOf: CardOf, htmlOf: (article: Article) => string, versions?: readonly Alternate[]): string {
  const view = (article: Article) => articleView(article, config);
  // Its versions in other languages (see `planTranslations`): `<link rel="alternate" hreflang>` each, and visible links to the others.
  const alternates = versions?.map((version) => ({hreflang: version.hreflang, url: urlOf(config, version.path)}));
  const translations = versions?.filter((version) => version.hreflang !== 'x-default' && version.path !== plan.path).map((version) => languageLink(config, version.hreflang, version.path));
  if (plan.kind === 'article') {
    const article: ArticlePageView = {...view(plan.article), html: htmlOf(plan.article)};
    const authorUrls = plan.article.authors.map((name) => urlOf(config, config.edition.path + authorPath(name)));
    const html = engine.renderFileSync('article', {
      site,
      page: {
        kind: 'article',
        title: article.title,
        description: article.summary ?? (article.excerpt || site.description),
        url: article.absolute_url,
        path: plan.path,
        image: article.image?.absolute_url ? article.image : undefined,
        json_ld: serializeJsonLd(newsArticleData(article, authorUrls, config)),
        alternates: alternates ?? [],
        translations: translations ?? [],
      },
      article,
      newer: plan.newer && view(plan.newer),
      older: plan.older && view(plan.older),
      related: plan.related.map(view),
    });
    return html;
  }
  const {pagination} = plan;
  const words = plan.listing === 'home' ? undefined : listingWords[plan.listing];
  const title = plan.listing === 'archive' ? word(config, ['archive', plan.title]) : plan.title;
  const heading = words ? (words.heading ? `${word(config, words.heading)} ${title}` : title) : site.title;
  const url = urlOf(config, plan.path);
  const html = engine.renderFileSync('list', {
    site,
    page: {
      kind: plan.listing,
      title: pagination.number > 0 ? `${heading} – ${word(config, ['page', 'page'])} ${pagination.number}` : heading,
      heading,
      description: words ? `${word(config, words.description)} ${plan.listing === 'archive' ? site.title : title}` : site.description,
      alternates: alternates ?? [],
      translations: translations ?? [],
      url,
      path: plan.path,
      image: undefined,
      json_ld: serializeJsonLd(plan.listing === 'home' ? websiteData(config) : collectionPageData(heading, url, config)),
      feeds: plan.ownFeeds ? feedUrls(config, listingFeedPaths(plan.base)) : undefined,
    },
    // Each with its card rendered once (`article.card`, inserted with `| raw`).
    articles: plan.articles.map((article, index) => ({...view(article), card: cardOf(article, index)})),
    links: plan.links.map((link) => ({name: link.name, url: hrefOf(config, link.path), count: link.count})),
    pagination: {
      number: pagination.number,
      previous: pagination.previous === undefined ? undefined : hrefOf(config, pagination.previous),
      next: pagination.next === undefined ? undefined : hrefOf(config, pagination.next),
    },
  });
  return html;
}

/**
 * Render a page that lists no articles (`404.liquid`, `search.liquid`).
 * Its links are absolute paths under the sub-path, so the 404 page works at any depth.
 */
export function renderStandalonePage(engine: Liquid, template: string, page: {readonly title: string; readonly description: string; readonly path: string; readonly search_merge?: string}, site: SiteView, config: SiteConfig): string {
  return engine.renderFileSync(template, {site, page: {kind: template, ...page, url: urlOf(config, page.path), image: undefined, json_ld: undefined}});
}

/** Absolute URLs of a feed set. */
function feedUrls(config: SiteConfig, paths: FeedPaths): FeedPaths {
  return {rss: urlOf(config, paths.rss), atom: urlOf(config, paths.atom), json: urlOf(config, paths.json)};
}
