import path from 'node:path';
import {VFile} from 'vfile';
import {checkCollisions} from './check-collisions.ts';
import {loadConfig, type ConfigOverrides} from './config.ts';
import {loadArticles} from './load-articles.ts';
import {parseArticle} from './parse-article.ts';
import {sections, sortArticles} from './plan-pages.ts';
import type {Emitter} from './emit/context.ts';
import {emitAssets} from './emit/emit-assets.ts';
import {emitFeeds} from './emit/emit-feeds.ts';
import {emitPages} from './emit/emit-pages.ts';
import {createEngine, siteView} from './render-pages.ts';
import {fail} from './report-issues.ts';
import type {Article, OutputFile, SiteConfig} from './types.ts';
import {hrefOf} from './view-model.ts';
import {OutputError, writeOutput} from './write-output.ts';

/** What a build did: every file's messages, and counts for the summary. */
export interface BuildResult {
  readonly ok: boolean;
  readonly files: readonly VFile[];
  readonly config: SiteConfig | undefined;
  readonly articles: number;
  readonly pages: number;
  readonly written: number;
  /** How long each named step took, in order. */
  readonly timings: readonly {readonly name: string; readonly ms: number}[];
}

/** Options of one build. */
export interface BuildOptions extends ConfigOverrides {
  /** The site folder (where the config, `articles/` and `templates/` are). */
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The whole build in named steps: load the config and the articles, parse them,
 * plan and render the pages and feeds, and write them atomically. Nothing is
 * written when any file has a fatal message.
 */
export function buildSite(options: BuildOptions): BuildResult {
  const timings: {name: string; ms: number}[] = [];
  let mark = performance.now();
  const step = (name: string): void => {
    const now = performance.now();
    timings.push({name, ms: now - mark});
    mark = now;
  };
  const {config, file: configFile} = loadConfig(options.cwd, options, options.env ?? process.env);
  const failed = (files: readonly VFile[]): BuildResult => ({ok: false, files, config, articles: 0, pages: 0, written: 0, timings});
  if (!config) return failed([configFile]);
  step('config');

  const sources = loadArticles(config.articlesDir, options.cwd, {maxBytes: config.maxArticleBytes});
  step('load');
  const parsed: {article: Article; file: VFile}[] = [];
  for (const file of sources) {
    if (file.value === undefined || file.messages.some((message) => message.fatal)) continue;
    try {
      const article = parseArticle(file, config);
      if (article) parsed.push({article, file});
    } catch (error) {
      fail(file, `could not be read: ${(error as Error).message}`, undefined, 'internal');
    }
  }
  const articles = sortArticles(checkCollisions(parsed).filter((article) => isPublished(article, config)));
  const files = [configFile, ...sources];
  step('parse');
  if (files.some((file) => file.messages.some((message) => message.fatal))) return failed(files);

  const output = renderSite(articles, config, configFile);
  step('render');
  if (!output) return failed(files);

  try {
    writeOutput(config.outDir, output.files);
  } catch (error) {
    const relative = path.relative(options.cwd, config.outDir);
    const outFile = new VFile({path: relative && !relative.startsWith('..') ? relative : config.outDir, cwd: options.cwd});
    const reason = error instanceof OutputError ? error.message : `could not write the output: ${(error as Error).message}`;
    fail(outFile, reason, undefined, 'write');
    return failed([...files, outFile]);
  }
  step('write');
  return {ok: true, files, config, articles: articles.length, pages: output.pages, written: output.files.length, timings};
}

/** The emitters, in order; each adds some of the site's files. */
const emitters: readonly Emitter[] = [emitPages, emitFeeds, emitAssets];

/** Run every emitter; a template error is reported on the config file with the template's name. */
function renderSite(articles: readonly Article[], config: SiteConfig, configFile: VFile): {files: OutputFile[]; pages: number} | undefined {
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
  return {files, pages};
}

/** Whether an article goes on the site: not a draft (unless drafts are on), and not dated after now. */
function isPublished(article: Article, config: SiteConfig): boolean {
  return (!article.draft || config.drafts) && article.date <= config.now;
}
