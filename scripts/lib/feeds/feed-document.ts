import type {FeedEntry} from './feed-entry.ts';

/** Absolute URLs of one document of a feed in the two XML formats. */
export interface XmlFeedUrls {
  readonly rss: string;
  readonly atom: string;
}

/**
 * RFC 5005 links of a document: the subscription document links its newest archive;
 * an archive links the subscription document, its neighbours, and is marked `fh:archive`.
 */
export interface FeedHistory {
  readonly archive: boolean;
  readonly current: XmlFeedUrls | undefined;
  readonly prev: XmlFeedUrls | undefined;
  readonly next: XmlFeedUrls | undefined;
}

/** Everything a renderer needs for one feed document; plain data, every URL absolute. */
export interface FeedDocument {
  /** Permanent id (Atom `<id>`): minted from `idBase`, never from the URL. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The HTML page the feed mirrors. */
  readonly home: string;
  /** Where each format of this document is published (RSS and Atom `self`, JSON `feed_url`). */
  readonly self: {readonly rss: string; readonly atom: string; readonly json: string};
  readonly language: string;
  readonly copyright: string;
  /** The newest `updated` of the entries, or the epoch for none: never the clock. */
  readonly updated: string;
  /** URL of the XSLT stylesheet for browsers, when the theme has one. */
  readonly stylesheet: string | undefined;
  readonly history: FeedHistory | undefined;
  /** The WebSub hub subscribers may subscribe at (`websubHub`), linked with `rel="hub"`; undefined for none. */
  readonly hub: string | undefined;
  /** Some entry carries a lead image (RSS declares the `media` namespace for it). */
  readonly media: boolean;
}

/** The `updated` time of a set of entries: the newest, or the epoch when there are none. */
export function latestUpdate(entries: readonly Pick<FeedEntry, 'updated'>[]): string {
  return entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), new Date(0).toISOString());
}
