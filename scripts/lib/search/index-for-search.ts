import {buildSearchIndex} from './build-search-index.ts';
import type {BuildCache, CacheUpdate} from '../cache/build-cache.ts';
import {isMergedShardFile, planSearchShards} from './plan-search-shards.ts';
import type {Article, ArticleBodies, OutputFile, SiteConfig} from '../types.ts';

/** What the search step gives: the index's output files, the shards for the cache, and a word for the step's name. */
export type SearchOutcome =
  | {readonly files: OutputFile[]; readonly shards: CacheUpdate['search']; readonly summary: string}
  | {readonly error: Error};

/**
 * The search index as output files: its shards (see `plan-search-shards.ts`), each taken from
 * the cache when an earlier build made it from the same articles, and indexed by Pagefind
 * otherwise. Under `serve` (`liveReload`), a changed shard shows the last build's shard in its
 * place rather than wait for a new one, when there is one; `build` always indexes what it publishes.
 */
export async function indexForSearch(articles: readonly Article[], config: SiteConfig, cache: BuildCache, version: string, bodies: ArticleBodies): Promise<SearchOutcome> {
  if (!config.search) return {files: [], shards: undefined, summary: 'off'};
  const shards = planSearchShards(articles, config.searchShardSize, `${version}\0${config.language}\0${config.editions.map((edition) => edition.lang).join(' ')}`);
  const earlier = config.liveReload ? cache.lastSearchShards() : [];
  let stale = 0;
  const found = shards.map((shard, index) => {
    const cached = cache.searchShard(shard.key);
    if (cached || !earlier[index]) return cached && {key: shard.key, files: cached};
    const shown = cache.searchShard(earlier[index]);
    if (shown) stale++;
    return shown && {key: earlier[index], files: shown};
  });
  const due = shards.filter((_, index) => !found[index]);
  let made;
  try {
    made = await buildSearchIndex(due, config, bodies);
  } catch (error) {
    return {error: error as Error};
  }
  const madeByKey = new Map(due.map((shard, index) => [shard.key, made[index]!]));
  const files = shards.flatMap((shard, index) => {
    const key = found[index]?.key ?? shard.key;
    const shardFiles = found[index]?.files ?? madeByKey.get(key)!.map((file) => ({path: file.path, render: () => file.contents}));
    const primary = shard.dir === 'pagefind/';
    return shardFiles
      .filter((file) => primary || isMergedShardFile(file.path))
      .map((file): OutputFile => ({path: shard.dir + file.path, key: `search:${key}`, render: file.render}));
  });
  const articleCount = due.reduce((sum, shard) => sum + shard.articles.length, 0);
  const summary =
    due.length === 0
      ? stale > 0
        ? `from an earlier build, ${stale} of ${shards.length} shards`
        : 'unchanged'
      : `${articleCount} articles indexed, ${due.length} of ${shards.length} shards`;
  return {files, shards: shards.map((shard, index) => ({key: found[index]?.key ?? shard.key, files: found[index] ? undefined : madeByKey.get(shard.key)})), summary};
}
