import type {Article, ArticleSummary} from '../types.ts';

/**
 * An article without its bodies, as plain data: what crosses to a worker for a page that only
 * lists it, and what the cache's index keeps. Property getters (the cache's lazily read bodies)
 * are copied as they are, so summarizing never reads a body.
 */
export function summarizeArticle(article: Article | ArticleSummary): ArticleSummary {
  const {html: _html, feedHtml: _feedHtml, ...rest} = Object.getOwnPropertyDescriptors(article as Article);
  return Object.defineProperties({}, rest) as ArticleSummary;
}
