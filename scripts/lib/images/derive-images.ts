import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {derivedFiles, type ImagePlan} from './plan-image.ts';

/** A derived file, in the cache (`from`) or, without a cache, in memory. */
export type DerivedFile = {readonly name: string; readonly from: string} | {readonly name: string; readonly contents: Uint8Array};

/** What the image stage made: each image's files by plan key, the reasons it could not read some, and counts. */
export interface DerivedImages {
  readonly files: ReadonlyMap<string, readonly DerivedFile[]>;
  /** Plan key → why the image could not be read (a truncated or corrupt file). */
  readonly errors: ReadonlyMap<string, string>;
  /** Images encoded by this build, and images whose files were all in the cache. */
  readonly derived: number;
  readonly cached: number;
}

/**
 * How many images are decoded and encoded at once, and libvips's threads for each: half the
 * cores in all, so the worker threads that parse and render keep the other half. (sharp runs
 * on libuv's pool, four threads by default, which bounds it again.)
 */
export function imageParallelism(cores = os.availableParallelism()): {jobs: number; threads: number} {
  return {jobs: Math.max(1, Math.min(4, Math.floor(cores / 2))), threads: 1};
}

/**
 * The image stage: derive every planned image's files, each at most once (plans are
 * deduplicated by key, the one with crops kept), a few at a time. With a cache folder, an image whose files are all in
 * `<cacheDir>/images/<key>/` is not touched (its key hashes the source's bytes and the
 * settings), and newly derived ones are stored there (through a temporary folder, renamed
 * when complete, so a killed build never leaves half an entry); without one, the files stay in memory.
 */
export async function deriveImages(plans: Iterable<ImagePlan>, options: {readonly cacheDir: string | undefined; readonly maxPixels: number}): Promise<DerivedImages> {
  const unique = new Map<string, ImagePlan>();
  // One file's plans share a key; a lead image's names its crops too, and stands for the others.
  for (const plan of plans) if ((unique.get(plan.key)?.crops.length ?? -1) < plan.crops.length) unique.set(plan.key, plan);
  const files = new Map<string, DerivedFile[]>();
  const errors = new Map<string, string>();
  const root = options.cacheDir === undefined ? undefined : path.join(options.cacheDir, 'images');
  const todo: ImagePlan[] = [];
  for (const plan of unique.values()) {
    const dir = root && path.join(root, plan.key);
    if (dir && derivedFiles(plan).every((variant) => fs.existsSync(path.join(dir, variant.name)))) {
      files.set(plan.key, derivedFiles(plan).map((variant) => ({name: variant.name, from: path.join(dir, variant.name)})));
    } else {
      todo.push(plan);
    }
  }
  if (todo.length === 0) return {files, errors, derived: 0, cached: unique.size};
  // sharp loads libvips, about 0.13 s of every start: only when there is an image to encode.
  const [{default: sharp}, {deriveImage}] = await Promise.all([import('sharp'), import('./derive-image.ts')]);
  const {jobs, threads} = imageParallelism();
  sharp.concurrency(threads);
  sharp.cache(false);
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < todo.length) {
      const plan = todo[next++]!;
      let made: {name: string; contents: Uint8Array}[];
      try {
        made = await deriveImage(plan, fs.readFileSync(plan.source), options.maxPixels);
      } catch (error) {
        errors.set(plan.key, (error as Error).message.replace(/\s+/g, ' ').trim());
        continue;
      }
      files.set(plan.key, root ? store(root, plan.key, made) : made);
    }
  };
  await Promise.all(Array.from({length: Math.min(jobs, todo.length)}, work));
  return {files, errors, derived: todo.length - errors.size, cached: unique.size - todo.length};
}

/** Put one image's files into its cache folder, whole or not at all. */
function store(root: string, key: string, made: readonly {name: string; contents: Uint8Array}[]): DerivedFile[] {
  const dir = path.join(root, key);
  try {
    const temporary = `${dir}.tmp-${process.pid}`;
    fs.rmSync(temporary, {recursive: true, force: true});
    fs.mkdirSync(temporary, {recursive: true});
    for (const file of made) fs.writeFileSync(path.join(temporary, file.name), file.contents);
    fs.rmSync(dir, {recursive: true, force: true});
    fs.renameSync(temporary, dir);
    return made.map((file) => ({name: file.name, from: path.join(dir, file.name)}));
  } catch {
    // A cache that cannot be written costs the next build time, never this one's output.
    return [...made];
  }
}
