import type {VFile} from 'vfile';
import {articleKey, contentHash, type BuildCache} from '../cache/build-cache.ts';
import {loadArticles, type SourceStamp} from '../source/load-articles.ts';
import type {SiteConfig} from '../types.ts';

/** The site's sources as the load step leaves them: every file, and the readable ones with their cache keys. */
export interface LoadedSources {
  /** Every article file found, with its messages (unreadable ones too). */
  readonly sources: readonly VFile[];
  /** The files that could be read (or are unchanged since the last build), in path order. */
  readonly readable: readonly VFile[];
  /** Each readable file's article key (its path, text hash, parse settings and the tool's version), in the same order. */
  readonly keys: readonly string[];
  /** Each readable file as this build saw it, for the next build's scan. */
  readonly stamps: ReadonlyMap<string, SourceStamp>;
  /** When the scan began (ms since the epoch). */
  readonly scannedAt: number;
  /** How many files were looked at on disk (the others the watcher saw unchanged). */
  readonly checked: number;
}

/**
 * The load step: find the article files and read those that changed. A file whose size, times
 * and inode are as the last build saw them is not read again: its text hash comes from the cache.
 * With `changedSince` (the paths a watcher saw change since the cache's scan), the files not
 * among them are not even looked at.
 */
export function loadSources(config: SiteConfig, cwd: string, cache: BuildCache, version: string, changedSince?: ReadonlySet<string>): LoadedSources {
  const scannedAt = Date.now();
  const {files: sources, checked} = loadArticles(config.articlesDir, cwd, {maxBytes: config.maxArticleBytes, known: cache.sources, knownAt: cache.scannedAt, changedSince});
  const usable = (file: VFile) => !file.messages.some((message) => message.fatal) && (file.value !== undefined || file.data.contentHash !== undefined);
  const readable = sources.filter(usable);
  const stamps = new Map<string, SourceStamp>();
  const keys = readable.map((file) => {
    const hash = (file.data.contentHash ??= contentHash(String(file.value)));
    stamps.set(file.path, {stamp: file.data.stamp!, contentHash: hash});
    return articleKey(version, config, file.path, hash);
  });
  return {sources, readable, keys, stamps, scannedAt, checked};
}
