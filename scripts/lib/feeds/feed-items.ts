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
  readonly rss: (article: Article, summarized: boolean) => string;
  readonly atom: (article: Article, summarized: boolean) => string;
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
  rss?: string;
  atom?: string;
  json?: JsonItem;
}

/**
 * A memo of feed items for one build: bodies are fetched from `bodies` by key as entries are
 * made; `sizes` gives the derived photos' byte sizes once the image stage is done.
 */
export function feedItems(config: SiteConfig, bodies: ArticleBodies, sizes: DerivedSizes = noDerivedSizes): FeedItems {
  const made = new WeakMap<Article, [Made | undefined, Made | undefined]>();
  /** How many planned feeds that are not rendered yet carry each article. */
  const uses = new Map<Article, number>();
  let count = 0;
  const of = (article: Article, summarized: boolean): Made => {
    let pair = made.get(article);
    if (!pair) made.set(article, (pair = [undefined, undefined]));
    const slot = summarized ? 1 : 0;
    if (!pair[slot]) count++;
    return (pair[slot] ??= {entry: feedEntry(article, bodies, config, summarized, sizes)});
  };
  return {
    entry: (article, summarized) => of(article, summarized).entry,
    rss: (article, summarized) => {
      const item = of(article, summarized);
      return (item.rss ??= renderRssItem(item.entry));
    },
    atom: (article, summarized) => {
      const item = of(article, summarized);
      return (item.atom ??= renderAtomEntry(item.entry));
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
