import {slugify} from './slugify.ts';
import type {Article} from './types.ts';

/**
 * The articles most related to `article`: those sharing the most tags (compared by slug),
 * ties broken by the newer date, then by path, so the ranking is the same on every build.
 * Articles sharing no tag are never related.
 *
 * @param article The article whose page lists them.
 * @param articles Every published article.
 * @param limit How many to return at most.
 */
export function relatedArticles(article: Article, articles: readonly Article[], limit = 3): Article[] {
  const own = new Set(article.tags.map(tagKey));
  if (own.size === 0) return [];
  return articles
    .filter((other) => other.path !== article.path)
    .map((other) => ({other, shared: new Set(other.tags.map(tagKey).filter((tag) => own.has(tag))).size}))
    .filter(({shared}) => shared > 0)
    .sort((a, b) => b.shared - a.shared || (a.other.date === b.other.date ? (a.other.path < b.other.path ? -1 : 1) : a.other.date < b.other.date ? 1 : -1))
    .slice(0, limit)
    .map(({other}) => other);
}

function tagKey(tag: string): string {
  return slugify(tag) || 'untitled';
}
