import {createHash, hash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {Article} from '../types.ts';

/**
 * What an article's outputs are made from, as a key: its cache key (its source text and the
 * settings it was parsed with) and, since pages show the photos' hashed names and the sizes of
 * the images copied as they are, its photos' keys and its other images' hashes.
 */
export function contentKey(article: Article): string {
  const images = article.assets.flatMap((asset) => (asset.image ? [asset.image.key] : asset.sourceHash ? [asset.sourceHash.slice(0, 16)] : []));
  return images.length ? `${article.key}+${images.join('+')}` : article.key;
}

/**
 * A fingerprint: a hash of plain data's JSON, in which each article is already its
 * {@link articleRef}, and `salt` (the templates, settings and site data). Two outputs made
 * from the same plan, the same articles, templates and settings get the same one.
 */
export function digest(plain: unknown, salt: string): string {
  return hashJson(JSON.stringify(plain), salt);
}

/** How an article stands in a fingerprint: by its content key. */
export function articleRef(key: string): string {
  return `article:${key}`;
}

/** An article's {@link articleRef}: an article is a value, so it is made once per article object, however many builds of a process (`serve`) plan it. */
export function refOf(article: Article): string {
  let ref = refs.get(article);
  if (ref === undefined) refs.set(article, (ref = articleRef(contentKey(article))));
  return ref;
}

const refs = new WeakMap<Article, string>();

/** One-shot `hash`, not a `createHash` object per fingerprint: a cold build takes some 18,000 at 10,000 articles. */
function hashJson(json: string | undefined, salt: string): string {
  return hash('sha1', `${salt}\0${json ?? ''}`, 'base64url');
}

/** A hash of every file under a folder (names and bytes): the templates' part of a fingerprint. */
export function hashFolder(folder: string): string {
  const folderHash = createHash('sha1');
  if (!fs.existsSync(folder)) return 'none';
  for (const name of (fs.readdirSync(folder, {recursive: true}) as string[]).sort()) {
    const full = path.join(folder, name);
    if (fs.statSync(full).isFile()) folderHash.update(name).update('\0').update(fs.readFileSync(full));
  }
  return folderHash.digest('base64url');
}
