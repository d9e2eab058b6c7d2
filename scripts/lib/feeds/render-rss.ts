import {Feed, type Extension} from 'feed';
import type {FeedDocument, FeedHistory} from './feed-document.ts';
import type {FeedEntry} from './feed-entry.ts';
import {cutBlock, escapeHtml, finishXml, forAttribute, forCdata, forText, marker, splitCdata} from './xml-text.ts';

const namespaces = {
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  atom: 'http://www.w3.org/2005/Atom',
  media: 'http://search.yahoo.com/mrss/',
  fh: 'http://purl.org/syndication/history/1.0',
};

/**
 * RSS 2.0 through `feed`, completed: `atom:link` self (and RFC 5005 links), `guid` with
 * `isPermaLink` true only when it is the item's URL, `dc:creator` for every author (RSS
 * `author` must be an e-mail address), the lead image as `enclosure` with its real media
 * type and size, as `media:content` with its size, caption and credit, and (a photo) as a
 * smaller `media:thumbnail`, `lastBuildDate` from content.
 *
 * @param items The document's items in order, each rendered and encoded once per build (`feed-items.ts`).
 */
export function renderRss(document: FeedDocument, items: readonly Uint8Array[]): Buffer {
  const feed = new Feed({
    title: forText(document.title),
    // Readers render a channel's description as HTML, as they do an item's: the text is escaped for HTML once, then for XML.
    description: forText(escapeHtml(document.description)),
    link: document.home,
    language: document.language,
    updated: new Date(document.updated),
    generator: 'Dateline',
    feed: document.self.rss,
    ...(document.copyright ? {copyright: forText(document.copyright)} : {}),
    ...(document.stylesheet ? {stylesheet: forAttribute(document.stylesheet)} : {}),
  });
  feed.addExtension({name: 'atom:link', objects: channelLinks(document.self.rss, document.history, document.hub) as unknown as Record<string, unknown>});
  if (document.history?.archive) feed.addExtension({name: 'fh:archive', objects: {}});
  // One placeholder item marks where the items go: each was rendered once (`renderRssItem`), however many feeds carry it.
  feed.addItem({title: placeholder, link: 'https://placeholder.invalid/', date: new Date(0)});

  const used = new Set(['dc', 'content', 'atom', ...(document.history?.archive ? ['fh'] : []), ...(document.media ? ['media'] : [])]);
  const declarations = Object.entries(namespaces)
    .filter(([prefix]) => used.has(prefix))
    .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
    .join('');
  const xml = feed.rss2().replace(/<rss version="2\.0"[^>]*>/, `<rss version="2.0"${declarations}>`);
  return finishXml(xml, itemOpen, itemClose, placeholder, items);
}

/** Where `feed` writes an item: indented under `<channel>`. */
const itemOpen = '\n        <item>';
const itemClose = '\n        </item>';
/** Stands for the items in the channel while `feed` writes it (no title can hold the marker character). */
const placeholder = `${marker}items${marker}`;

/**
 * One entry as an RSS `<item>`, with its line break and indentation, exactly as `feed` writes it
 * in a document: an article's item is the same in every feed that carries it, so it is rendered
 * once per build and each feed is assembled from those strings (see `feed-items.ts`).
 */
export function renderRssItem(entry: FeedEntry): string {
  const feed = new Feed({title: '', id: '', copyright: ''});
  feed.addItem(rssItem(entry));
  return splitCdata(cutBlock(feed.rss2(), itemOpen, itemClose));
}

/** The channel's `atom:link`s: `self`, the WebSub `hub` (untyped: it is no feed), and RFC 5005's. */
function channelLinks(self: string, history: FeedHistory | undefined, hub: string | undefined): object[] {
  const link = (rel: string, href: string | undefined) => (href ? [{_attributes: {href: forAttribute(href), rel, type: 'application/rss+xml'}}] : []);
  return [
    ...link('self', self),
    ...(hub ? [{_attributes: {href: forAttribute(hub), rel: 'hub'}}] : []),
    ...link('current', history?.current?.rss),
    ...link('prev-archive', history?.prev?.rss),
    ...link('next-archive', history?.next?.rss),
  ];
}

function rssItem(entry: FeedEntry): Parameters<Feed['addItem']>[0] {
  const extensions: Extension[] = [{name: 'dc:creator', objects: entry.authors.map((name) => ({_text: forText(name)})) as unknown as Record<string, unknown>}];
  const image = entry.image;
  if (image) {
    extensions.push({
      name: 'media:content',
      objects: {
        _attributes: {
          url: forAttribute(image.url),
          medium: 'image',
          ...(image.type ? {type: image.type} : {}),
          ...(image.length ? {fileSize: image.length} : {}),
          ...(image.width && image.height ? {width: image.width, height: image.height} : {}),
        },
        ...(image.caption ? {'media:description': {_text: forText(image.caption)}} : image.alt ? {'media:description': {_text: forText(image.alt)}} : {}),
        ...(image.credit ? {'media:credit': {_text: forText(image.credit)}} : {}),
      },
    });
    const thumbnail = image.thumbnail;
    if (thumbnail) extensions.push({name: 'media:thumbnail', objects: {_attributes: {url: forAttribute(thumbnail.url), width: thumbnail.width, height: thumbnail.height}}});
  }
  return {
    title: forCdata(entry.title),
    link: entry.link,
    // `feed` writes `isPermaLink="true"` with the link when it has no guid: right when the id is the URL.
    ...(entry.id === entry.link ? {} : {guid: forText(entry.id)}),
    date: new Date(entry.updated),
    published: new Date(entry.published),
    // Readers take an item's description as HTML; it is text. The W3C validator wants one before `content:encoded`.
    ...(entry.description ? {description: forCdata(escapeHtml(entry.description))} : {}),
    content: forCdata(entry.contentHtml),
    category: entry.categories.map((name) => ({name: forText(name)})),
    // An enclosure needs its length in bytes: only for our own files, whose size we know.
    ...(image?.length && image.type ? {enclosure: {url: image.url, type: image.type, length: image.length}} : {}),
    extensions,
  };
}
