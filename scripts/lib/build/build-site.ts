import fs from 'node:fs';
import path from 'node:path';
import {VFile} from 'vfile';
import {BuildCache, toolVersion} from '../cache/build-cache.ts';
import {loadConfig, type ConfigOverrides} from '../config/config.ts';
import {deriveImages} from '../images/derive-images.ts';
import {derivedSizes, imageOutputs, photoPlans, photosChanged, readStamps, saveStamps} from '../images/image-outputs.ts';
import {pruneImageCache} from '../images/prune-image-cache.ts';
import {acquireLock, LockError} from '../output/output-lock.ts';
import {OutputError, OutputSession, prepareSpare, sameBytes} from '../output/write-output.ts';
import {locateTemplateError} from '../render/locate-template-error.ts';
import {renderAndWrite, TemplateError, type RenderCount} from '../render/render-due.ts';
import {renderInParallel} from '../render/render-in-parallel.ts';
import {fail} from '../report/report-issues.ts';
import {indexForSearch} from '../search/index-for-search.ts';
import {ioTurns} from '../workers/io-turns.ts';
import {KeptFeedItems} from '../feeds/feed-items.ts';
import {changedFeeds, writeChangedFeeds} from '../websub/changed-feeds.ts';
import type {OutputClaims} from '../plan/claim-outputs.ts';
import type {Article, OutputFile, SiteConfig} from '../types.ts';
import {loadSources} from './load-sources.ts';
import {parseArticles} from './parse-articles.ts';
import {claimOutputs, planOutputs, reportFeedSizes, reportTranslationClashes} from './plan-outputs.ts';
import {publicOnly, selectPublished} from './select-published.ts';

/** What a build did: every file's messages, and counts for the summary. */
export interface BuildResult {
  readonly ok: boolean;
  readonly files: readonly VFile[];
  readonly config: SiteConfig | undefined;
  readonly articles: number;
  readonly pages: number;
  /** Feed files in the output (RSS, Atom, JSON Feed). */
  readonly feeds: number;
  /** Files in the output (written, or kept because their bytes did not change). */
  readonly written: number;
  /** The articles the site was built from, newest first (for checks that map pages to sources). */
  readonly published: readonly Article[];
  /** How long each named step took, in order. */
  readonly timings: readonly {readonly name: string; readonly ms: number}[];
}

/** Options of one build. */
export interface BuildOptions extends ConfigOverrides {
  /** The site folder (where the config, `articles/` and `templates/` are). */
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Called as the build goes: when each step ends, with its item counts. */
  readonly onProgress?: ((progress: BuildProgress) => void) | undefined;
  /**
   * Called once a build's output is in place, before the cache is saved (`serve` reloads the
   * pages then); the save waits for the promise it returns (`serve`: until the reloaded pages are served).
   */
  readonly onOutput?: ((result: BuildResult) => void | Promise<void>) | undefined;
  /** Where a process that builds again and again (`serve`) keeps the build cache open between builds. */
  readonly keeper?: CacheKeeper | undefined;
  /**
   * Once the output is in place, give it a spare copy when it has none (`prepareSpare`), so the
   * next build updates only what changes: `serve`, whose next build is a save someone waits for.
   */
  readonly prepareSpare?: boolean | undefined;
  /** Record the feeds whose bytes the build changed, for `dateline ping` (default: yes, unless under `serve`); `check`, whose output is thrown away, does not. */
  readonly recordFeeds?: boolean | undefined;
}

/** Holds the build cache open from one build to the next of the same process, so its index is read once, not on every build. */
export interface CacheKeeper {
  cache: BuildCache | undefined;
  /** The articles folder a watcher watches (`serve`), once it does: from then on a build's scan of that folder can be the base of {@link changes}. */
  watching?: string | undefined;
  /**
   * The article paths (absolute) the watcher saw change since the kept cache's scan, which
   * began after watching did; the load step looks at those alone. The owner adds to it; a
   * build that saves the cache empties it. Undefined until then: every file is looked at.
   */
  changes?: Set<string> | undefined;
  /** The registry of output paths of the last build that wrote its output: the next grants the same claims again without checking them. */
  claims?: OutputClaims | undefined;
  /** Feed items of this process's builds, for the next (see `KeptFeedItems`). */
  feedItems?: KeptFeedItems | undefined;
}

/** Where a build is: the step under way (`done < total`) or just finished, and its item counts. */
export interface BuildProgress {
  readonly step: 'config' | 'load' | 'parse' | 'render' | 'write';
  readonly done: number;
  readonly total: number;
}

/**
 * The whole build in named, timed steps: load the config and the articles, parse them
 * (from the cache, or on every core), plan and render the pages, feeds and sitemaps, index
 * the articles for search, and write them atomically. Nothing is written when any file has a fatal message.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const timings: {name: string; ms: number}[] = [];
  let mark = performance.now();
  const step = (name: string): void => {
    const now = performance.now();
    timings.push({name, ms: now - mark});
    mark = now;
  };
  const {config, file: configFile} = loadConfig(options.cwd, options, options.env ?? process.env);
  const failed = (files: readonly VFile[]): BuildResult => ({ok: false, files, config, articles: 0, pages: 0, feeds: 0, written: 0, published: [], timings});
  if (!config) return failed([configFile]);
  const version = toolVersion();
  // Builds of one site share its cache: they take turns from opening it to saving it.
  let release: (() => void) | undefined;
  if (config.cacheDir) {
    try {
      fs.mkdirSync(path.dirname(config.cacheDir), {recursive: true});
      release = acquireLock(config.cacheDir);
    } catch (error) {
      fail(configFile, `could not use the build cache: ${(error as Error).message}`, undefined, 'cache');
      return failed([configFile]);
    }
  }
  const {keeper} = options;
  const cache = keeper ? BuildCache.reuse(keeper.cache, config.cacheDir, version) : BuildCache.open(config.cacheDir, version);
  try {
    return await buildWith(config, configFile, cache, version, options, step, timings);
  } finally {
    if (keeper) keeper.cache = cache;
    else cache.close();
    release?.();
  }
}

async function buildWith(
  config: SiteConfig,
  configFile: VFile,
  cache: BuildCache,
  version: string,
  options: BuildOptions,
  step: (name: string) => void,
  timings: {name: string; ms: number}[],
): Promise<BuildResult> {
  const failed = (files: readonly VFile[]): BuildResult => ({ok: false, files, config, articles: 0, pages: 0, feeds: 0, written: 0, published: [], timings});
  const progress = options.onProgress ?? (() => {});
  step('config');
  progress({step: 'config', done: 1, total: 1});

  // The watcher's word on what changed counts only for the folder it watches, and the cache whose scan it followed.
  const {keeper} = options;
  const watchedScan = keeper?.watching !== undefined && keeper.watching === config.articlesDir;
  const loaded = loadSources(config, options.cwd, cache, version, watchedScan && keeper?.cache === cache ? keeper.changes : undefined);
  const {sources, readable} = loaded;
  step(`load (${loaded.checked} of ${sources.length} files looked at)`);
  progress({step: 'load', done: sources.length, total: sources.length});

  const photoStamps = readStamps(config.cacheDir);
  const {parsed, outcomes, bodies, parsedNow} = await parseArticles(loaded, config, cache, photoStamps, (cached) => progress({step: 'parse', done: cached, total: readable.length}));
  const {articles, claims} = selectPublished(parsed, config, keeper?.claims, cache.plan?.claims);
  const files = [configFile, ...sources];
  step(`parse (${parsedNow} of ${readable.length})`);
  progress({step: 'parse', done: readable.length, total: readable.length});
  if (files.some((file) => file.messages.some((message) => message.fatal))) return failed(files);

  // The image stage runs (on libuv's threads) while the pages are planned and rendered.
  const images = deriveImages(photoPlans(articles), {cacheDir: config.cacheDir, maxPixels: config.maxImagePixels});
  images.catch(() => {}); // Awaited below; a build that fails first must not leave it unhandled.
  // Feeds carry the derived photos' byte sizes: the files that `awaits` the images are written once they are made.
  let sizes: ReadonlyMap<string, number> | undefined;
  const sizeOf = (name: string): number | undefined => {
    if (!sizes) throw new Error(`the size of "${name}" was asked for before the image stage was done`);
    return sizes.get(name);
  };
  const planned = planOutputs(articles, config, bodies, sizeOf, cache.plan, keeper && (keeper.feedItems ??= new KeptFeedItems()), cache.feedItems);
  const fileOf = new Map(parsed.map(({article, file}) => [article.source, file]));
  if (!claimOutputs(planned.files, claims, fileOf, configFile)) return failed(files);
  reportFeedSizes(planned.feedSizes, config, configFile, new Map(parsed.map(({article, file}) => [article.path, file])));
  reportTranslationClashes(planned.translationClashes, fileOf);
  step(`plan (${planned.planning})`);
  // Pagefind indexes in its own process while the pages render on every core, only the
  // search shards whose articles changed (Pagefind cannot update an index in place).
  const search = indexForSearch(publicOnly(articles), config, cache, version, bodies);
  /** The one place a failure while rendering or writing becomes a message on a file. */
  const outputFailed = (error: unknown): BuildResult => {
    if (error instanceof TemplateError) {
      // On the template file, at the line LiquidJS names (a partial's own, when the error is in one).
      const problem = locateTemplateError(error.cause, options.cwd);
      if (!problem.file) {
        fail(configFile, `template error: ${problem.reason}; fix the template in ${path.relative(options.cwd, config.templatesDir) || 'templates'}/`, undefined, 'template');
        return failed(files);
      }
      const template = new VFile({path: problem.file, cwd: options.cwd});
      fail(template, `template error: ${problem.reason}`, problem.place, 'template');
      return failed([...files, template]);
    }
    if (!(error instanceof OutputError || error instanceof LockError)) throw error;
    const relative = path.relative(options.cwd, config.outDir);
    const outFile = new VFile({path: relative && !relative.startsWith('..') ? relative : config.outDir, cwd: options.cwd});
    fail(outFile, error.message, undefined, 'write');
    return failed([...files, outFile]);
  };
  // Pages are written as the workers render them; the output appears whole at `commit`, or not at all.
  const state = cache.outputs.get(config.outDir);
  let session: OutputSession;
  try {
    session = OutputSession.open(config.outDir, state);
  } catch (error) {
    return outputFailed(error);
  }
  const count: RenderCount = {rendered: 0};
  let written;
  let index;
  let imageFiles: OutputFile[] = [];
  // Held back until the image step: so each step's time is its own, and failed photos never render them.
  const afterImages: OutputFile[] = [];
  try {
    // Pagefind's process gets its records only when the event loop turns: let it, between pages.
    const turn = ioTurns(10);
    for await (const file of renderInParallel(planned.files, planned.views, session.previous, planned.cards.card, bodies)) {
      if ('awaits' in file && file.awaits === 'images') afterImages.push(file);
      else renderAndWrite(session, file, count);
      await turn();
    }
    step(`render (${planned.cards.rendered()} cards, ${planned.feedItems.made()} feed entries, ${planned.feedItems.taken()} items from the last build)`);
    progress({step: 'render', done: planned.pages, total: planned.pages});
    index = await search;
    if ('error' in index) {
      session.abort();
      fail(configFile, `search index: ${index.error.message}`, undefined, 'search');
      return failed(files);
    }
    if (!claimOutputs(index.files, claims, fileOf, configFile)) {
      session.abort();
      return failed(files);
    }
    for (const file of index.files) renderAndWrite(session, file, count);
    step(`search (${index.summary})`);
    const derived = await images;
    const photos = imageOutputs(articles, derived);
    if (photos.problems.length > 0) {
      session.abort();
      for (const problem of photos.problems) {
        const file = files.find((candidate) => candidate.path.split(path.sep).join('/') === problem.source) ?? configFile;
        fail(file, problem.reason, problem.place, 'image');
      }
      return failed(files);
    }
    for (const file of photos.files) renderAndWrite(session, file, count);
    imageFiles = photos.files;
    sizes = derivedSizes(derived);
    for (const file of afterImages) renderAndWrite(session, file, count);
    step(`images (${derived.derived} derived, ${derived.cached} from the cache)`);
    written = session.commit();
  } catch (error) {
    session.abort();
    return outputFailed(error);
  }
  const output = {...planned, files: [...planned.files, ...index.files, ...imageFiles]};
  step(`write (${count.rendered} pages rendered, ${written.stats.written} files written, ${written.stats.linked + written.stats.kept} unchanged)`);
  progress({step: 'write', done: output.files.length, total: output.files.length});
  const result: BuildResult = {ok: true, files, config, articles: articles.length, pages: output.pages, feeds: output.feeds, written: output.files.length, published: articles, timings};
  if (keeper) keeper.claims = claims;
  // What `dateline ping` tells the WebSub hub: the feeds whose bytes this build changed (`serve`'s local builds are never published).
  if (config.cacheDir && !config.liveReload && options.recordFeeds !== false) {
    const before = state?.current?.manifest;
    const after = written.state.current!.manifest;
    writeChangedFeeds(config.cacheDir, changedFeeds(planned.files.map((file) => file.path), (relative) => sameBytes(before, after, relative), config.url));
  }
  // What it sends goes out before the cache is saved: an HTTP response's write waits for the next tick.
  if (options.onOutput) await options.onOutput(result);
  if (config.cacheDir) {
    let outputState = written.state;
    if (options.prepareSpare) {
      const spare = prepareSpare(config.outDir, outputState);
      outputState = spare.state;
      if (spare.files > 0) step(`spare (${spare.files} files linked)`);
    }
    for (const article of articles) photosChanged(article, photoStamps);
    // The cache keeps the photos some article (drafts and future ones too) still uses, and no others.
    const all = parsed.map(({article}) => article);
    pruneImageCache(config.cacheDir, photoPlans(all), photoStamps, all.flatMap((article) => article.assets.flatMap((asset) => (asset.sourceHash ? [asset.from] : []))));
    saveStamps(config.cacheDir, photoStamps);
    cache.save({outcomes, sources: loaded.stamps, scannedAt: loaded.scannedAt, outDir: config.outDir, output: outputState, search: index.shards, plan: {...planned.memo, claims: claims.signatures()}, feedItems: planned.storedItems()});
    if (keeper) keeper.changes = watchedScan ? new Set() : undefined;
    step('cache');
  }
  return result;
}

export {publicOnly} from './select-published.ts';
