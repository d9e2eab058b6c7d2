import fs from 'node:fs';
import path from 'node:path';
import {latestUpdate, type FeedDocument, type FeedHistory, type XmlFeedUrls} from './feeds/feed-document.ts';
import {feedEntry} from './feeds/feed-entry.ts';
import {renderAtom} from './feeds/render-atom.ts';
import {renderJson} from './feeds/render-json.ts';
import {renderRss} from './feeds/render-rss.ts';
import {stripIllegalXml} from './feeds/xml-text.ts';
import type {Article, OutputFile, SiteConfig} from './types.ts';
import {urlOf} from './view-model.ts';

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
  /** The items, newest first, already cut to the feed's size. */
  readonly articles: readonly Article[];
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
 * corrections), then each format's renderer brings `feed`'s output up to its spec.
 */
export function buildFeeds(spec: FeedSpec, config: SiteConfig): OutputFile[] {
  const entries = spec.articles.map((article) => feedEntry(article, config));
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
    language: config.language,
    copyright: stripIllegalXml(config.copyright),
    updated: latestUpdate(entries),
    stylesheet: fs.existsSync(path.join(config.templatesDir, stylesheetPath)) ? urlOf(config, stylesheetPath) : undefined,
    history,
    entries,
  };
  return [
    {path: spec.paths.rss, contents: renderRss(document)},
    {path: spec.paths.atom, contents: renderAtom(document)},
    ...(spec.paths.json === undefined ? [] : [{path: spec.paths.json, contents: renderJson(document)}]),
  ];
}

/**
 * {@link buildFeeds} as lazy outputs: each file carries a fingerprint of its spec (articles by
 * content key, with the templates and settings in the context's salt) and is rendered only
 * when the writer needs it; the formats of one spec are built together, once.
 */
export function lazyFeeds(spec: FeedSpec, config: SiteConfig, fingerprint: (value: unknown) => string): OutputFile[] {
  let built: OutputFile[] | undefined;
  let taken = 0;
  const paths = [spec.paths.rss, spec.paths.atom, ...(spec.paths.json === undefined ? [] : [spec.paths.json])];
  const key = fingerprint({feed: spec, images: imageSizes(spec.articles, config)});
  return paths.map((file, index) => ({
    path: file,
    key: `${key}:${index}`,
    render: () => {
      built ??= buildFeeds(spec, config);
      const output = built[index]!;
      // Each format is asked for once: let go of the spec's documents once all are (an archive's are large).
      if (++taken === paths.length) built = undefined;
      return 'contents' in output ? output.contents : '';
    },
  }));
}

/** Sizes of the articles' local lead images: enclosures carry them, so they are part of a feed's fingerprint. */
function imageSizes(articles: readonly Article[], config: SiteConfig): (number | undefined)[] {
  return articles.map((article) => {
    const file = article.image?.sourceFile === undefined ? undefined : path.resolve(config.articlesDir, article.image.sourceFile);
    return file !== undefined && fs.existsSync(file) ? fs.statSync(file).size : undefined;
  });
}
