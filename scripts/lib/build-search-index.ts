import type {OutputFile, SiteConfig} from './types.ts';
import {encodePath} from './view-model.ts';

/**
 * The full-text search index, built by Pagefind's Node API from the rendered pages that mark
 * their text with `data-pagefind-body` (the article pages). Pagefind writes nothing itself:
 * its files (index, fragments, WebAssembly, the UI) come back as output files under
 * `pagefind/`, sorted by path, for `write-output.ts`. Result URLs are site-root-relative
 * (`/2017/01/slug/`): the search page's script gives Pagefind the sub-path as `baseUrl`, so the
 * index does not change when the site moves.
 *
 * @param pages Rendered output files; only HTML with `data-pagefind-body` is indexed.
 * @throws Error naming Pagefind's complaint when the index cannot be built.
 */
export async function buildSearchIndex(pages: readonly OutputFile[], config: SiteConfig): Promise<OutputFile[]> {
  // Imported when needed: the package is ESM-only, and the test runner loads suites as CommonJS.
  const pagefind = await import('pagefind');
  const {index, errors} = await pagefind.createIndex({forceLanguage: config.language});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (const page of pages) {
      if (!('contents' in page) || typeof page.contents !== 'string' || !page.path.endsWith('.html')) continue;
      if (!page.contents.includes('data-pagefind-body')) continue;
      const url = `/${encodePath(page.path.replace(/(^|\/)index\.html$/, '$1'))}`;
      const added = await index.addHTMLFile({url, content: page.contents});
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${page.path}: ${added.errors.join('; ')}`);
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
