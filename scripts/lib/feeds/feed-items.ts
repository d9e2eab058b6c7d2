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
  /** What a document needs of an entry besides its item: its `updated` time, and whether it carries a lead image. */
  readonly head: (article: Article, summarized: boolean) => EntryHead;
  /** The RSS `<item>`, encoded: documents are assembled from these bytes. */
  readonly rss: (article: Article, summarized: boolean) => Uint8Array;
  /** The Atom `<entry>`, encoded. */
  readonly atom: (article: Article, summarized: boolean) => Uint8Array;
  readonly json: (article: Article, summarized: boolean) => JsonItem;
  /** How many entries were made so far (for `--verbose`). */
  readonly made: () => number;
  /** How many items were taken from the last build's (`StoredFeedItems`) so far. */
  readonly taken: () => number;
  /** A planned feed will carry these articles (called when the feed is planned). */
  readonly expect: (articles: readonly Article[]) => void;
  /** A feed that carries these articles was rendered: let go of the items no other planned feed needs. */
  readonly release: (articles: readonly Article[]) => void;
}

/** What a feed document needs of each entry besides its item. */
export interface EntryHead {
  readonly updated: string;
  readonly image: boolean;
}

interface Made {
  head: EntryHead;
  /** Made on demand: an item taken from the last build has its formats without it. */
  entry?: FeedEntry;
  rss?: Uint8Array | undefined;
  atom?: Uint8Array | undefined;
  json?: JsonItem | undefined;
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

/** An item as the build cache keeps it: its head and each format the last build made. */
export interface StoredFeedItem {
  readonly head: EntryHead;
  readonly rss?: Uint8Array | undefined;
  readonly atom?: Uint8Array | undefined;
  readonly json?: JsonItem | undefined;
}

/**
 * The feed items the build cache keeps for the next build, for one salt (templates and
 * settings), packed in few values (what reading a cache part costs is the number of values, not
 * the bytes): item `i` is `keys[i]` (see {@link storedKey}), its `updated` time, whether it has
 * a lead image, and its RSS, Atom and JSON text in `bytes` from `ends[3i - 1]` (0 for the
 * first) to `ends[3i]`, `ends[3i + 1]` and `ends[3i + 2]` (an empty range: not made).
 */
export interface StoredFeedItems {
  readonly salt: string;
  readonly keys: readonly string[];
  readonly updated: readonly string[];
  readonly images: Uint8Array;
  readonly bytes: Uint8Array;
  readonly ends: Uint32Array;
}

/** An item's key in the store: the article's ref (its content key, which names its photos' derived files too) and which of its two items. */
const storedKey = (ref: string, summarized: boolean): string => `${ref}:${summarized ? 's' : 'f'}`;

/**
 * Feed items kept in the build cache from one build to the next (a one-shot `build` after an
 * edit renders again the feeds that carry the edited article, and takes their other items from
 * here). The items this build used come first, then the last build's others, up to `limit`
 * bytes: what the last few builds rendered, not the whole site's (a cold build at 10,000
 * articles would write some 100 MB of items for builds that need a few hundred). Past the
 * limit, this build's items are not held: the build lets go of each one once its feeds are rendered.
 */
export class FeedItemStore {
  private readonly last: StoredFeedItems | undefined;
  private places: Map<string, number> | undefined;
  private readonly used = new Map<string, StoredFeedItem>();
  /** The bytes of the items in `used`. */
  private usedBytes = 0;
  /** Keys of the items taken from the last build. */
  private readonly taken = new Set<string>();

  constructor(
    stored: StoredFeedItems | undefined,
    readonly salt: string,
    private readonly limit = 3 * 1024 * 1024,
  ) {
    this.last = stored?.salt === salt ? stored : undefined;
  }

  /** The last build's item under `key`, if it kept one. */
  take(key: string): StoredFeedItem | undefined {
    if (!this.last) return undefined;
    this.places ??= new Map(this.last.keys.map((name, index) => [name, index]));
    const index = this.places.get(key);
    if (index === undefined) return undefined;
    this.taken.add(key);
    const [rss, atom, json] = storedTexts(this.last, index);
    return {
      head: storedHead(this.last, index),
      rss,
      atom,
      json: json && (JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8')) as JsonItem),
    };
  }

  /** This build used `item` (made it, or took it from the last build): held, without its entry, while the store has room. */
  keep(key: string, {head, rss, atom, json}: StoredFeedItem): void {
    const held = this.used.get(key);
    const size = (rss?.byteLength ?? 0) + (atom?.byteLength ?? 0);
    if (!held && this.usedBytes + size > this.limit) return;
    this.usedBytes += size - (held ? (held.rss?.byteLength ?? 0) + (held.atom?.byteLength ?? 0) : 0);
    this.used.set(key, {head, rss, atom, json});
  }

  /**
   * What to keep for the next build; `undefined` when the last build's stay as they are: when
   * this build made fewer than `fresh` items the store lacks (an edit makes one, which the next
   * build makes again in a fraction of a millisecond, where writing the store again takes
   * some 25 ms at 10,000 articles).
   */
  stored(fresh = 16): StoredFeedItems | undefined {
    let made = 0;
    for (const key of this.used.keys()) if (!this.taken.has(key)) made++;
    if (made < fresh && (this.last || made === 0)) return undefined;
    const keys: string[] = [];
    const updated: string[] = [];
    const images: number[] = [];
    const chunks: Uint8Array[] = [];
    const ends: number[] = [];
    let total = 0;
    const add = (key: string, head: EntryHead, texts: readonly (Uint8Array | undefined)[]): boolean => {
      const size = texts.reduce((sum, text) => sum + (text?.byteLength ?? 0), 0);
      if (total + size > this.limit) return false;
      keys.push(key);
      updated.push(head.updated);
      images.push(head.image ? 1 : 0);
      for (const text of texts) {
        if (text) chunks.push(text);
        total += text?.byteLength ?? 0;
        ends.push(total);
      }
      return true;
    };
    let room = true;
    for (const [key, item] of this.used) {
      room = add(key, item.head, [item.rss, item.atom, item.json && Buffer.from(JSON.stringify(item.json))]);
      if (!room) break;
    }
    // Then the last build's others, their bytes as they are.
    const last = this.last;
    if (last && room) {
      for (const [index, key] of last.keys.entries()) {
        if (!this.used.has(key) && !add(key, storedHead(last, index), storedTexts(last, index))) break;
      }
    }
    return {salt: this.salt, keys, updated, images: Uint8Array.from(images), bytes: Buffer.concat(chunks, total), ends: Uint32Array.from(ends)};
  }
}

/** Item `index`'s head in a store. */
const storedHead = (items: StoredFeedItems, index: number): EntryHead => ({updated: items.updated[index]!, image: items.images[index] === 1});

/** Item `index`'s RSS, Atom and JSON text in a store, each `undefined` when it was not made. */
function storedTexts(items: StoredFeedItems, index: number): (Uint8Array | undefined)[] {
  return [0, 1, 2].map((slot) => {
    const at = 3 * index + slot;
    const from = at === 0 ? 0 : items.ends[at - 1]!;
    return from === items.ends[at] ? undefined : items.bytes.subarray(from, items.ends[at]);
  });
}

/**
 * A memo of feed items for one build: bodies are fetched from `bodies` by key as entries are
 * made; `sizes` gives the derived photos' byte sizes once the image stage is done. With
 * `kept` (and the build's `salt`), items of earlier builds of the process are taken, and this
 * build's kept for the next. With `stored` (the build cache's, for the same salt), items the
 * last build kept are taken by the article's `ref`, and those this build used are kept.
 */
export function feedItems(
  config: SiteConfig,
  bodies: ArticleBodies,
  sizes: DerivedSizes = noDerivedSizes,
  kept?: {readonly store: KeptFeedItems; readonly salt: string},
  stored?: {readonly store: FeedItemStore; readonly ref: (article: Article) => string},
): FeedItems {
  const made = new WeakMap<Article, [Made | undefined, Made | undefined]>();
  const earlier = kept?.store.for(kept.salt);
  /** How many planned feeds that are not rendered yet carry each article. */
  const uses = new Map<Article, number>();
  let count = 0;
  let taken = 0;
  const of = (article: Article, summarized: boolean): Made => {
    let pair = made.get(article);
    if (!pair) {
      pair = earlier?.get(article) ?? [undefined, undefined];
      made.set(article, pair);
      kept?.store.use(article, pair);
    }
    const slot = summarized ? 1 : 0;
    let item: Made | undefined = pair[slot];
    if (!item) {
      const last = stored?.store.take(storedKey(stored.ref(article), summarized));
      if (last) {
        taken++;
        item = {...last};
      } else {
        count++;
        const entry = feedEntry(article, bodies, config, summarized, sizes);
        item = {head: {updated: entry.updated, image: entry.image !== undefined}, entry};
      }
      pair[slot] = item;
    }
    return item;
  };
  /** The entry of an item taken from the last build is made only if a format it lacks is asked for. */
  const entryOf = (article: Article, summarized: boolean, item: Made): FeedEntry => {
    if (!item.entry) {
      count++;
      item.entry = feedEntry(article, bodies, config, summarized, sizes);
    }
    return item.entry;
  };
  return {
    entry: (article, summarized) => entryOf(article, summarized, of(article, summarized)),
    head: (article, summarized) => of(article, summarized).head,
    rss: (article, summarized) => {
      const item = of(article, summarized);
      return (item.rss ??= Buffer.from(renderRssItem(entryOf(article, summarized, item))));
    },
    atom: (article, summarized) => {
      const item = of(article, summarized);
      return (item.atom ??= Buffer.from(renderAtomEntry(entryOf(article, summarized, item))));
    },
    json: (article, summarized) => {
      const item = of(article, summarized);
      return (item.json ??= renderJsonItem(entryOf(article, summarized, item)));
    },
    made: () => count,
    taken: () => taken,
    expect: (articles) => {
      for (const article of articles) uses.set(article, (uses.get(article) ?? 0) + 1);
    },
    release: (articles) => {
      for (const article of articles) {
        if (stored) {
          const pair = made.get(article);
          const ref = stored.ref(article);
          for (const [slot, item] of (pair ?? []).entries()) if (item) stored.store.keep(storedKey(ref, slot === 1), item);
        }
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
