import type {Point} from 'unist';

/**
 * The text `dateline new` puts where the story goes, by format. The build warns about an
 * article that is not a draft and still holds it (see {@link findPlaceholder}).
 */
export const placeholderText = {
  markdown: 'Write the story here, in Markdown.',
  wire: 'Write the story here, in plain text. Separate paragraphs with a blank line.',
} as const;

/**
 * Where `source` (an article's text, line endings already LF) still holds the placeholder
 * text of `dateline new`, as a line and column, or undefined when it holds none.
 */
export function findPlaceholder(source: string): Point | undefined {
  let offset = -1;
  for (const text of Object.values(placeholderText)) {
    const at = source.indexOf(text);
    if (at >= 0 && (offset < 0 || at < offset)) offset = at;
  }
  if (offset < 0) return undefined;
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return {line: before.split('\n').length, column: offset - lineStart + 1};
}
