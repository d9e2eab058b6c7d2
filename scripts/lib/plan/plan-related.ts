import {slugify} from '../slugify.ts';
import type {Article} from '../types.ts';

/**
 * Every article by rank (newest first, ties by path), each one's tags as numbers, and for each
 * tag the ranks of the articles carrying it: built once, shared by every article, so ranking
 * related articles never compares every pair.
 */
export interface TagIndex<A extends Article = Article> {
  readonly ranked: readonly A[];
  readonly rank: ReadonlyMap<A, number>;
  /** Tag numbers of the article at each rank, without repeats (tags compared by slug). */
  readonly tagsAt: readonly (readonly number[])[];
  /** The number of each tag slug. */
  readonly numbers: ReadonlyMap<string, number>;
  /** Ranks of the articles carrying each tag number, in rank order. */
  readonly byTag: readonly Int32Array[];
  /** Scratch counters, one per article, all zero between calls. */
  readonly counts: Uint32Array;
  /** Each ranked article's date in milliseconds since the epoch. */
  readonly times: Float64Array;
}

/** Index the articles by tag slug. */
export function indexTags<A extends Article>(articles: readonly A[]): TagIndex<A> {
  const ranked = [...articles].sort((a, b) => (a.date === b.date ? (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) : a.date < b.date ? 1 : -1));
  const rank = new Map(ranked.map((article, position) => [article, position]));
  const numbers = new Map<string, number>();
  const lists: number[][] = [];
  const tagsAt = ranked.map((article, position) => {
    const own = [...new Set(article.tags.map(tagKey))].map((slug) => {
      let number = numbers.get(slug);
      if (number === undefined) {
        numbers.set(slug, (number = lists.length));
        lists.push([]);
      }
      lists[number]!.push(position);
      return number;
    });
    return own;
  });
  const times = Float64Array.from(ranked, (article) => Date.parse(article.date));
  return {ranked, rank, numbers, tagsAt, byTag: lists.map((list) => Int32Array.from(list)), counts: new Uint32Array(ranked.length), times};
}

/**
 * The articles most related to `article`: those sharing the most tags (compared by slug),
 * ties broken by the nearer date (before or after), then the newer, then by path, so the
 * ranking is the same on every build whatever the input order. Nearness rather than recency
 * keeps a new story out of the lists of older ones it is far from in time: publishing one
 * changes only the related lists of articles near it, not of every article sharing a tag.
 * Articles sharing no tag are never related.
 * Linear in the articles sharing a tag: counts go in a typed array, the best are kept as they come.
 *
 * @param article The article whose page lists them.
 * @param index Every published article by tag (see {@link indexTags}).
 * @param limit How many to return at most.
 */
export function relatedArticles<A extends Article>(article: A, index: TagIndex<A>, limit = 3): A[] {
  const {counts, byTag} = index;
  const self = index.rank.get(article) ?? -1;
  const tags = self >= 0 ? index.tagsAt[self]! : [...new Set(article.tags.map(tagKey))].flatMap((slug) => index.numbers.get(slug) ?? []);
  const touched: number[] = [];
  for (const tag of tags) {
    const list = byTag[tag]!;
    for (let i = 0; i < list.length; i++) {
      const position = list[i]!;
      if (position === self) continue;
      const seen = counts[position]!;
      counts[position] = seen + 1;
      if (seen === 0) touched.push(position);
    }
  }
  // The best `limit` by (shared tags, distance in time, rank); `touched` is in no such order.
  const {times} = index;
  const time = self >= 0 ? times[self]! : Date.parse(article.date);
  const best: number[] = [];
  const bestCounts: number[] = [];
  const bestDistances: number[] = [];
  for (const position of touched) {
    const count = counts[position]!;
    const distance = Math.abs(times[position]! - time);
    let at = best.length;
    while (at > 0 && (count > bestCounts[at - 1]! || (count === bestCounts[at - 1] && (distance < bestDistances[at - 1]! || (distance === bestDistances[at - 1] && position < best[at - 1]!))))) at--;
    if (at < limit) {
      best.splice(at, 0, position);
      bestCounts.splice(at, 0, count);
      bestDistances.splice(at, 0, distance);
      if (best.length > limit) {
        best.pop();
        bestCounts.pop();
        bestDistances.pop();
      }
    }
  }
  for (const position of touched) counts[position] = 0;
  return best.map((position) => index.ranked[position]!);
}

function tagKey(tag: string): string {
  return slugify(tag) || 'untitled';
}
