/** Text for XML written by hand (the sitemaps, the feeds' own elements), shared by every stage that writes XML. */

/** Characters XML 1.0 forbids, and lone surrogates. */
const illegalXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Remove every character XML 1.0 forbids (control characters, U+FFFE/U+FFFF, lone surrogates)
 * and write line ends as LF, as every XML parser reads them: text then reads back the same
 * from every format.
 */
export function stripIllegalXml(value: string): string {
  return value.replace(illegalXml, '').replace(/\r\n?/g, '\n');
}

/**
 * Escape text for XML written by hand (element text or a double-quoted attribute), without the
 * characters XML forbids; tabs and line feeds as references, so attribute-value normalization keeps them.
 */
export function escapeXml(value: string): string {
  return stripIllegalXml(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll('\t', '&#9;').replaceAll('\n', '&#10;');
}
