import fs from 'node:fs';
import path from 'node:path';
import type {Article, OutputFile} from '../types.ts';
import type {DerivedImages} from './derive-images.ts';
import {derivedFiles, sourceHashOf, type ImagePlan} from './plan-image.ts';

/** A photo the image stage could not read, with where its article references it. */
export interface ImageProblem {
  /** The article's source path, relative to the articles folder. */
  readonly source: string;
  readonly place: {readonly line: number; readonly column: number} | undefined;
  readonly reason: string;
}

/** Every photo the articles use, as the image stage's input. */
export function photoPlans(articles: readonly Article[]): ImagePlan[] {
  return articles.flatMap((article) => article.assets.flatMap((asset) => (asset.image ? [asset.image] : [])));
}

/**
 * The derived files as output files, next to each page that uses them (copied from the
 * cache, or from memory), or, when any photo could not be read, a problem per article that uses it.
 */
export function imageOutputs(articles: readonly Article[], derived: DerivedImages): {files: OutputFile[]; problems: ImageProblem[]} {
  const files: OutputFile[] = [];
  const problems: ImageProblem[] = [];
  for (const article of articles) {
    for (const asset of article.assets) {
      if (!asset.image) continue;
      const error = derived.errors.get(asset.image.key);
      if (error !== undefined) {
        problems.push({source: article.source, place: asset.place, reason: `image "${path.basename(asset.from)}" could not be read (${error}); the file may be truncated or corrupt: export it again`});
        continue;
      }
      // Only the files this article's plan names: another article's plan of the photo may have crops this one has not.
      const names = new Set(derivedFiles(asset.image).map((file) => file.name));
      for (const file of (derived.files.get(asset.image.key) ?? []).filter((candidate) => names.has(candidate.name))) {
        files.push('from' in file ? {path: article.path + file.name, copyFrom: file.from} : {path: article.path + file.name, contents: file.contents});
      }
    }
  }
  return {files, problems};
}

/** The byte size of every derived file by name (names carry the image's key, so one name is one file): feeds' enclosures carry them. */
export function derivedSizes(derived: DerivedImages): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const files of derived.files.values()) {
    for (const file of files) sizes.set(file.name, 'from' in file ? fs.statSync(file.from).size : file.contents.byteLength);
  }
  return sizes;
}

/** Each photo's stamp (size, times, inode) and content hash, by path, as the last build saw it. */
export type PhotoStamps = Map<string, {stamp: string; hash: string}>;

/**
 * Whether a cached article's images changed since it was parsed: a photo's derived names
 * carry its content hash, and an image copied as it is (an SVG) gives the page its width and
 * height, so the article must be parsed again. Unchanged files are recognised by size,
 * modification time and inode without being read, through `stamps`, kept between builds.
 */
export function photosChanged(article: Article, stamps: PhotoStamps): boolean {
  return article.assets.some((asset) => currentHash(asset.from, stamps) !== (asset.image?.sourceHash ?? asset.sourceHash));
}

/** The hash of a source's bytes now, as `sourceHashOf` makes it; undefined when the file is gone. */
function currentHash(file: string, stamps: Map<string, {stamp: string; hash: string}>): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  const stamp = `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
  const known = stamps.get(file);
  // A file changed within the last two seconds is read again: its times may not show a second change.
  if (known?.stamp === stamp && Date.now() - stat.mtimeMs > 2000) return known.hash;
  const hash = sourceHashOf(fs.readFileSync(file));
  stamps.set(file, {stamp, hash});
  return hash;
}

/** Where the stamps of photos live in the build cache. */
export function stampsFile(cacheDir: string): string {
  return path.join(cacheDir, 'images', 'stamps.json');
}

/** Read the photos' stamps the last build kept (none when there is no cache or it is unreadable). */
export function readStamps(cacheDir: string | undefined): Map<string, {stamp: string; hash: string}> {
  if (!cacheDir) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(fs.readFileSync(stampsFile(cacheDir), 'utf8')) as Record<string, {stamp: string; hash: string}>));
  } catch {
    return new Map();
  }
}

/** Keep the photos' stamps for the next build. */
export function saveStamps(cacheDir: string | undefined, stamps: ReadonlyMap<string, {stamp: string; hash: string}>): void {
  if (!cacheDir) return;
  const file = stampsFile(cacheDir);
  try {
    fs.mkdirSync(path.dirname(file), {recursive: true});
    fs.writeFileSync(`${file}.tmp-${process.pid}`, JSON.stringify(Object.fromEntries([...stamps].sort(([a], [b]) => (a < b ? -1 : 1)))));
    fs.renameSync(`${file}.tmp-${process.pid}`, file);
  } catch {
    // Only the next build's speed depends on it.
  }
}
