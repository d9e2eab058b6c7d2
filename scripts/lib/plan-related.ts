import {slugify} from './slugify.ts';
import type {Article} from './types.ts';

/** Which articles carry each tag (by slug), in the site's order: built once, shared by every article. */
export type TagIndex = ReadonlyMap<string, readonly Article[]>;

/** Index the articles by tag slug, so ranking related articles never compares every pair. */
export function indexTags(articles: readonly Article[]): TagIndex {
  const index = new Map<string, Article[]>();
  for (const article of articles) {
    for (const tag of new Set(article.tags.map(tagKey))) {
      const list = index.get(tag) ?? [];
      list.push(article);
      index.set(tag, list);
    }
  }
  return index;
}

/**
 * The articles most related to `article`: those sharing the most tags (compared by slug),
 * ties broken by the newer date, then by path, so the ranking is the same on every build
 * whatever the input order. Articles sharing no tag are never related.
 *
 * @param article The article whose page lists them.
 * @param index Every published article by tag (see {@link indexTags}).
 * @param limit How many to return at most.
 */
export function relatedArticles(article: Article, index: TagIndex, limit = 3): Article[] {
  const shared = new Map<Article, number>();
  for (const tag of new Set(article.tags.map(tagKey))) {
    for (const other of index.get(tag) ?? []) {
      if (other.path !== article.path) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  return [...shared]
    .sort(([a, x], [b, y]) => y - x || (a.date === b.date ? (a.path < b.path ? -1 : 1) : a.date < b.date ? 1 : -1))
    .slice(0, limit)
    .map(([other]) => other);
}

function tagKey(tag: string): string {
  return slugify(tag) || 'untitled';
}
