/**
 * Make a URL slug from a headline or file name: lower case, accents on Latin letters folded,
 * letters and digits of any script kept, everything else collapsed into `-`.
 * Returns `''` when nothing usable is left (the caller picks a fallback).
 */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
