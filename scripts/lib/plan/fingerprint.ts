import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {Article} from '../types.ts';

/**
 * A hash of a value's JSON in which every article stands for its content key: two pages
 * made from the same plan, the same articles, templates and settings get the same fingerprint.
 */
export function fingerprint(value: unknown, salt: string): string {
  const json = JSON.stringify(value, function (this: unknown, _name, item: unknown) {
    if (item && typeof item === 'object' && 'key' in item && 'source' in item && 'slug' in item) return articleRef(contentKey(item as Article));
    return item;
  });
  return hashJson(json, salt);
}

/**
 * What an article's outputs are made from, as a key: its cache key (its source text and the
 * settings it was parsed with) and, since pages show the photos' hashed names, its photos' keys.
 */
export function contentKey(article: Article): string {
  const photos = article.assets.flatMap((asset) => (asset.image ? [asset.image.key] : []));
  return photos.length ? `${article.key}+${photos.join('+')}` : article.key;
}

/** {@link fingerprint} of plain data in which articles are already {@link articleRef}s: no replacer to call on every value. */
export function digest(plain: unknown, salt: string): string {
  return hashJson(JSON.stringify(plain), salt);
}

/** How an article stands in a fingerprint: by its content key. */
export function articleRef(key: string): string {
  return `article:${key}`;
}

function hashJson(json: string | undefined, salt: string): string {
  return createHash('sha1').update(salt).update('\0').update(json ?? '').digest('base64url');
}

/** A hash of every file under a folder (names and bytes): the templates' part of a fingerprint. */
export function hashFolder(folder: string): string {
  const hash = createHash('sha1');
  if (!fs.existsSync(folder)) return 'none';
  for (const name of (fs.readdirSync(folder, {recursive: true}) as string[]).sort()) {
    const full = path.join(folder, name);
    if (fs.statSync(full).isFile()) hash.update(name).update('\0').update(fs.readFileSync(full));
  }
  return hash.digest('base64url');
}
