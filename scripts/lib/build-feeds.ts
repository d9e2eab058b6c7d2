import {Feed, type Item} from 'feed';
import {toHtml} from 'hast-util-to-html';
import {h} from 'hastscript';
import type {Article, OutputFile, SiteConfig} from './types.ts';
import {urlOf} from './view-model.ts';

/** One set of feeds (RSS, Atom, JSON Feed) over a list of articles. */
export interface FeedSpec {
  readonly title: string;
  readonly description: string;
  /** Site-relative path of the HTML page the feeds mirror (`''` for the front page). */
  readonly home: string;
  /** Site-relative output paths of the three documents. */
  readonly paths: {readonly rss: string; readonly atom: string; readonly json: string};
  /** Permanent id of the feed (Atom `<id>`). */
  readonly id: string;
  /** The items, newest first, already cut to the feed's size. */
  readonly articles: readonly Article[];
}

/** Characters XML 1.0 forbids, and lone surrogates: stripped from every feed. */
const illegalXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The epoch: the `updated` time of a feed with no items, so nothing depends on the clock. */
const epoch = new Date(0);

/**
 * Write a feed set with the `feed` package, then bring each document up to its spec where
 * `feed` falls short: RSS authors as `dc:creator`, Atom titles escaped as `type="html"` expects,
 * JSON Feed 1.1 (`authors`, `language`), and no character XML forbids.
 */
export function buildFeeds(spec: FeedSpec, config: SiteConfig): OutputFile[] {
  const links = {rss: urlOf(config, spec.paths.rss), atom: urlOf(config, spec.paths.atom), json: urlOf(config, spec.paths.json)};
  const updated = spec.articles.reduce((latest, article) => {
    const time = new Date(article.updated ?? article.date);
    return time > latest ? time : latest;
  }, epoch);
  const options = {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    link: urlOf(config, spec.home),
    language: config.language,
    updated,
    generator: 'Dateline',
    feedLinks: links,
    ...(config.copyright ? {copyright: config.copyright} : {}),
  };

  const rss = new Feed({...options, feed: links.rss});
  const atom = new Feed({...options, feed: links.atom});
  for (const article of spec.articles) {
    const item = feedItem(article, config);
    rss.addItem({...item, extensions: [{name: 'dc:creator', objects: article.authors.map((name) => ({_text: name})) as unknown as Record<string, unknown>}]});
    atom.addItem({...item, title: escapeHtml(article.title), author: article.authors.map((name) => ({name}))});
  }

  return [
    {path: spec.paths.rss, contents: finishXml(rss.rss2())},
    {path: spec.paths.atom, contents: finishXml(atom.atom1())},
    {path: spec.paths.json, contents: jsonFeed11(rss.json1(), spec.articles, config)},
  ];
}

/** The fields every format shares. */
function feedItem(article: Article, config: SiteConfig): Item {
  const link = urlOf(config, article.path);
  return {
    title: cdataSafe(article.title),
    id: article.id,
    guid: article.id,
    link,
    date: new Date(article.updated ?? article.date),
    published: new Date(article.date),
    // The summary is text, and RSS `description` and Atom `summary type="html"` are HTML: escape it.
    ...(article.summary ? {description: escapeHtml(article.summary)} : {}),
    content: cdataSafe(leadFigure(article, link) + article.feedHtml),
    category: [...(article.section ? [article.section] : []), ...article.tags].map((name) => ({name, term: name})),
  };
}

/** The lead image, caption and credit as HTML for the top of the item's content. */
function leadFigure(article: Article, link: string): string {
  const image = article.image;
  if (!image) return '';
  const src = image.src === undefined ? undefined : new URL(image.src.split('/').map(encodeURIComponent).join('/'), link).href;
  const caption = [image.caption, image.credit].filter(Boolean).join(' ');
  return toHtml(
    h('figure', [src ? h('img', {src, alt: image.alt ?? ''}) : undefined, caption ? h('figcaption', caption) : undefined].filter((node) => node !== undefined)),
  );
}

/** `]]>` would end a CDATA section early: write it as the equivalent `]]&gt;`. */
function cdataSafe(value: string): string {
  return value.replaceAll(']]>', ']]&gt;');
}

function escapeHtml(value: string): string {
  return cdataSafe(value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;'));
}

function finishXml(xml: string): string {
  let out = xml.replace(illegalXml, '');
  if (out.includes('<dc:creator') && !out.includes('xmlns:dc=')) out = out.replace('<rss ', '<rss xmlns:dc="http://purl.org/dc/elements/1.1/" ');
  return out.endsWith('\n') ? out : `${out}\n`;
}

/** `feed` writes JSON Feed 1.0 with one author; upgrade to 1.1 with every author and the language. */
function jsonFeed11(json: string, articles: readonly Article[], config: SiteConfig): string {
  const feed = JSON.parse(json) as Record<string, unknown> & {items: Record<string, unknown>[]};
  const byId = new Map(articles.map((article) => [article.id, article]));
  const items = feed.items.map((item) => {
    const {author: _author, 'dc:creator': _creator, ...rest} = item;
    const article = byId.get(String(item['id']));
    return {...rest, title: article?.title ?? rest['title'], ...(article?.summary ? {summary: article.summary} : {}), authors: (article?.authors ?? []).map((name) => ({name}))};
  });
  const {version: _version, author: _author, items: _items, ...rest} = feed;
  const upgraded = {version: 'https://jsonfeed.org/version/1.1', ...rest, language: config.language, items};
  return `${JSON.stringify(upgraded, null, 2).replace(illegalXml, '')}\n`;
}
