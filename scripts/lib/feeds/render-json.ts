import {Feed} from 'feed';
import type {FeedDocument} from './feed-document.ts';

/**
 * JSON Feed 1.1 through `feed`, which writes version 1 with a single `author`: upgraded to
 * 1.1 with `authors` (feed and items), `language`, item `language`, `image` and `tags`, and
 * the same text as the XML feeds.
 */
export function renderJson(document: FeedDocument): string {
  const feed = new Feed({
    title: document.title,
    description: document.description,
    link: document.home,
    feedLinks: {json: document.self.json},
    updated: new Date(document.updated),
  });
  for (const entry of document.entries) {
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
  }
  const json = JSON.parse(feed.json1()) as Record<string, unknown> & {items: Record<string, unknown>[]};
  const items = json.items.map((item, index) => {
    const entry = document.entries[index]!;
    const {author: _author, ...rest} = item;
    return {...rest, authors: entry.authors.map((name) => ({name})), ...(entry.language ? {language: entry.language} : {})};
  });
  const {version: _version, author: _author, items: _items, ...rest} = json;
  const upgraded = {version: 'https://jsonfeed.org/version/1.1', ...rest, language: document.language, items};
  return `${JSON.stringify(upgraded, null, 2)}\n`;
}
