import {h} from 'hastscript';
import {toHtml} from 'hast-util-to-html';
import {editionAt} from '../config/editions.ts';
import type {Article, ArticleBodies, SiteConfig} from '../types.ts';
import {encodePath} from '../urls.ts';

/** A search shard's files as Pagefind returns them, relative to the shard's bundle folder. */
export type ShardFiles = {readonly path: string; readonly contents: string | Uint8Array}[];

/**
 * Records sent before the first of them is answered. Pagefind's process reads them into its own
 * queue, so a window keeps it busy while this thread renders pages (see `io-turns.ts`), without
 * holding every record of a shard in memory at once.
 */
const inFlight = 32;

/**
 * Index search shards with Pagefind's Node API, one index per shard in one Pagefind process,
 * each article as a small HTML record (headline, standfirst, sanitized body), independent of
 * the theme, so pages never need rendering for it. Records are sent a few ahead of Pagefind's
 * answers ({@link inFlight}), in article order: its service handles messages one at a time in
 * the order they arrive, so the index is the same bytes on every build, and neither side waits
 * on the other's round trip. Pagefind writes nothing itself: each shard's files
 * come back relative to its bundle folder, sorted by path, for `write-output.ts`. Result URLs
 * are site-root-relative (`/2017/01/slug/`): the search page's script gives Pagefind the
 * sub-path as `baseUrl`, so the index does not change when the site moves.
 *
 * @param shards The shards to index (each a list of published articles).
 * @param window How many records may wait for Pagefind's answer at once.
 * @returns each shard's files, in the order given.
 * @throws Error naming Pagefind's complaint when an index cannot be built.
 */
export async function buildSearchIndex(shards: readonly {readonly articles: readonly Article[]}[], config: SiteConfig, bodies: ArticleBodies, window = inFlight): Promise<ShardFiles[]> {
  if (shards.length === 0) return [];
  // Imported when needed: the package is ESM-only, and the test runner loads suites as CommonJS.
  const pagefind = await import('pagefind');
  try {
    const made: ShardFiles[] = [];
    for (const shard of shards) {
      // One language for the whole index, so the one search page finds articles in any language; with
      // editions, one index per edition's language (Pagefind splits by each record's `lang`), which
      // each edition's search page loads by its own `<html lang>`.
      const {index, errors} = await pagefind.createIndex(config.editions.length > 1 ? {} : {forceLanguage: config.language});
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      await inOrder(shard.articles, window, async (article) => {
        const added = await index.addHTMLFile({url: `/${encodePath(article.path)}`, content: searchRecord(article, bodies.body(article.key).html, config)});
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${article.source}: ${added.errors.join('; ')}`);
      });
      const result = await index.getFiles();
      if (result.errors.length > 0) throw new Error(`Pagefind could not write its index: ${result.errors.join('; ')}`);
      await index.deleteIndex();
      made.push(result.files.map((file) => ({path: file.path.replace(/^\/+/, ''), contents: file.content})).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
    }
    return made;
  } finally {
    await pagefind.close();
  }
}

/**
 * Start `task` for each item in order, at most `window` unfinished at once; the first failure
 * stops further starts and is thrown once those already started have settled.
 */
export async function inOrder<T>(items: readonly T[], window: number, task: (item: T) => Promise<void>): Promise<void> {
  const pending = new Set<Promise<void>>();
  let failure: {error: unknown} | undefined;
  for (const item of items) {
    if (failure) break;
    const started: Promise<void> = task(item).then(
      () => void pending.delete(started),
      (error: unknown) => {
        pending.delete(started);
        failure ??= {error};
      },
    );
    pending.add(started);
    if (pending.size >= window) await Promise.race(pending);
  }
  await Promise.all(pending);
  if (failure) throw failure.error;
}

/** The HTML Pagefind reads for one article: escaped headline and standfirst, then its sanitized body (`html`). */
export function searchRecord(article: Article, html: string, config: SiteConfig): string {
  const lang = config.editions.length > 1 ? editionAt(config, article.edition).lang : (article.lang ?? config.language);
  const tree = h('html', {lang}, [
    h('head', [h('title', article.title)]),
    h('body', [h('h1', article.title), article.summary ? h('p', article.summary) : '', {type: 'raw', value: html}]),
  ]);
  return `<!doctype html>${toHtml(tree, {allowDangerousHtml: true})}`;
}
