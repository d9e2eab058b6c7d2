/**
 * One line of wire copy, judged on its own: page chrome by what it says, prose by its shape
 * (a sentence, or a long run of text), or a short line that its neighbours must decide
 * (jusText's "short" class; see `find-trailing-chrome.ts`).
 */
import {boilerplateSentences, chromeLabels, relatedHeaders, sectionHeaders} from './chrome-patterns.ts';

/** `chrome`: page chrome by its words; `prose`: body text; `short`: a short line without a sentence end. */
export type LineClass = 'chrome' | 'prose' | 'short';

/** Lines longer than this are prose by length alone; shorter ones must end a sentence to be. */
export const SHORT_LINE = 100;
/** Prose longer than this that ends a sentence is never taken for a widget label. */
export const PROSE_LINE = 60;

/** A sentence ends with `.`, `!`, `?`, `…` or their CJK and Arabic forms, maybe inside closing quotes or brackets. */
const SENTENCE_END = /[.!?…。！？؟](?:["'”’»)\]]{0,3})$/u;

/** Whether `text` (a trimmed line) ends a sentence. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** Whether `text` matches any of `patterns`; `search` leaves a `g`/`y` pattern's `lastIndex` as it was. */
export function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => text.search(pattern) !== -1);
}

/**
 * Whether `text` is a header over chrome that may read as prose: related headlines ("Related
 * Items"), a comment thread ("3 Comments") or an author box ("About the author").
 */
export function isRelatedHeader(text: string): boolean {
  return text.length <= 200 && (matchesAny(text, relatedHeaders) || matchesAny(text, sectionHeaders));
}

/**
 * Classify one trimmed line. The site's own patterns and the fixed boilerplate sentences win
 * always; widget labels only over a line that is not prose (longer than {@link PROSE_LINE}
 * characters and ending a sentence), so a body sentence that mentions a newsletter stays.
 */
export function classifyLine(text: string, sitePatterns: readonly RegExp[]): LineClass {
  if (sitePatterns.length > 0 && matchesAny(text, sitePatterns)) return 'chrome';
  const sentence = endsSentence(text);
  if (text.length <= 400 && matchesAny(text, boilerplateSentences)) return 'chrome';
  if (sentence && text.length > PROSE_LINE) return 'prose';
  if (text.length <= 400 && (matchesAny(text, chromeLabels) || isRelatedHeader(text))) return 'chrome';
  if (sentence || text.length > SHORT_LINE) return 'prose';
  return 'short';
}
