/**
 * Text for XML documents written by `feed`, whose serializer (xml-js) has three quirks:
 * it turns `&amp;` in text back into `&` before escaping, it escapes only `"` in attributes,
 * and it splits only the first `]]>` in a CDATA section. These helpers prepare values so
 * the output says exactly what the article says, and strip characters XML 1.0 forbids.
 */

import {escapeXml, stripIllegalXml} from '../xml.ts';

/**
 * A character that can never reach the serializer from content (it is one of the stripped
 * ones), used to mark places the post-processors fill in.
 */
export const marker = '\uFFFE';

/** A value for an xml-js text node: written back exactly, `&amp;` included. */
export function forText(value: string): string {
  return stripIllegalXml(value).replaceAll('&', '&amp;');
}

/** A value for an xml-js CDATA section: every `]]>` is split by {@link finishXml}, not just the first. */
export function forCdata(value: string): string {
  return stripIllegalXml(value).replaceAll(']]>', `]]${marker}`);
}

/** A value for an xml-js attribute that `feed` does not escape itself. */
export function forAttribute(value: string): string {
  return stripIllegalXml(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

/** Split the `]]>` that {@link forCdata} marked in a piece xml-js wrote (an item, or a document's shell). */
export function splitCdata(xml: string): string {
  return xml.includes(marker) ? xml.replaceAll(`]]${marker}`, ']]]]><![CDATA[>') : xml;
}

/**
 * Finish a document xml-js wrote with a placeholder where its items go: split the marked `]]>`
 * of the shell, put in the items (each split once and encoded once, when it was rendered: see
 * {@link splitCdata}), end with a newline. The items are never scanned or encoded again, however
 * many documents carry them: the document is their bytes copied between the shell's two ends.
 */
export function finishXml(shell: string, open: string, close: string, mark: string, items: readonly Uint8Array[]): Buffer {
  const xml = splitCdata(shell);
  const at = xml.indexOf(mark);
  const start = xml.lastIndexOf(open, at);
  const end = xml.indexOf(close, at) + close.length;
  if (at < 0 || start < 0 || end < close.length) throw new Error(`feed's output has no ${open.trim()} to replace`);
  const parts = [Buffer.from(xml.slice(0, start)), ...items, Buffer.from(xml.slice(end))];
  // The newline goes in the same copy: `feed` ends a document without one, and a second concat would copy it all again.
  let last = parts.length - 1;
  while (last > 0 && parts[last]!.byteLength === 0) last--;
  if (parts[last]!.at(-1) !== 0x0a) parts.push(newline);
  return Buffer.concat(parts);
}

const newline = Buffer.from('\n');

/** Escape text for HTML (`type="html"` Atom text constructs carry HTML). */
export function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** A hand-written element: `<name a="v">text</name>`, or self-closing without text. */
export function xmlElement(name: string, attributes: Readonly<Record<string, string | number | undefined>>, text?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  return text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}

/**
 * The one block of a document `feed` wrote with a single item: from `open` (its line break and
 * indentation) to the last `close`. Items are rendered this way once and feeds assembled from them.
 */
export function cutBlock(xml: string, open: string, close: string): string {
  return xml.slice(xml.indexOf(open), xml.lastIndexOf(close) + close.length);
}
