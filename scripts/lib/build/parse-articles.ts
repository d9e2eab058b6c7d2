import type {VFile} from 'vfile';
import {applyMessages, parseAll} from '../article/parse-all.ts';
import type {ParseOutcome} from '../article/parse-batch.ts';
import type {BuildCache} from '../cache/build-cache.ts';
import {photosChanged, type PhotoStamps} from '../images/image-outputs.ts';
import {readText} from '../source/load-articles.ts';
import type {Article, ArticleBodies, SiteConfig} from '../types.ts';
import type {LoadedSources} from './load-sources.ts';

/** What the parse step leaves: every article with its file, the outcomes to cache, and where the bodies are. */
export interface ParsedArticles {
  /** Every parsed article (drafts and future ones too) with the file it came from, in path order. */
  readonly parsed: readonly {readonly article: Article; readonly file: VFile}[];
  /** This build's parse outcomes by article key: what the cache keeps. */
  readonly outcomes: ReadonlyMap<string, ParseOutcome>;
  /** Every article's body by key: this build's fresh parses, the cache's body file for the rest. */
  readonly bodies: ArticleBodies;
  /** How many sources were parsed now (the rest came from the cache). */
  readonly parsedNow: number;
}

/**
 * The parse step: articles from the cache by key, the rest parsed (on every core when there
 * are many). A cached article whose photos changed is parsed again: its derived names carry
 * their hash. Each outcome's messages go back on its file. The sources' text is let go after.
 */
export async function parseArticles(loaded: LoadedSources, config: SiteConfig, cache: BuildCache, photoStamps: PhotoStamps, onStart: (cached: number) => void): Promise<ParsedArticles> {
  const {readable, keys} = loaded;
  const missing = readable.flatMap((file, index) => {
    const cached = cache.articles.get(keys[index]!);
    if (cached && !(cached.article && photosChanged(cached.article, photoStamps))) return [];
    // Unchanged, but its parse is not cached (other settings): read it after all.
    if (file.value === undefined) readText(file);
    return file.value === undefined ? [] : [{key: keys[index]!, path: file.path, cwd: file.cwd, value: String(file.value)}];
  });
  onStart(readable.length - missing.length);
  const parsedNow = await parseAll(missing, config);
  const fresh = new Map(missing.map((source, index) => [source.path, parsedNow[index]!]));
  const all = new Map<string, ParseOutcome>();
  const parsed: {article: Article; file: VFile}[] = [];
  readable.forEach((file, index) => {
    const key = keys[index]!;
    const outcome = fresh.get(file.path) ?? cache.articles.get(key);
    if (!outcome) return; // Could not be read again: its message is on the file.
    all.set(key, outcome);
    applyMessages(file, outcome);
    if (outcome.article) parsed.push({article: outcome.article, file});
  });
  // The fresh bodies go to the cache's body file now, read back by key when shown: memory for the pages.
  const outcomes = cache.stash(all);
  // The sources' text is no longer needed (messages carry their positions): memory for the pages.
  for (const file of loaded.sources) file.value = '';
  return {parsed, outcomes, bodies: cache.bodies(outcomes), parsedNow: missing.length};
}
