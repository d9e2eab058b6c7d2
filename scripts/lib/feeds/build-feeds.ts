import fs from 'node:fs';
import path from 'node:path';
import {latestUpdate, type FeedDocument, type FeedHistory, type XmlFeedUrls} from './feed-document.ts';
import type {FeedItems} from './feed-items.ts';
import {renderAtom} from './render-atom.ts';
import {renderJson} from './render-json.ts';
import {renderRss} from './render-rss.ts';
import {stripIllegalXml} from '../xml.ts';
import type {FeedSizeReport} from './fit-feed-budget.ts';
import {fitFeedBudget} from './fit-feed-budget.ts';
import type {Article, OutputFile, SiteConfig} from '../types.ts';
import {hrefOf, urlOf} from '../urls.ts';

/** Site-relative paths of one document in the two XML formats. */
export interface XmlFeedPaths {
  readonly rss: string;
  readonly atom: string;
}

/** One set of feeds (RSS, Atom and, unless it is an archive, JSON Feed) over a list of articles. */
export interface FeedSpec {
  readonly title: string;
  readonly description: string;
  /** Site-relative path of the HTML page the feeds mirror (`''` for the front page). */
  readonly home: string;
  /** Site-relative output paths of the documents; no `json` for RFC 5005 archives. */
  readonly paths: XmlFeedPaths & {readonly json?: string};
  /** Permanent id of the feed (Atom `<id>`). */
  readonly id: string;
  /** The feed's language (its edition's); the site's when not given. */
  readonly language?: string | undefined;
  /** The items, newest first, already cut to the feed's size. */
  readonly articles: readonly Article[];
  /** Paths of the articles whose items carry their summary and a link instead of the body, to stay within `feedMaxBytes` (`fitFeedBudget`). */
  readonly summarized?: readonly string[];
  /** RFC 5005 links (site-relative), for the main feeds and their archives. */
  readonly history?: {
    readonly archive: boolean;
    readonly current?: XmlFeedPaths | undefined;
    readonly prev?: XmlFeedPaths | undefined;
    readonly next?: XmlFeedPaths | undefined;
  };
}

/** Where the theme's feed stylesheet is published, when it has one. */
const stylesheetPath = 'assets/feed.xsl';

/**
 * Write one feed set: the articles become entries (full content, absolute URLs, lead image,
 * corrections; the summary and a link for those too large for `feedMaxBytes`), then each
 * format's renderer brings `feed`'s output up to its spec. No document passes `feedMaxBytes`
 * while it has an item left to summarize.
 *
 * @param items The build's memo of feed items (`feedItems`): it fetches the bodies by key and
 *   knows the derived photos' byte sizes, for their enclosures (see {@link lazyFeeds}).
 */
export function buildFeeds(spec: FeedSpec, config: SiteConfig, items: FeedItems): OutputFile[] {
  const summarized = new Set(spec.summarized ?? []);
  for (;;) {
    // Bytes, each item encoded once: the budget counts them, and the writer hashes and writes them as they are.
    const files = renderFeedSet(spec, config, summarized, items);
    const over = files.some((file) => file.contents.byteLength > config.feedMaxBytes);
    // The plan's sizes are estimates: should a document still pass the budget, summarize its largest whole item too.
    const largest = spec.articles.filter((article) => !summarized.has(article.path)).sort((a, b) => b.feedBytes - a.feedBytes || (a.path < b.path ? -1 : 1))[0];
    if (!over || !largest) return files;
    summarized.add(largest.path);
  }
}

function renderFeedSet(spec: FeedSpec, config: SiteConfig, summarized: ReadonlySet<string>, items: FeedItems): {path: string; contents: Buffer}[] {
  // Each item comes from the build's memo: rendered once however many feeds carry it.
  const flags = spec.articles.map((article) => summarized.has(article.path));
  const heads = spec.articles.map((article, index) => items.head(article, flags[index]!));
  const xmlUrls = (paths: XmlFeedPaths | undefined): XmlFeedUrls | undefined => (paths ? {rss: urlOf(config, paths.rss), atom: urlOf(config, paths.atom)} : undefined);
  const history: FeedHistory | undefined = spec.history && {
    archive: spec.history.archive,
    current: xmlUrls(spec.history.current),
    prev: xmlUrls(spec.history.prev),
    next: xmlUrls(spec.history.next),
  };
  const document: FeedDocument = {
    id: spec.id,
    title: stripIllegalXml(spec.title),
    description: stripIllegalXml(spec.description),
    home: urlOf(config, spec.home),
    self: {rss: urlOf(config, spec.paths.rss), atom: urlOf(config, spec.paths.atom), json: urlOf(config, spec.paths.json ?? '')},
    language: spec.language ?? config.language,
    copyright: stripIllegalXml(config.copyright),
    updated: latestUpdate(heads),
    // Under `serve` the feeds are opened from the local server, and browsers apply an XSLT stylesheet only from the
    // feed's own origin: there it is the path under the sub-path, which the local server serves.
    stylesheet: fs.existsSync(path.join(config.templatesDir, stylesheetPath)) ? (config.liveReload ? hrefOf(config, stylesheetPath) : urlOf(config, stylesheetPath)) : undefined,
    history,
    hub: config.websubHub || undefined,
    media: heads.some((head) => head.image),
  };
  return [
    {path: spec.paths.rss, contents: renderRss(document, spec.articles.map((article, index) => items.rss(article, flags[index]!)))},
    {path: spec.paths.atom, contents: renderAtom(document, spec.articles.map((article, index) => items.atom(article, flags[index]!)))},
    ...(spec.paths.json === undefined ? [] : [{path: spec.paths.json, contents: renderJson(document, spec.articles.map((article, index) => items.json(article, flags[index]!)))}]),
  ];
}

/** How {@link lazyFeeds} fingerprints a spec: each article by its ref (its content key), and the plain rest by `digest` (which salts it with the templates and settings). */
export interface FeedKeys {
  readonly ref: (article: Article) => string;
  readonly digest: (plain: unknown) => string;
}

/**
 * {@link buildFeeds} as lazy outputs: each file carries a fingerprint of its spec (articles by
 * content key, with the templates and settings in the context's salt) and is rendered only
 * when the writer needs it; the formats of one spec are built together, once. A set with a
 * photo among its lead images `awaits` the image stage: its enclosures carry the derived
 * file's byte size, which `items` knows once the stage is done. The fingerprint needs no
 * sizes: a photo's derived names carry its key (its bytes, the settings and sharp's version),
 * which the article's content key includes, so other bytes mean another fingerprint.
 */
export function lazyFeeds(spec: FeedSpec, config: SiteConfig, keys: FeedKeys, items: FeedItems, key = feedKey(spec, config, keys)): OutputFile[] {
  let built: OutputFile[] | undefined;
  let taken = 0;
  const paths = [spec.paths.rss, spec.paths.atom, ...(spec.paths.json === undefined ? [] : [spec.paths.json])];
  const photos = spec.articles.some((article) => article.image?.plan !== undefined);
  items.expect(spec.articles);
  return paths.map((file, index) => ({
    path: file,
    key: `${key}:${index}`,
    ...(photos ? {awaits: 'images' as const} : {}),
    render: () => {
      if (!built) {
        built = buildFeeds(spec, config, items);
        items.release(spec.articles);
      }
      const output = built[index]!;
      // Each format is asked for once: let go of the spec's documents once all are (an archive's are large).
      if (++taken === paths.length) built = undefined;
      return 'contents' in output ? output.contents : '';
    },
  }));
}

/** The fingerprint of a feed set's files (each format's is this and its place): its spec, articles by content key, and {@link imageSizes}. */
export function feedKey(spec: FeedSpec, config: SiteConfig, keys: FeedKeys, images = imageSizes(spec.articles, config)): string {
  return keys.digest({feed: {...spec, articles: spec.articles.map(keys.ref)}, images});
}

/** Sizes of the articles' local lead images copied as they are (SVGs): enclosures carry them, so they are part of a feed's fingerprint. */
export function imageSizes(articles: readonly Article[], config: SiteConfig): (number | undefined)[] {
  return articles.map((article) => {
    const file = article.image?.plan === undefined && article.image?.sourceFile !== undefined ? path.resolve(config.articlesDir, article.image.sourceFile) : undefined;
    return file !== undefined && fs.existsSync(file) ? fs.statSync(file).size : undefined;
  });
}

/**
 * A feed set's spec with its size budget decided (`fitFeedBudget`): the articles too large for
 * `feedMaxBytes` are summarized, and each one, like a document that cannot fit at all, reported.
 */
export function withinBudget(spec: FeedSpec, config: SiteConfig, report: (report: FeedSizeReport) => void): FeedSpec {
  const budget = fitFeedBudget(spec.articles, [spec.title, spec.description], config);
  if (!budget.fits) report({kind: 'over', document: spec.paths.rss, items: spec.articles.length});
  if (budget.summarized.length === 0) return spec;
  const summarized = new Set(budget.summarized);
  for (const article of spec.articles) if (summarized.has(article.path)) report({kind: 'summarized', article, document: spec.paths.rss});
  return {...spec, summarized: budget.summarized};
}
