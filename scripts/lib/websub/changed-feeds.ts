import fs from 'node:fs';
import path from 'node:path';

/** The file in the build cache folder where each build records the feeds whose bytes it changed. */
export const changedFeedsFile = 'changed-feeds.json';

/**
 * What the last build changed of the site's feeds, for `dateline ping`: the absolute URL of
 * every feed document (RSS, Atom, JSON Feed, of every listing and archive) whose bytes differ
 * from the build before it, or that is new. Plain data, written once per build.
 */
export interface ChangedFeeds {
  /** The format of this file; another is refused by `ping`, which asks for a build. */
  readonly version: 1;
  /** The site's public URL in that build (`--url` included). */
  readonly site: string;
  /** Absolute URLs of the changed feeds, sorted. */
  readonly feeds: readonly string[];
}

/** Where the record of the build that used `cacheDir` is. */
export function changedFeedsPath(cacheDir: string): string {
  return path.join(cacheDir, changedFeedsFile);
}

/** Record the feeds a build changed (replacing the last build's record; atomically, by a rename). */
export function writeChangedFeeds(cacheDir: string, record: ChangedFeeds): void {
  const file = changedFeedsPath(cacheDir);
  fs.mkdirSync(cacheDir, {recursive: true});
  const temporary = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

/**
 * The last build's record, or why there is none usable (`reason`: no build recorded, or
 * a file this version cannot read).
 */
export function readChangedFeeds(cacheDir: string): ChangedFeeds | {readonly reason: string} {
  const file = changedFeedsPath(cacheDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {reason: `no build has recorded its changed feeds in ${file}`};
  }
  try {
    const value = JSON.parse(text) as Partial<ChangedFeeds>;
    if (value.version === 1 && typeof value.site === 'string' && Array.isArray(value.feeds) && value.feeds.every((feed) => typeof feed === 'string')) return value as ChangedFeeds;
  } catch {
    // Reported below.
  }
  return {reason: `${file} is not a record this version of Dateline can read`};
}

/** Whether an output path is a feed document (RSS, Atom or JSON Feed, of any listing or archive). */
export function isFeedPath(relative: string): boolean {
  return /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(relative);
}

/**
 * The record of one build: the feeds among `paths` whose bytes are not the same as the
 * build before's (`same`), as absolute URLs under `site`, sorted.
 */
export function changedFeeds(paths: readonly string[], same: (relative: string) => boolean, site: string): ChangedFeeds {
  const feeds = paths.filter((relative) => isFeedPath(relative) && !same(relative)).map((relative) => new URL(relative, site).href);
  return {version: 1, site, feeds: [...new Set(feeds)].sort()};
}
