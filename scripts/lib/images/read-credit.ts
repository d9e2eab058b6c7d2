
/** A photo's own caption and credit, as a photo desk fills them in its IPTC or XMP fields. */
export interface EmbeddedCredit {
  readonly caption?: string;
  readonly credit?: string;
}

/**
 * Read the caption and credit embedded in a photo: IPTC `Caption/Abstract`, `By-line`,
 * `Credit` and `CopyrightNotice`, or their XMP forms (`dc:description`, `dc:creator`,
 * `photoshop:Credit`, `dc:rights`). The credit is the by-line and the credit line joined
 * with "/" (as agencies write "Jo Doe/Harbour Times"), or the copyright notice when neither
 * is set. Nothing is read but these fields; a file without them, or unreadable, gives nothing.
 */
export async function readCredit(file: string): Promise<EmbeddedCredit> {
  let tags: Record<string, unknown> | undefined;
  try {
    // Loaded on first use: only lead photos without a caption or credit in front matter need it.
    const {default: exifr} = await import('exifr');
    tags = await exifr.parse(file, {tiff: false, exif: false, gps: false, ifd1: false, interop: false, iptc: true, xmp: true, icc: false, jfif: false, ihdr: false, mergeOutput: true});
  } catch {
    return {};
  }
  if (!tags) return {};
  const text = (...names: string[]): string | undefined => {
    for (const name of names) {
      const value = plain(tags[name]);
      if (value) return value;
    }
    return undefined;
  };
  const caption = text('Caption', 'description');
  const byline = text('Byline', 'creator');
  const line = text('Credit');
  const credit = [...new Set([byline, line].filter((part): part is string => Boolean(part)))].join('/') || text('CopyrightNotice', 'rights');
  return {...(caption ? {caption} : {}), ...(credit ? {credit} : {})};
}

/** A tag's value as one line of text: XMP gives language alternatives (`{lang, value}`) and lists. */
function plain(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || undefined;
  if (Array.isArray(value)) return value.map(plain).filter(Boolean).join(', ') || undefined;
  if (value && typeof value === 'object' && 'value' in value) return plain((value as {value: unknown}).value);
  return undefined;
}
