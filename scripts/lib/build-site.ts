import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {VFile} from 'vfile';
import {checkCollisions, reportClash} from './check-collisions.ts';
import {describeClash, OutputClaims, reservedPaths} from './claim-outputs.ts';
import {loadConfig, type ConfigOverrides} from './config.ts';
import {loadArticles, readText, type SourceStamp} from './load-articles.ts';
import {articleKey, BuildCache, contentHash, toolVersion} from './build-cache.ts';
import {articleRef, digest, fingerprint, hashFolder} from './fingerprint.ts';
import {applyMessages, parseAll} from './parse-all.ts';
import type {ParseOutcome} from './parse-batch.ts';
import {planPages, sections, sortArticles, type PagePlan} from './plan-pages.ts';
import type {Emitter, FeedSizeReport} from './emit/context.ts';
import type {DerivedSizes} from './feeds/feed-entry.ts';
import {emitAssets} from './emit/emit-assets.ts';
import {emitCname} from './emit/emit-cname.ts';
import {emitFeeds} from './emit/emit-feeds.ts';
import {emitListingFeeds} from './emit/emit-listing-feeds.ts';
import {emitOpml} from './emit/emit-opml.ts';
import {emitPages} from './emit/emit-pages.ts';
import {emitSitemaps} from './emit/emit-sitemaps.ts';
import {emitSpecialPages} from './emit/emit-special-pages.ts';
import {indexForSearch} from './index-for-search.ts';
import {renderInParallel} from './render-in-parallel.ts';
import {deriveImages} from './images/derive-images.ts';
import {derivedSizes, imageOutputs, photoPlans, photosChanged, readStamps, saveStamps} from './images/image-outputs.ts';
import {pruneImageCache} from './images/prune-image-cache.ts';
import {createEngine, siteView, type SiteView} from './render-pages.ts';
import {locateTemplateError} from './locate-template-error.ts';
import {fail} from './report-issues.ts';
import type {Article, ArticleSummary, OutputFile, SiteConfig} from './types.ts';
import {hrefOf} from './view-model.ts';
import {OutputError, OutputSession} from './write-output.ts';
import {acquireLock, LockError} from './output-lock.ts';

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
  const cache = BuildCache.open(config.cacheDir, version);
  try {
    return await buildWith(config, configFile, cache, version, options, step, timings);
  } finally {
    cache.close();
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

  // Files whose size, times and inode are as the last build saw them are not read again.
  const scannedAt = Date.now();
  const sources = loadArticles(config.articlesDir, options.cwd, {maxBytes: config.maxArticleBytes, known: cache.sources, knownAt: cache.scannedAt});
  step('load');
  progress({step: 'load', done: sources.length, total: sources.length});

  const loaded = (file: VFile) => !file.messages.some((message) => message.fatal) && (file.value !== undefined || file.data.contentHash !== undefined);
  const readable = sources.filter(loaded);
  const stamps = new Map<string, SourceStamp>();
  const keys = readable.map((file) => {
    const hash = (file.data.contentHash ??= contentHash(String(file.value)));
    stamps.set(file.path, {stamp: file.data.stamp!, contentHash: hash});
    return articleKey(version, config, file.path, hash);
  });
  // A cached article whose photos changed is parsed again: their derived names carry their hash.
  const photoStamps = readStamps(config.cacheDir);
  const missing = readable.flatMap((file, index) => {
    const cached = cache.articles.get(keys[index]!);
    if (cached && !(cached.article && photosChanged(cached.article, photoStamps))) return [];
    // Unchanged, but its parse is not cached (other settings): read it after all.
    if (file.value === undefined) readText(file);
    return file.value === undefined ? [] : [{path: file.path, cwd: file.cwd, value: String(file.value)}];
  });
  progress({step: 'parse', done: readable.length - missing.length, total: readable.length});
  const parsedNow = await parseAll(missing, config);
  const fresh = new Map(missing.map((source, index) => [source.path, parsedNow[index]!]));
  const outcomes = new Map<string, ParseOutcome>();
  const keyOf = new WeakMap<Article, string>();
  const parsed: {article: Article; file: VFile}[] = [];
  readable.forEach((file, index) => {
    const key = keys[index]!;
    const outcome = fresh.get(file.path) ?? cache.articles.get(key);
    if (!outcome) return; // Could not be read again: its message is on the file.
    outcomes.set(key, outcome);
    applyMessages(file, outcome);
    if (outcome.article) {
      // Pages show the photos' hashed names: their fingerprints follow the photos too.
      const photos = outcome.article.assets.flatMap((asset) => (asset.image ? [asset.image.key] : []));
      keyOf.set(outcome.article, photos.length ? `${key}+${photos.join('+')}` : key);
      parsed.push({article: outcome.article, file});
    }
  });
  // One owner per output path: Dateline's own first, then every article (drafts too) in path order.
  const claims = new OutputClaims();
  for (const reserved of reservedPaths(config)) claims.claim(reserved.path, reserved.owner);
  const articles = sortArticles(checkCollisions(parsed, claims).filter((article) => isPublished(article, config)));
  const files = [configFile, ...sources];
  const parsedCount = missing.length;
  // The sources' text is no longer needed (messages carry their positions): memory for the pages.
  missing.length = 0;
  for (const file of sources) file.value = '';
  step(`parse (${parsedCount} of ${readable.length})`);
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
  const planned = renderSite(articles, config, (article) => keyOf.get(article), sizeOf);
  // Every emitter's files pass through the registry too: an article's are its own, the rest Dateline's.
  const fileOf = new Map(parsed.map(({article, file}) => [article.source, file]));
  const claimAll = (outputs: readonly OutputFile[]): boolean => {
    let clear = true;
    for (const output of outputs) {
      const clash = claims.claim(output.path, output.owner ?? claims.ownerOf(output.path) ?? {name: `Dateline's ${output.path}`});
      if (!clash) continue;
      clear = false;
      const article = clash.claim.owner.article ?? clash.holder.owner.article;
      const file = (article && fileOf.get(article.source)) ?? configFile;
      if (file === configFile) fail(file, describeClash(clash).reason, undefined, describeClash(clash).rule);
      else reportClash(file, clash);
    }
    return clear;
  };
  if (!claimAll(planned.files)) return failed(files);
  reportFeedSizes(planned.feedSizes, config, configFile, new Map(parsed.map(({article, file}) => [article.path, file])));
  step('plan');
  // Pagefind indexes in its own process while the pages render on every core, only the
  // search shards whose articles changed (Pagefind cannot update an index in place).
  const search = indexForSearch(publicOnly(articles), config, cache, version, (article) => keyOf.get(article));
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
  let written;
  let index;
  let imageFiles: OutputFile[] = [];
  const afterImages: OutputFile[] = [];
  try {
    for await (const file of renderInParallel(planned.files, planned.site, config, state?.current?.manifest)) {
      if ('awaits' in file && file.awaits === 'images') afterImages.push(file);
      else session.write(file);
    }
    step('render');
    progress({step: 'render', done: planned.pages, total: planned.pages});
    index = await search;
    if ('error' in index) {
      session.abort();
      fail(configFile, `search index: ${index.error.message}`, undefined, 'search');
      return failed(files);
    }
    if (!claimAll(index.files)) {
      session.abort();
      return failed(files);
    }
    for (const file of index.files) session.write(file);
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
    for (const file of photos.files) session.write(file);
    imageFiles = photos.files;
    sizes = derivedSizes(derived);
    for (const file of afterImages) session.write(file);
    step(`images (${derived.derived} derived, ${derived.cached} from the cache)`);
    written = session.commit();
  } catch (error) {
    session.abort();
    return outputFailed(error);
  }
  const output = {...planned, files: [...planned.files, ...index.files, ...imageFiles]};
  step(`write (${written.stats.rendered} pages rendered, ${written.stats.written} files written, ${written.stats.linked + written.stats.kept} unchanged)`);
  progress({step: 'write', done: output.files.length, total: output.files.length});
  if (config.cacheDir) {
    for (const article of articles) photosChanged(article, photoStamps);
    // The cache keeps the photos some article (drafts and future ones too) still uses, and no others.
    pruneImageCache(config.cacheDir, photoPlans(parsed.map(({article}) => article)), photoStamps);
    saveStamps(config.cacheDir, photoStamps);
    cache.save({outcomes, sources: stamps, scannedAt, outDir: config.outDir, output: written.state, search: index.shards});
    step('cache');
  }
  return {ok: true, files, config, articles: articles.length, pages: output.pages, feeds: output.feeds, written: output.files.length, published: articles, timings};
}

/** A template failed while rendering a page; reported on the config file with the template's words. */
class TemplateError extends Error {}

/** The emitters, in order; each adds some of the site's files. */
const emitters: readonly Emitter[] = [emitPages, emitSpecialPages, emitFeeds, emitListingFeeds, emitOpml, emitSitemaps, emitAssets, emitCname];

/**
 * Run every emitter. Pages render lazily, as the writer asks for them: a page whose
 * fingerprint matches the last build's is not rendered at all.
 */
function renderSite(
  articles: readonly Article[],
  config: SiteConfig,
  keyOf: (article: Article) => string | undefined,
  derivedSizes: DerivedSizes,
): {files: OutputFile[]; pages: number; feeds: number; site: SiteView; feedSizes: FeedSizeReport[]} {
  const engine = createEngine(config);
  const site = siteView(
    config,
    sections(articles).map((section) => ({name: section.name, url: hrefOf(config, `section/${section.slug}/`)})),
  );
  const {now: _now, ...settings} = config;
  const salt = createHash('sha1').update(`${hashFolder(config.templatesDir)}\0${JSON.stringify(settings)}\0${JSON.stringify(site)}`).digest('base64url');
  const ref = (article: ArticleSummary): string => {
    const key = keyOf(article as Article);
    return key ? articleRef(key) : JSON.stringify(article);
  };
  const plans = planPages(articles, config);
  const feedSizes: FeedSizeReport[] = [];
  const publicArticles = publicOnly(articles);
  let publicPlans: readonly PagePlan[] | undefined;
  const context = {
    config,
    articles,
    plans,
    publicArticles,
    publicPlans: () => (publicPlans ??= publicArticles === articles ? plans : planPages(publicArticles, config)),
    engine,
    site,
    ref,
    digest: (plain: unknown) => digest(plain, salt),
    fingerprint: (value: unknown) => fingerprint(value, keyOf, salt),
    report: (report: FeedSizeReport) => void feedSizes.push(report),
    derivedSizes,
  };
  const files = emitters.flatMap((emit) => emit(context)).map((file): OutputFile => {
    if (!('render' in file)) return file;
    return {
      ...file,
      render: () => {
        try {
          return file.render();
        } catch (error) {
          throw new TemplateError((error as Error).message, {cause: error});
        }
      },
    };
  });
  const pages = files.filter((file) => file.path.endsWith('.html')).length;
  const feeds = files.filter((file) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file.path)).length;
  return {files, pages, feeds, site, feedSizes};
}

/**
 * Tell the author about the feeds' size budget, once per article: a note (rule `feed-size`) on
 * each article whose items carry its summary instead of its body, naming the feeds; a warning on
 * the config for a document that passes `feedMaxBytes` even with every item summarized.
 * Decided when the feeds are planned, so warm and cold builds say the same.
 */
function reportFeedSizes(reports: readonly FeedSizeReport[], config: SiteConfig, configFile: VFile, files: ReadonlyMap<string, VFile>): void {
  const documents = new Map<string, string[]>();
  for (const report of reports) {
    if (report.kind === 'over') {
      const message = configFile.message(
        `${report.document} (and its Atom and JSON forms) holds ${report.items} articles, more than fit in \`feedMaxBytes\` (${config.feedMaxBytes} bytes) even as summaries; raise \`feedMaxBytes\` or lower \`feedSize\``,
        {ruleId: 'feed-size', source: 'dateline'},
      );
      message.fatal = false;
      continue;
    }
    const list = documents.get(report.article.path) ?? [];
    list.push(report.document);
    documents.set(report.article.path, list);
  }
  for (const [articlePath, list] of documents) {
    const file = files.get(articlePath);
    if (!file) continue;
    const named = list.length > 4 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} more` : list.join(', ');
    file.info(
      `too long for the feeds' budget (\`feedMaxBytes\`: ${config.feedMaxBytes} bytes): its item in ${named} (and their Atom and JSON forms) carries its summary and a link to the page instead of the whole article`,
      {ruleId: 'feed-size', source: 'dateline'},
    );
  }
}

/** The articles without drafts: the same list (so memos keyed by it hold) when there are none. */
export function publicOnly(articles: readonly Article[]): readonly Article[] {
  return articles.some((article) => article.draft) ? articles.filter((article) => !article.draft) : articles;
}

/** Whether an article goes on the site: not a draft (unless drafts are on), and not dated after now. */
function isPublished(article: Article, config: SiteConfig): boolean {
  return (!article.draft || config.drafts) && article.date <= config.now;
}
