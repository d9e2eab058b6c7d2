/** Site-relative paths of a feed set in the three formats. */
export interface FeedPaths {
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
}

/** The site's main feeds, at the root (a public contract: `feed.xml`, `atom.xml`, `feed.json`). */
export const mainFeedPaths: FeedPaths = {rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json'};

/** The feeds of a section or tag listing, next to its first page (`section/world/feed.xml`). */
export function listingFeedPaths(base: string): FeedPaths {
  return {rss: `${base}feed.xml`, atom: `${base}atom.xml`, json: `${base}feed.json`};
}

/** The OPML subscription list of every feed, at the root. */
export const opmlPath = 'feeds.opml';
