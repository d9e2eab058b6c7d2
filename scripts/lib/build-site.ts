import path from 'node:path';
import type {VFile} from 'vfile';
import {checkCollisions} from './check-collisions.ts';
import {loadConfig, type ConfigOverrides} from './config.ts';
import {loadArticles} from './load-articles.ts';
import {parseArticle} from './parse-article.ts';
import {sections, sortArticles} from './plan-pages.ts';
import type {Emitter} from './emit/context.ts';
import {emitAssets} from './emit/emit-assets.ts';
import {emitCname} from './emit/emit-cname.ts';
import {emitFeeds} from './emit/emit-feeds.ts';
import {emitPages} from './emit/emit-pages.ts';
import {createEngine, siteView} from './render-pages.ts';
import {fail} from './report-issues.ts';
import type {Article, OutputFile, SiteConfig} from './types.ts';
import {hrefOf} from './view-model.ts';
import {writeOutput} from './write-output.ts';

/** What a build did: every file's messages, and counts for the summary. */
export interface BuildResult {
  readonly ok: boolean;
  readonly files: readonly VFile[];
  readonly config: SiteConfig | undefined;
  readonly articles: number;
  readonly pages: number;
  /** Feed files written (RSS, Atom, JSON Feed). */
  readonly feeds: number;
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
  /** Called as the build goes: after each step, and after each article parsed. */
  readonly onProgress?: ((progress: BuildProgress) => void) | undefined;
}

/** Where a build is: the step under way (or just finished) and its item counts. */
export interface BuildProgress {
  readonly step: 'config' | 'load' | 'parse' | 'render' | 'write';
  readonly done: number;
  readonly total: number;
}

/**
 * The whole build in named steps: load the config and the articles, parse them,
 * plan and render the pages and feeds, and write them atomically. Nothing is
 * written when any file has a fatal message.
 */
export function buildSite(options: BuildOptions): BuildResult {
  const timings: {name: string; ms: number}[] = [];
  let mark = performance.now();
  const progress = options.onProgress ?? (() => {});
  const step = (name: BuildProgress['step'], count = 1): void => {
    const now = performance.now();
    timings.push({name, ms: now - mark});
    mark = now;
    progress({step: name, done: count, total: count});
  };
  const {config, file: configFile} = loadConfig(options.cwd, options, options.env ?? process.env);
  const failed = (files: readonly VFile[]): BuildResult => ({ok: false, files, config, articles: 0, pages: 0, feeds: 0, written: 0, published: [], timings});
  if (!config) return failed([configFile]);
  step('config');

  const sources = loadArticles(config.articlesDir, options.cwd);
  step('load', sources.length);
  const parsed: {article: Article; file: VFile}[] = [];
  for (const [index, file] of sources.entries()) {
    progress({step: 'parse', done: index, total: sources.length});
    if (file.messages.some((message) => message.fatal)) continue;
    try {
      const article = parseArticle(file, config);
      if (article) parsed.push({article, file});
    } catch (error) {
      fail(file, `could not be read: ${(error as Error).message}`, undefined, 'internal');
    }
  }
  const articles = sortArticles(checkCollisions(parsed).filter((article) => isPublished(article, config)));
  const files = [configFile, ...sources];
  step('parse', sources.length);
  if (files.some((file) => file.messages.some((message) => message.fatal))) return failed(files);

  const output = renderSite(articles, config, configFile);
  if (!output) return failed(files);
  step('render', output.pages);

  writeOutput(config.outDir, output.files);
  step('write', output.files.length);
  return {ok: true, files, config, articles: articles.length, pages: output.pages, feeds: output.feeds, written: output.files.length, published: articles, timings};
}

/** The emitters, in order; each adds some of the site's files. */
const emitters: readonly Emitter[] = [emitPages, emitFeeds, emitAssets, emitCname];

/** Run every emitter; a template error is reported on the config file with the template's name. */
function renderSite(articles: readonly Article[], config: SiteConfig, configFile: VFile): {files: OutputFile[]; pages: number; feeds: number} | undefined {
  const engine = createEngine(config);
  const site = siteView(
    config,
    sections(articles).map((section) => ({name: section.name, url: hrefOf(config, `section/${section.slug}/`)})),
  );
  const context = {config, articles, engine, site};
  const files: OutputFile[] = [];
  try {
    for (const emit of emitters) files.push(...emit(context));
  } catch (error) {
    fail(configFile, `template error: ${(error as Error).message}; fix the template in ${path.relative(process.cwd(), config.templatesDir) || 'templates'}/`, undefined, 'template');
    return undefined;
  }
  const pages = files.filter((file) => file.path.endsWith('.html')).length;
  const feeds = files.filter((file) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file.path)).length;
  return {files, pages, feeds};
}

/** Whether an article goes on the site: not a draft (unless drafts are on), and not dated after now. */
function isPublished(article: Article, config: SiteConfig): boolean {
  return (!article.draft || config.drafts) && article.date <= config.now;
}
