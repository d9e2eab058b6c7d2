import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import v8 from 'node:v8';
import type {ParseOutcome} from './parse-batch.ts';
import type {SiteConfig} from './types.ts';
import type {OutputState} from './write-output.ts';

/** The persistent build cache: parsed articles by content key, and what the writer knows of the output. */
export interface BuildCache {
  readonly articles: Map<string, ParseOutcome>;
  readonly output: OutputState | undefined;
}

const fileName = 'build.v8';

/**
 * The tool's version for cache keys: the package version and a hash of the build code itself,
 * so a changed stage never reuses what an older one made.
 */
export function toolVersion(): string {
  const lib = fileURLToPath(new URL('./', import.meta.url));
  const hash = createHash('sha1');
  hash.update(JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  for (const name of (fs.readdirSync(lib, {recursive: true}) as string[]).filter((name) => name.endsWith('.ts')).sort()) {
    hash.update(name).update(fs.readFileSync(path.join(lib, name)));
  }
  return hash.digest('base64url');
}

/** The key of one article: its path and bytes, the settings parsing depends on, and the tool's version. */
export function articleKey(version: string, config: SiteConfig, sourcePath: string, value: string): string {
  return createHash('sha1').update(version).update('\0').update(parseSettings(config)).update('\0').update(sourcePath).update('\0').update(value).digest('base64url');
}

/** The settings that change what parsing an article gives. */
function parseSettings(config: SiteConfig): string {
  const {url, idBase, timezone, permalink, chromePatterns, author, language, articlesDir} = config;
  return JSON.stringify({url, idBase, timezone, permalink, chromePatterns, author, language, articlesDir});
}

/** Read the cache; a missing, corrupt or other-version cache is an empty one. */
export function loadCache(dir: string, version: string): BuildCache {
  try {
    const data = v8.deserialize(fs.readFileSync(path.join(dir, fileName))) as {version: string} & BuildCache;
    if (data.version === version) return {articles: data.articles, output: data.output};
  } catch {
    // No cache yet, or an unreadable one: start afresh.
  }
  return {articles: new Map(), output: undefined};
}

/** Write the cache atomically (a temporary file renamed into place). */
export function saveCache(dir: string, version: string, cache: BuildCache): void {
  fs.mkdirSync(dir, {recursive: true});
  const temporary = path.join(dir, `${fileName}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, v8.serialize({version, articles: cache.articles, output: cache.output}));
  fs.renameSync(temporary, path.join(dir, fileName));
}
