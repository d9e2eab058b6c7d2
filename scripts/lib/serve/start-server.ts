import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {buildSite, type BuildResult, type CacheKeeper} from '../build/build-site.ts';
import {progressReporter} from '../report/build-progress.ts';
import {loadConfig, type ConfigOverrides} from '../config/config.ts';
import {acquireLock, LockError} from '../output/output-lock.ts';
import {configDefaults, configFileName} from '../config/config-defaults.ts';
import {formatReport} from '../report/format-report.ts';
import {formatFailure, formatSummary, formatTimings} from '../report/format-summary.ts';
import {reloadEvents} from './reload-events.ts';
import {pageTraffic} from './page-traffic.ts';
import {eventsPath, siteHandler, type ServedSite} from './site-handler.ts';
import {watchSources} from './watch-sources.ts';

/** Options of `dateline serve`. */
export interface ServeOptions extends Omit<ConfigOverrides, 'out' | 'liveReload'> {
  /** The site folder. */
  readonly cwd: string;
  /** Port to listen on; 0 picks a free one. */
  readonly port: number;
  readonly env?: NodeJS.ProcessEnv;
  readonly quiet?: boolean | undefined;
  readonly verbose?: boolean | undefined;
  /** Where lines go: `out` for the summary and the address, `err` for messages. */
  readonly print: {readonly out: (line: string) => void; readonly err: (line: string) => void};
}

/** A running `dateline serve`. */
export interface RunningServer {
  /** The site's address, under its sub-path (`http://localhost:4000/repo/`). */
  readonly url: string;
  /** Stop watching, close every connection, and remove the output when it was a temporary folder. */
  readonly stop: () => Promise<void>;
}

/** Where `serve` builds, and what to do with it when it stops. */
interface ServeFolder {
  readonly outDir: string;
  /** Release the folder: remove it when it is temporary, let the next session have it when it is the cache's. */
  readonly release: () => void;
}

/**
 * The folder `serve` builds into: `serve/site` in the build cache, kept from one session to
 * the next, so that a second `serve` renders only what changed since the first (as a warm
 * `build` does; a new folder would have every page rendered again). One session at a time
 * holds it, by a lock beside it; a second session, `--no-cache`, or a config that cannot be
 * read (the first build reports why) gets a temporary folder instead, removed at the end.
 */
function serveFolder(options: ServeOptions): ServeFolder {
  const {config} = loadConfig(options.cwd, {config: options.config, articles: options.articles, url: options.url, noCache: options.noCache, liveReload: true}, options.env ?? process.env);
  if (config?.cacheDir) {
    const folder = path.join(config.cacheDir, 'serve');
    try {
      fs.mkdirSync(config.cacheDir, {recursive: true});
      const unlock = acquireLock(folder, {waitMs: 0});
      return {outDir: path.join(folder, 'site'), release: unlock};
    } catch (error) {
      if (!(error instanceof LockError) && !(error as NodeJS.ErrnoException).code) throw error;
      const where = path.relative(options.cwd, folder) || folder;
      const why = error instanceof LockError ? `${where} is in use by another serve` : `${where} could not be used (${(error as Error).message})`;
      if (!options.quiet) options.print.err(`dateline serve: ${why}; building into a temporary folder`);
    }
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-serve-'));
  return {outDir: path.join(temp, 'site'), release: () => fs.rmSync(temp, {recursive: true, force: true})};
}

/**
 * Build the site into the serve folder (see {@link serveFolder}), serve it on 127.0.0.1 under
 * its sub-path, watch the articles, templates and config, rebuild on every change and tell
 * open pages to reload. A failed build keeps the server up and shows its errors in the browser.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const folder = serveFolder(options);
  const {outDir} = folder;
  const events = reloadEvents();
  const traffic = pageTraffic();
  const {print} = options;
  let served: ServedSite = {outDir, basePath: '/', failure: undefined};
  // The build cache stays open between rebuilds: its index is read once, not on every save.
  const keeper: CacheKeeper = {cache: undefined};

  /** The report lines printed for each file at the last build, by path. */
  let printed = new Map<string, string[]>();
  /** Whether the pages were told to reload by the build under way, as soon as its output was in place. */
  let reloaded = false;
  const rebuild = async (verb: string, changed?: ReadonlySet<string>): Promise<BuildResult | undefined> => {
    const started = performance.now();
    const progress = progressReporter(process.stderr, {quiet: options.quiet, verbose: options.verbose});
    let result: BuildResult;
    try {
      result = await buildSite({cwd: options.cwd, env: options.env ?? process.env, url: options.url, articles: options.articles, config: options.config, now: options.now, noCache: options.noCache, drafts: options.drafts ?? true, out: outDir, liveReload: true, onProgress: progress.onProgress, keeper, prepareSpare: true, onOutput: (written) => {
        // The new site is in place: serve it and reload the pages now, while the cache is saved.
        served = {outDir, basePath: written.config?.basePath ?? served.basePath, failure: undefined};
        events.reload();
        reloaded = true;
        // The cache is saved once the reloaded pages are served: its 0.3 s at 10,000 articles would hold them up.
        return traffic.quiet();
      }});
    } catch (error) {
      // A crash of the build itself (not an article's problem): show it too, and keep serving.
      progress.done();
      const reason = `the build crashed: ${(error as Error).stack ?? String(error)}`;
      print.err(`dateline serve: ${reason}`);
      served = {...served, failure: [reason]};
      return undefined;
    }
    progress.done();
    if (options.verbose) for (const line of formatTimings(result)) print.out(line);
    printed = printReport(result, printed, changed, options, print.err);
    const basePath = result.config?.basePath ?? served.basePath;
    if (result.ok) {
      served = {outDir, basePath, failure: undefined};
      if (!options.quiet) print.out(formatSummary(result, (performance.now() - started) / 1000, verb));
    } else {
      served = {outDir, basePath, failure: [...formatReport(result.files, {quiet: true}), formatFailure(result)]};
      print.err(`${formatFailure(result)} The browser shows the errors; waiting for changes.`);
    }
    return result;
  };

  const first = await rebuild('Built');
  const server = http.createServer(traffic.track(siteHandler(() => served, events), (request) => new URL(request.url ?? '/', 'http://localhost').pathname.endsWith(`/${eventsPath}`)));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    keeper.cache?.close();
    folder.release();
    throw error;
  }
  const {port} = server.address() as AddressInfo;

  const watched = watchPaths(options, first);
  // Rebuilds run one after another: a change during a build is built right after it.
  let building: Promise<unknown> = Promise.resolve();
  const watch = watchSources(watched, (changed) => {
    building = building.then(async () => {
      if (!options.quiet) print.out(`Changed: ${changed.map((file) => path.relative(options.cwd, file) || file).join(', ')}`);
      reloaded = false;
      const paths = new Set(changed.map((file) => path.resolve(options.cwd, file)));
      for (const file of paths) keeper.changes?.add(file);
      await rebuild('Rebuilt', paths);
      // A failed build reloads the pages now, to show its errors.
      if (!reloaded) events.reload();
    });
  });
  await watch.ready;
  // Builds of this articles folder from now on can trust the watcher's word on which articles changed since their scan.
  keeper.watching = watched[0];

  const url = `http://localhost:${port}${served.basePath}`;
  if (!options.quiet) {
    print.out(`Serving ${url} (drafts ${options.drafts === false ? 'hidden' : 'shown'}); watching ${watched.map((file) => path.relative(options.cwd, file) || '.').join(', ')}. Press Ctrl+C to stop.`);
  }
  return {
    url,
    stop: async () => {
      await watch.close();
      await building;
      events.close();
      keeper.cache?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      folder.release();
    },
  };
}

/**
 * Print a build's messages without repeating the whole site's on every save: errors always,
 * other messages of a file only when it changed (is in `changed`) or its messages did since
 * the last build. The first build (no `changed`) prints everything.
 *
 * @returns the lines of each file, to compare the next build with.
 */
function printReport(result: BuildResult, before: ReadonlyMap<string, string[]>, changed: ReadonlySet<string> | undefined, options: ServeOptions, print: (line: string) => void): Map<string, string[]> {
  const now = new Map<string, string[]>();
  for (const file of result.files) {
    // Most of 10,000 files have no messages, now or before: nothing to format or compare.
    if (file.messages.length === 0 && !before.has(file.path)) continue;
    const lines = formatReport([file], {quiet: options.quiet ?? false});
    if (lines.length > 0) now.set(file.path, lines);
    const fresh = !changed || changed.has(path.resolve(options.cwd, file.path)) || (before.get(file.path) ?? []).join('\n') !== lines.join('\n');
    for (const line of fresh ? lines : formatReport([file], {quiet: true})) print(line);
  }
  return now;
}

/** The sources to watch: the articles and templates folders and the config file (from the first build, or the defaults if its config failed). */
function watchPaths(options: ServeOptions, first: BuildResult | undefined): string[] {
  const resolve = (file: string): string => path.resolve(options.cwd, file);
  const config = first?.config;
  return [
    config?.articlesDir ?? resolve(options.articles ?? configDefaults.articlesDir),
    config?.templatesDir ?? resolve(configDefaults.templatesDir),
    resolve(options.config ?? configFileName),
  ];
}
