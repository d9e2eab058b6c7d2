/**
 * How much of a line is function words: jusText's signal that a short line is prose (`he said`,
 * `as the talks went on`) rather than a label or a headline (`Storms batter Alpine valleys`).
 * The lists are the `stopword` package's, for the languages wire copy most often comes in
 * (loaded by `loadWireTools`).
 */
import {wireTools} from './wire-tools.ts';

/** Words: runs of letters, marks, digits and inner apostrophes. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;

/** The share of words of `text` that are stopwords (0 for a line without words), and its word count. */
export function stopwordDensity(text: string): {density: number; words: number} {
  const {stopwords} = wireTools();
  let words = 0;
  let hits = 0;
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    words++;
    if (stopwords.has(word) || stopwords.has(word.replace(/['’].*$/u, ''))) hits++;
  }
  return {density: words === 0 ? 0 : hits / words, words};
}

/** A short line that reads as a piece of a sentence: at least two words, and at least 30 % stopwords. */
export function readsAsProse(text: string): boolean {
  const {density, words} = stopwordDensity(text);
  return words >= 2 && density >= 0.3;
}
