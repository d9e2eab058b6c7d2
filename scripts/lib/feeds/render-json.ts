import {Feed} from 'feed';
import type {FeedDocument} from './feed-document.ts';
import type {FeedEntry} from './feed-entry.ts';

/**
 * JSON Feed 1.1 through `feed`, which writes version 1 with a single `author`: upgraded to
 * 1.1 with `authors` (feed and items), `language`, the WebSub `hubs`, item `language`, `image` and `tags`, and
 * the same text as the XML feeds.
 *
 * @param items The document's items in order, each made once per build (`feed-items.ts`).
 */
export function renderJson(document: FeedDocument, items: readonly JsonItem[]): Buffer {
  const feed = new Feed({
    title: document.title,
    description: document.description,
    link: document.home,
    feedLinks: {json: document.self.json},
    updated: new Date(document.updated),
  });
  const json = JSON.parse(feed.json1()) as Record<string, unknown>;
  const {version: _version, author: _author, items: _items, ...rest} = json;
  const upgraded = {version: 'https://jsonfeed.org/version/1.1', ...rest, language: document.language, ...(document.hub ? {hubs: [{type: 'WebSub', url: document.hub}]} : {}), items};
  return Buffer.from(`${JSON.stringify(upgraded, null, 2)}\n`);
}

/** One JSON Feed item, as plain data. */
export type JsonItem = Readonly<Record<string, unknown>>;

/**
 * One entry as a JSON Feed 1.1 item: `feed`'s version 1 item with `authors` and `language`.
 * An article's item is the same in every feed that carries it, so it is made once per build (see `feed-items.ts`).
 */
export function renderJsonItem(entry: FeedEntry): JsonItem {
  const feed = new Feed({title: '', id: '', copyright: ''});
  feed.addItem({
    title: entry.title,
    id: entry.id,
    link: entry.link,
    date: new Date(entry.updated),
    published: new Date(entry.published),
    content: entry.contentHtml,
    ...(entry.summary ? {description: entry.summary} : {}),
    ...(entry.image ? {image: entry.image.url} : {}),
    category: entry.categories.map((name) => ({name})),
  });
  const [item] = (JSON.parse(feed.json1()) as {items: Record<string, unknown>[]}).items;
  const {author: _author, ...rest} = item!;
  return {...rest, authors: entry.authors.map((name) => ({name})), ...(entry.language ? {language: entry.language} : {})};
}
