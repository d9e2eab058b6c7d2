import type {Article, ArticleBodies, SiteConfig} from '../types.ts';
import {feedEntry, noDerivedSizes, type DerivedSizes, type FeedEntry} from './feed-entry.ts';
import {renderAtomEntry} from './render-atom.ts';
import {renderJsonItem, type JsonItem} from './render-json.ts';
import {renderRssItem} from './render-rss.ts';

/**
 * Each article's feed entry and its item in each format, made once per build however many
 * feeds carry it (the main feed, its archive month, its section's, tags' and author's feeds):
 * every feed document is assembled from these. An item whose article is summarized to fit
 * `feedMaxBytes` is another item, made once too. Items are held only while a feed that will
 * carry them is still to be rendered: each planned feed `expect`s its articles and `release`s
 * them once rendered, so an old article that only its archive month carries is never kept.
 */
export interface FeedItems {
  readonly entry: (article: Article, summarized: boolean) => FeedEntry;
  /** The RSS `<item>`, encoded: documents are assembled from these bytes. */
  readonly rss: (article: Article, summarized: boolean) => Uint8Array;
  /** The Atom `<entry>`, encoded. */
  readonly atom: (article: Article, summarized: boolean) => Uint8Array;
  readonly json: (article: Article, summarized: boolean) => JsonItem;
  /** How many entries were made so far (for `--verbose`). */
  readonly made: () => number;
  /** A planned feed will carry these articles (called when the feed is planned). */
  readonly expect: (articles: readonly Article[]) => void;
  /** A feed that carries these articles was rendered: let go of the items no other planned feed needs. */
  readonly release: (articles: readonly Article[]) => void;
}

interface Made {
  entry: FeedEntry;
  rss?: Uint8Array;
  atom?: Uint8Array;
  json?: JsonItem;
}

/**
 * Feed items a process that builds again and again (`serve`) keeps from one build to the next,
 * for the templates and settings of one salt: an article object stands for its content (a
 * changed article is parsed into a new one), so its items are the same while the salt is.
 * After a save, the feeds that carry the edited article are rendered again, and their other
 * articles' items come from here. The most recently used are kept, up to `limit` bytes of
 * bodies (each item holds its article's body in every format).
 */
export class KeptFeedItems {
  private salt = '';
  private readonly items = new Map<Article, [Made | undefined, Made | undefined]>();
  private bytes = 0;

  constructor(private readonly limit = 64 * 1024 * 1024) {}

  /** The items kept for `salt` (none kept for another salt survive). */
  for(salt: string): Map<Article, [Made | undefined, Made | undefined]> {
    if (salt !== this.salt) {
      this.items.clear();
      this.bytes = 0;
      this.salt = salt;
    }
    return this.items;
  }

  /** `article`'s items were used: keep them, newest last, and let go of the least recently used beyond the limit. */
  use(article: Article, pair: [Made | undefined, Made | undefined]): void {
    if (this.items.delete(article)) this.bytes -= weight(article);
    this.items.set(article, pair);
    this.bytes += weight(article);
    for (const [oldest] of this.items) {
      if (this.bytes <= this.limit) break;
      this.items.delete(oldest);
      this.bytes -= weight(oldest);
    }
  }
}

/** What an article's items weigh, roughly: its body in the entry and in each of three formats. */
const weight = (article: Article): number => 4 * article.feedBytes;

/**
 * A memo of feed items for one build: bodies are fetched from `bodies` by key as entries are
 * made; `sizes` gives the derived photos' byte sizes once the image stage is done. With
 * `kept` (and the build's `salt`), items of earlier builds of the process are taken, and this
 * build's kept for the next.
 */
export function feedItems(config: SiteConfig, bodies: ArticleBodies, sizes: DerivedSizes = noDerivedSizes, kept?: {readonly store: KeptFeedItems; readonly salt: string}): FeedItems {
  const made = new WeakMap<Article, [Made | undefined, Made | undefined]>();
  const earlier = kept?.store.for(kept.salt);
  /** How many planned feeds that are not rendered yet carry each article. */
  const uses = new Map<Article, number>();
  let count = 0;
  const of = (article: Article, summarized: boolean): Made => {
    let pair = made.get(article);
    if (!pair) {
      pair = earlier?.get(article) ?? [undefined, undefined];
      made.set(article, pair);
      kept?.store.use(article, pair);
    }
    const slot = summarized ? 1 : 0;
    if (!pair[slot]) count++;
    return (pair[slot] ??= {entry: feedEntry(article, bodies, config, summarized, sizes)});
  };
  return {
    entry: (article, summarized) => of(article, summarized).entry,
    rss: (article, summarized) => {
      const item = of(article, summarized);
      return (item.rss ??= Buffer.from(renderRssItem(item.entry)));
    },
    atom: (article, summarized) => {
      const item = of(article, summarized);
      return (item.atom ??= Buffer.from(renderAtomEntry(item.entry)));
    },
    json: (article, summarized) => {
      const item = of(article, summarized);
      return (item.json ??= renderJsonItem(item.entry));
    },
    made: () => count,
    expect: (articles) => {
      for (const article of articles) uses.set(article, (uses.get(article) ?? 0) + 1);
    },
    release: (articles) => {
      for (const article of articles) {
        const left = (uses.get(article) ?? 1) - 1;
        if (left > 0) {
          uses.set(article, left);
          continue;
        }
        uses.delete(article);
        made.delete(article);
      }
    },
  };
}
