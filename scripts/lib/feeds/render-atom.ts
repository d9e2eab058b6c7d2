import {Feed} from 'feed';
import type {FeedDocument, FeedHistory} from './feed-document.ts';
import type {FeedEntry} from './feed-entry.ts';
import {cutBlock, escapeHtml, finishXml, forAttribute, forCdata, forText, marker, splitCdata, xmlElement} from './xml-text.ts';
import {escapeXml} from '../xml.ts';

/**
 * Atom 1.0 (RFC 4287) through `feed`, completed: `xml:lang` (feed and entries), `rights`, the WebSub hub, RFC 5005 links and
 * `fh:archive`, and per entry every category and the lead image as an enclosure with its
 * real media type and length, as `media:content` with its size, caption and credit, and (a photo) as a smaller `media:thumbnail`. `feed` has no hook for
 * these, so it writes a marked `<rights>` where each belongs and the marks are replaced.
 *
 * @param entries The document's entries in order, each rendered and encoded once per build (`feed-items.ts`).
 */
export function renderAtom(document: FeedDocument, entries: readonly Uint8Array[]): Buffer {
  const feed = new Feed({
    id: document.id,
    title: forText(document.title),
    description: forText(document.description),
    link: document.home,
    feed: document.self.atom,
    updated: new Date(document.updated),
    generator: 'Dateline',
    copyright: `${marker}feed${marker}`,
    ...(document.stylesheet ? {stylesheet: forAttribute(document.stylesheet)} : {}),
  });
  // One placeholder entry marks where the entries go: each was rendered once (`renderAtomEntry`), however many feeds carry it.
  feed.addItem({title: placeholder, id: 'https://placeholder.invalid/', link: 'https://placeholder.invalid/', date: new Date(0)});
  const xml = feed
    .atom1()
    .replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="http://purl.org/syndication/history/1.0" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="${escapeXml(document.language)}">`)
    .replace(new RegExp(`(\\n *)<rights>${marker}feed${marker}</rights>`), (_, indent: string) => feedExtras(document).map((line) => indent + line).join(''));
  return finishXml(xml, entryOpen, entryClose, placeholder, entries);
}

/** Where `feed` writes an entry: indented under `<feed>`. */
const entryOpen = '\n    <entry>';
const entryClose = '\n    </entry>';
/** Stands for the entries while `feed` writes the document (no title can hold the marker character: it is not allowed in XML). */
const placeholder = `${marker}entries${marker}`;

/**
 * One entry as an Atom `<entry>`, with its line break and indentation, exactly as it stands in a
 * document: its `xml:lang`, categories and lead image added. An article's entry is the same in
 * every feed that carries it, so it is rendered once per build (see `feed-items.ts`).
 */
export function renderAtomEntry(entry: FeedEntry): string {
  const feed = new Feed({id: '', title: '', copyright: ''});
  feed.addItem({
    // `type="html"`: the title and summary are HTML, so plain text is escaped once.
    title: forCdata(escapeHtml(entry.title)),
    id: entry.id,
    link: entry.link,
    date: new Date(entry.updated),
    published: new Date(entry.published),
    ...(entry.summary ? {description: forCdata(escapeHtml(entry.summary))} : {}),
    content: forCdata(entry.contentHtml),
    author: entry.authors.map((name) => ({name: forText(name)})),
    copyright: `${marker}entry${marker}`,
  });
  // `feed` indents each entry by four spaces; no content can hold a raw `<entry>` (HTML is in CDATA with `<` of text escaped).
  const block = cutBlock(feed.atom1(), entryOpen, entryClose)
    .replace(entryOpen, entry.language ? `\n    <entry xml:lang="${escapeXml(entry.language)}">` : entryOpen)
    .replace(new RegExp(`(\\n *)<rights>${marker}entry${marker}</rights>`), (_, indent: string) => entryExtras(entry).map((line) => indent + line).join(''));
  return splitCdata(block);
}

function feedExtras(document: FeedDocument): string[] {
  return [...(document.copyright ? [xmlElement('rights', {}, document.copyright)] : []), ...(document.hub ? [xmlElement('link', {rel: 'hub', href: document.hub})] : []), ...historyLinks(document.history)];
}

function historyLinks(history: FeedHistory | undefined): string[] {
  if (!history) return [];
  const link = (rel: string, href: string | undefined) => (href ? [xmlElement('link', {rel, type: 'application/atom+xml', href})] : []);
  return [...link('current', history.current?.atom), ...link('prev-archive', history.prev?.atom), ...link('next-archive', history.next?.atom), ...(history.archive ? ['<fh:archive/>'] : [])];
}

function entryExtras(entry: FeedEntry): string[] {
  const lines = entry.categories.map((term) => xmlElement('category', {term}));
  const image = entry.image;
  if (image) {
    if (image.type) lines.push(xmlElement('link', {rel: 'enclosure', type: image.type, length: image.length, href: image.url}));
    const inner = [
      image.caption || image.alt ? xmlElement('media:description', {}, image.caption ?? image.alt) : '',
      image.credit ? xmlElement('media:credit', {}, image.credit) : '',
    ].join('');
    const open = xmlElement('media:content', {url: image.url, medium: 'image', type: image.type, fileSize: image.length, width: image.width, height: image.height});
    lines.push(inner ? `${open.slice(0, -2)}>${inner}</media:content>` : open);
    const thumbnail = image.thumbnail;
    if (thumbnail) lines.push(xmlElement('media:thumbnail', {url: thumbnail.url, width: thumbnail.width, height: thumbnail.height}));
  }
  return lines;
}
