/** Longest slug, in UTF-8 bytes: well under the 255-byte file-name limit of common file systems. */
const MAX_SLUG_BYTES = 120;

/** Names Windows refuses for a file or folder, whatever the extension (`con`, `nul`, `com1`…). */
const reserved = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Whether `name` is a device name Windows will not use as a folder (`con`, `aux`, `nul`, `lpt1`…). */
export function isReservedName(name: string): boolean {
  return reserved.test(name);
}

/**
 * Make a URL slug from a headline or file name: lower case, accents on Latin letters folded,
 * letters and digits of any script kept, everything else collapsed into `-`; at most 80
 * characters and 120 UTF-8 bytes, cut at a character. The result is always a single safe path
 * segment: no `/`, `.`, NUL or other punctuation, and never a Windows device name (`con`
 * becomes `con-1`). Returns `''` when nothing usable is left (the caller picks a fallback).
 */
export function slugify(value: string): string {
  let slug = slugs.get(value);
  if (slug === undefined) slugs.set(value, (slug = makeSlug(value)));
  return slug;
}

/**
 * Slugs already made: a site names the same few sections, tags and authors on thousands of
 * articles. A memo of a pure function; it stops growing at a size no site's names reach.
 */
const slugs = new Map<string, string>();

function makeSlug(value: string): string {
  if (slugs.size > 100_000) slugs.clear();
  const slug = capBytes(
    value
      .normalize('NFKD')
      .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
  ).replace(/-+$/, '');
  return isReservedName(slug) ? `${slug}-1` : slug;
}

/** The longest prefix of whole code points that fits in 80 characters and {@link MAX_SLUG_BYTES}. */
function capBytes(value: string): string {
  if (value.length <= 80 && Buffer.byteLength(value) <= MAX_SLUG_BYTES) return value;
  let bytes = 0;
  let count = 0;
  let kept = '';
  for (const char of value) {
    const point = char.codePointAt(0)!;
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
    if (bytes > MAX_SLUG_BYTES || ++count > 80) break;
    kept += char;
  }
  return kept;
}
