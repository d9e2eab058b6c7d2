import {contentKey} from '../plan/fingerprint.ts';
import {createHash} from 'node:crypto';
import type {Article} from '../types.ts';

/** One part of the search index: a fixed run of articles, counted from the oldest, and where its files go. */
export interface SearchShard {
  /** The shard's articles, oldest first. */
  readonly articles: readonly Article[];
  /** Its folder in the output: `pagefind/` for the newest (the bundle the search page loads), `pagefind/shard-N/` for the others. */
  readonly dir: string;
  /** What the shard is made from: the tool's version, the settings, and each article's key and path. */
  readonly key: string;
}

/**
 * Split the published articles into search shards of `size`, counted from the oldest, so that
 * an edit re-indexes only its own shard and a new article only the newest one: the shards
 * before it keep their articles, and so their keys and files, as the site grows. The newest
 * shard is Pagefind's primary bundle (index, WebAssembly and UI) at `pagefind/`; the search page
 * merges the others into it in the browser (`mergeIndex`), so they carry only their index files.
 *
 * @param articles Published articles, newest first (as the build sorts them).
 * @param salt What else the index depends on: the tool's version and the index settings.
 */
export function planSearchShards(articles: readonly Article[], size: number, salt: string): SearchShard[] {
  const oldestFirst = [...articles].reverse();
  return searchShardDirs(oldestFirst.length, size).map((dir, index) => {
    const part = oldestFirst.slice(index * size, (index + 1) * size);
    const hash = createHash('sha1').update(salt);
    for (const article of part) hash.update('\0').update(contentKey(article)).update('\0').update(article.path);
    return {articles: part, dir, key: hash.digest('base64url')};
  });
}

/** The output folders of the shards of `count` articles, oldest first: the newest is the primary bundle, `pagefind/`. */
export function searchShardDirs(count: number, size: number): string[] {
  const shards = Math.ceil(count / size);
  return Array.from({length: shards}, (_, index) => (index === shards - 1 ? 'pagefind/' : `pagefind/shard-${index}/`));
}

/** The files a merged (not primary) shard needs: its entry, metadata, word index and fragments, not the UI or WebAssembly. */
export function isMergedShardFile(relative: string): boolean {
  return relative === 'pagefind-entry.json' || relative.endsWith('.pf_meta') || /^(index|fragment|filter)\//.test(relative);
}
