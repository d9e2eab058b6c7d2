import {extractFromJson, extractFromXml} from '@extractus/feed-extractor';
import {parseFeed} from 'feedsmith';
import Parser from 'rss-parser';
import {loadConfig} from '../../scripts/lib/config/config.ts';
import {loadArticles} from '../../scripts/lib/source/load-articles.ts';
import {parseArticle} from '../../scripts/lib/article/parse-article.ts';
import {sortArticles} from '../../scripts/lib/plan/plan-pages.ts';
import type {Article, ArticleBody, SiteConfig} from '../../scripts/lib/types.ts';
import {loadWireTools} from '../../scripts/lib/article/wire/wire-tools.ts';

/** The published articles of a site folder, newest first, read by the build's own stages, and their bodies by key. */
export async function publishedArticles(cwd: string, overrides: {now?: string} = {}): Promise<{config: SiteConfig; articles: Article[]; bodies: ReadonlyMap<string, ArticleBody>}> {
  // Wire parsing's libraries load on demand, as the parse step loads them.
  await loadWireTools();
  const {config} = loadConfig(cwd, overrides, {});
  if (!config) throw new Error(`${cwd}: the config does not load`);
  const bodies = new Map<string, ArticleBody>();
  const articles = loadArticles(config.articlesDir, cwd, {maxBytes: config.maxArticleBytes}).files.flatMap((file) => {
    const parsed = parseArticle(file, config, file.path);
    if (!parsed || parsed.article.draft || parsed.article.date > config.now) return [];
    bodies.set(parsed.article.key, parsed.body);
    return [parsed.article];
  });
  return {config, articles: sortArticles(articles), bodies};
}

/** One item as a parser read it, in one shape for every parser. */
export interface ParsedItem {
  readonly id: string;
  readonly title: string;
  readonly link: string;
  /** Publication time in milliseconds. */
  readonly published: number;
  readonly content: string;
}

/** A feed as a parser read it. */
export interface ParsedFeed {
  readonly title: string;
  readonly items: readonly ParsedItem[];
}

type Reader = (text: string) => Promise<ParsedFeed>;
const rssParser = new Parser();
const time = (value: unknown): number => new Date(String(value)).getTime();
/** An Atom text construct as feedsmith gives it: a string, or an object with its value. */
const textValue = (value: unknown): string => (typeof value === 'string' ? value : String((value as {value?: string} | undefined)?.value ?? ''));

/** `rss-parser` (RSS and Atom). */
const readWithRssParser: Reader = async (text) => {
  const feed = await rssParser.parseString(text);
  return {
    title: feed.title ?? '',
    items: feed.items.map((item) => ({
      id: String(item.guid ?? item['id'] ?? ''),
      title: item.title ?? '',
      link: item.link ?? '',
      published: time(item.isoDate ?? item.pubDate),
      content: String(item['content:encoded'] ?? item.content ?? ''),
    })),
  };
};

/** `feedsmith` (RSS, Atom and JSON Feed). */
const readWithFeedsmith: Reader = async (text) => {
  const parsed = parseFeed(text.trimStart().startsWith('{') ? JSON.parse(text) : text);
  if (parsed.format === 'rss') {
    return {
      title: parsed.feed.title ?? '',
      items: (parsed.feed.items ?? []).map((item) => ({id: item.guid?.value ?? '', title: item.title ?? '', link: item.link ?? '', published: time(item.pubDate), content: item.content?.encoded ?? ''})),
    };
  }
  if (parsed.format === 'atom') {
    return {
      title: textValue(parsed.feed.title),
      items: (parsed.feed.entries ?? []).map((entry) => ({
        id: entry.id ?? '',
        title: textValue(entry.title),
        link: entry.links?.find((link) => !link.rel || link.rel === 'alternate')?.href ?? '',
        published: time(entry.published),
        content: textValue(entry.content),
      })),
    };
  }
  if (parsed.format === 'json') {
    return {
      title: parsed.feed.title ?? '',
      items: (parsed.feed.items ?? []).map((item) => ({id: item.id ?? '', title: item.title ?? '', link: item.url ?? '', published: time(item.date_published), content: item.content_html ?? ''})),
    };
  }
  throw new Error(`feedsmith read an unexpected format: ${parsed.format}`);
};

/** `@extractus/feed-extractor` (RSS, Atom and JSON Feed), with its normalization on. */
const readWithFeedExtractor: Reader = async (text) => {
  const options = {descriptionMaxLen: 0, useISODateFormat: true, getExtraEntryFields: (entry: Record<string, unknown>) => ({raw: entry})};
  const json = text.trimStart().startsWith('{');
  const feed = json ? extractFromJson(JSON.parse(text), options) : extractFromXml(text, options);
  return {
    title: feed.title ?? '',
    items: (feed.entries ?? []).map((entry) => {
      const raw = (entry as {raw?: Record<string, unknown>}).raw ?? {};
      const content = raw['content:encoded'] ?? raw['content'] ?? raw['content_html'] ?? '';
      const text = typeof content === 'object' && content !== null ? String((content as Record<string, unknown>)['#text'] ?? '') : String(content);
      return {id: entry.id ?? '', title: entry.title ?? '', link: entry.link ?? '', published: time(entry.published), content: text};
    }),
  };
};

/** Two independent, maintained parsers for each format. */
export const parsers: Record<'xml' | 'json', readonly {readonly name: string; readonly read: Reader}[]> = {
  xml: [
    {name: 'rss-parser', read: readWithRssParser},
    {name: 'feedsmith', read: readWithFeedsmith},
  ],
  json: [
    {name: 'feedsmith', read: readWithFeedsmith},
    {name: '@extractus/feed-extractor', read: readWithFeedExtractor},
  ],
};
