import fs from 'node:fs';
import path from 'node:path';
import type {ImagePlan} from './plan-image.ts';

/** An entry of the image cache: a plan key's folder, or one a killed build left half made. */
const entryName = /^[0-9a-f]{10}(\.tmp-\d+)?$/;

/**
 * Remove from `<cacheDir>/images/` every entry no article uses any more: folders of keys not
 * among `plans` (a dropped or replaced photo, old settings), and half-made folders a killed
 * build left (the cache is locked while a build runs, so none is in use). The stamps of files
 * no article uses go too (`copied`: the images articles publish as they are, whose stamps are
 * kept beside the photos'). Only names the image stage makes are touched, so the cache holds
 * exactly the current site's photos; one listing of the folder, no image is read.
 *
 * @returns the names of the removed entries, sorted.
 */
export function pruneImageCache(cacheDir: string, plans: Iterable<ImagePlan>, stamps: Map<string, unknown>, copied: Iterable<string> = []): string[] {
  const keys = new Set<string>();
  const sources = new Set<string>(copied);
  for (const plan of plans) {
    keys.add(plan.key);
    sources.add(plan.source);
  }
  for (const file of [...stamps.keys()]) if (!sources.has(file)) stamps.delete(file);
  const root = path.join(cacheDir, 'images');
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return [];
  }
  const stale = names.filter((name) => entryName.test(name) && !keys.has(name)).sort();
  for (const name of stale) {
    try {
      fs.rmSync(path.join(root, name), {recursive: true, force: true});
    } catch {
      // Only the cache's size depends on it: the next build tries again.
    }
  }
  return stale;
}
