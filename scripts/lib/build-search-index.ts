import {createHash} from 'node:crypto';
import {h} from 'hastscript';
import {toHtml} from 'hast-util-to-html';
import type {Article, SiteConfig} from './types.ts';
import {encodePath} from './view-model.ts';

/**
 * The full-text search index, built by Pagefind's Node API from the published articles:
 * each becomes a small HTML record (headline, standfirst, sanitized body), independent of
 * the theme, so pages never need rendering for it. Pagefind writes nothing itself: its
 * files (index, fragments, WebAssembly, the UI) come back as output files under `pagefind/`,
 * sorted by path, for `write-output.ts`. Result URLs are site-root-relative
 * (`/2017/01/slug/`): the search page's script gives Pagefind the sub-path as `baseUrl`,
 * so the index does not change when the site moves.
 *
 * @param articles Published articles.
 * @throws Error naming Pagefind's complaint when the index cannot be built.
 */
export async function buildSearchIndex(articles: readonly Article[], config: SiteConfig): Promise<{path: string; contents: string | Uint8Array}[]> {
  // Imported when needed: the package is ESM-only, and the test runner loads suites as CommonJS.
  const pagefind = await import('pagefind');
  // One language for the whole index, so the one search page finds articles in any language.
  const {index, errors} = await pagefind.createIndex({forceLanguage: config.language});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (const article of articles) {
      const added = await index.addHTMLFile({url: `/${encodePath(article.path)}`, content: searchRecord(article, config)});
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${article.source}: ${added.errors.join('; ')}`);
    }
    const result = await index.getFiles();
    if (result.errors.length > 0) throw new Error(`Pagefind could not write its index: ${result.errors.join('; ')}`);
    return result.files
      .map((file) => ({path: `pagefind/${file.path.replace(/^\/+/, '')}`, contents: file.content}))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } finally {
    await pagefind.close();
  }
}

/**
 * What the search index is made from: the tool's version and each published article's key
 * (its source, text and parse settings) and path, in order. The same key, the same index.
 */
export function searchIndexKey(version: string, articles: readonly Article[], keyOf: (article: Article) => string | undefined): string {
  const hash = createHash('sha1').update(version);
  for (const article of articles) hash.update('\0').update(keyOf(article) ?? JSON.stringify(article)).update('\0').update(article.path);
  return hash.digest('base64url');
}

/** The HTML Pagefind reads for one article: escaped headline and standfirst, then the sanitized body. */
export function searchRecord(article: Article, config: SiteConfig): string {
  const tree = h('html', {lang: article.lang ?? config.language}, [
    h('head', [h('title', article.title)]),
    h('body', [h('h1', article.title), article.summary ? h('p', article.summary) : '', {type: 'raw', value: article.html}]),
  ]);
  return `<!doctype html>${toHtml(tree, {allowDangerousHtml: true})}`;
}
