import type {VFile} from 'vfile';
import {fail} from '../report/report-issues.ts';

/** A line break in any of the three conventions: CRLF, LF, or a lone CR (old Mac files). */
const lineBreak = /\r\n?|\n/g;

/**
 * Turn an article's bytes into text, or report why they are not an article:
 * an empty file, a binary file (a NUL byte) or invalid UTF-8 is a fatal message on `file`
 * with the line and column of the first problem. A UTF-8 byte-order mark is dropped and
 * every line ending (CRLF, lone CR) becomes `\n`, so line numbers match any editor's.
 *
 * @param bytes The file's contents.
 * @param file The article's file; messages go there.
 * @returns the normalized text, or undefined when the file cannot be an article.
 */
export function decodeSource(bytes: Uint8Array, file: VFile): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false}).decode(bytes);
  } catch {
    const place = firstInvalidByte(bytes);
    fail(file, 'not UTF-8 text (a binary file, or text saved as Latin-1 or Windows-1252): save it as UTF-8, or move it out of the articles folder', place, 'encoding');
    return undefined;
  }
  text = text.replace(lineBreak, '\n');
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    fail(file, 'binary file or UTF-16 text (it contains a NUL byte): save it as UTF-8 text, or move it out of the articles folder', pointAt(text, nul), 'encoding');
    return undefined;
  }
  if (text.trim() === '') {
    fail(file, 'empty file: write the article, or delete the file', {line: 1, column: 1}, 'empty');
    return undefined;
  }
  return text;
}

/** Line and column (1-based, in characters) of offset `index` in `text` with `\n` line endings. */
function pointAt(text: string, index: number): {line: number; column: number} {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let at = before.indexOf('\n'); at !== -1; at = before.indexOf('\n', at + 1)) line++;
  return {line, column: [...before.slice(lineStart)].length + 1};
}

/**
 * Where the first byte that is not UTF-8 stands. Line breaks never occur inside a UTF-8
 * sequence, so each line is decoded on its own; the column counts the characters before
 * the bad byte on that line.
 */
function firstInvalidByte(bytes: Uint8Array): {line: number; column: number} {
  const strict = new TextDecoder('utf-8', {fatal: true});
  let line = 1;
  let start = 0;
  for (let index = 0; index <= bytes.length; index++) {
    const byte = bytes[index];
    if (index < bytes.length && byte !== 0x0a && byte !== 0x0d) continue;
    const row = bytes.subarray(start, index);
    try {
      strict.decode(row);
    } catch {
      return {line, column: validPrefixLength(row) + 1};
    }
    if (byte === 0x0d && bytes[index + 1] === 0x0a) index++;
    line++;
    start = index + 1;
  }
  return {line: 1, column: 1};
}

/** The number of characters on `row` before its first invalid byte. */
function validPrefixLength(row: Uint8Array): number {
  const encoder = new TextEncoder();
  let column = 0;
  let offset = 0;
  for (const char of new TextDecoder('utf-8').decode(row)) {
    // Invalid bytes decode to U+FFFD; a U+FFFD written in the file is the bytes EF BF BD.
    if (char === '\uFFFD' && !(row[offset] === 0xef && row[offset + 1] === 0xbf && row[offset + 2] === 0xbd)) return column;
    offset += encoder.encode(char).length;
    column++;
  }
  return column;
}
