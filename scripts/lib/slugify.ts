/**
 * Make a URL slug from a headline or file name: lower case, accents folded,
 * letters and digits of any script kept, everything else collapsed into `-`.
 * Returns `''` when nothing usable is left (the caller picks a fallback).
 */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
