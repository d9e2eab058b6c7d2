/**
 * Parse plain-text wire copy (`.txt` articles): a headline on the first line that is not page
 * chrome, paragraphs separated by blank lines, perhaps a byline and a photo caption with its
 * credit near the top, a dateline opening the first paragraph, an agency trailer at the end,
 * and often page chrome pasted along at either end.
 *
 * Lines, not only paragraphs, are judged at the head and the tail: chrome by what it says
 * (`wire/chrome-patterns.ts`) and by its shape (runs of short lines without a sentence end,
 * told from prose by their stopwords, as jusText does). The middle of the text is never touched.
 *
 * Pure: no I/O, no shared mutable state, never throws, linear in the text's length. Text is never
 * read as Markdown or HTML; the returned strings are literal and the caller escapes them.
 */
import {classifyLine, isRelatedHeader, PROSE_LINE, type LineClass} from './wire/classify-line.ts';
import {detectLanguage} from './wire/detect-language.ts';
import {readByline} from './wire/read-byline.ts';
import {readDateline} from './wire/read-dateline.ts';
import {isTrailer} from './wire/read-trailer.ts';
import {splitCredit} from './wire/split-credit.ts';
import {readsAsProse} from './wire/stopword-density.ts';

export {builtInChromePatterns} from './wire/chrome-patterns.ts';

/** A block of text and the 1-based line of the given text on which it starts. */
export interface WireLine {
  readonly text: string;
  readonly line: number;
}

/** The parts of one piece of wire copy. */
export interface WireCopy {
  /** The first non-empty line that is not page chrome, trimmed; `undefined` when the text is blank. */
  readonly headline: WireLine | undefined;
  /** A short photo caption with a credit found near the top, split in two. */
  readonly caption: {readonly caption: string; readonly credit: string; readonly line: number} | undefined;
  /** A byline near the top (`By Jane Doe and John Roe, Reuters`): the line and the authors it names. */
  readonly byline: {readonly text: string; readonly authors: readonly string[]; readonly line: number} | undefined;
  /** The dateline that opened the first paragraph (`ANKARA, Jan 16 (Reuters)`), without its dash. */
  readonly dateline: WireLine | undefined;
  /** The body paragraphs, in order (internal newlines kept as `\n`), the dateline taken out of the first. */
  readonly paragraphs: readonly WireLine[];
  /** The agency's trailer (`(Reporting by …; Editing by …)`, `— AFP`), kept apart from the paragraphs. */
  readonly trailer: WireLine | undefined;
  /** The page chrome that was dropped, line by line, in order. */
  readonly removed: readonly WireLine[];
  /** The text's language (BCP 47) when it is long enough to tell and not `options.language`. */
  readonly lang: string | undefined;
}

/** Options for {@link parseWireCopy}. */
export interface WireCopyOptions {
  /** Extra site-specific patterns, tested against each head and tail line (trimmed), added to the built-ins. */
  readonly chromePatterns?: readonly RegExp[];
  /** The site's language: text in it gets no `lang`. Default `en`. */
  readonly language?: string;
}

/** The caption, byline and head chrome are looked for among the lines before this many prose paragraphs. */
const CAPTION_SEARCH_DEPTH = 3;
/** … and among at most this many lines. */
const HEAD_WINDOW = 20;
/** Sentences under a "Related …", comments or author header go with it when at most this long (longer ones are prose). */
const MAX_RELATED_HEADLINE_LENGTH = PROSE_LINE;
/** A first paragraph at most this long may be a standfirst, with the dateline opening the second. */
const MAX_STANDFIRST_LENGTH = 300;
/** A header over related headlines, comments or an author box is looked for this many lines up. */
const HEADER_LOOKUP = 12;
/** At most this many lines at the end are judged as chrome: pasted chrome is never longer, and the cost stays bounded. */
const MAX_TAIL_LINES = 300;
/** A run of at least this many short lines without stopwords is chrome by its shape. */
const SHORT_RUN = 2;

/** A non-blank line of the text: trimmed and raw, its 1-based number and its paragraph's index. */
interface Line {
  readonly text: string;
  readonly raw: string;
  readonly line: number;
  readonly block: number;
}

const EMPTY: WireCopy = {headline: undefined, caption: undefined, byline: undefined, dateline: undefined, paragraphs: [], trailer: undefined, removed: [], lang: undefined};

/** The non-blank lines of `text`, each with the index of the blank-line-separated block it is in. */
function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let block = 0;
  let previousBlank = true;
  const raws = text.replace(/\r\n?/g, '\n').split('\n');
  for (let index = 0; index < raws.length; index++) {
    const raw = raws[index] as string;
    const trimmed = raw.trim();
    if (trimmed === '') {
      if (!previousBlank) block++;
      previousBlank = true;
      continue;
    }
    previousBlank = false;
    lines.push({text: trimmed, raw, line: index + 1, block});
  }
  return lines;
}

/** Lines grouped back into paragraphs by block, each paragraph's lines joined with `\n` and trimmed. */
function toParagraphs(lines: readonly Line[]): WireLine[] {
  const paragraphs: WireLine[] = [];
  let current: Line[] = [];
  const flush = (): void => {
    const first = current[0];
    if (first) paragraphs.push({text: current.map((line) => line.raw).join('\n').trim(), line: first.line});
    current = [];
  };
  for (const line of lines) {
    if (current[0] && current[0].block !== line.block) flush();
    current.push(line);
  }
  flush();
  return paragraphs;
}

/**
 * Where the trailing chrome of `lines` starts (`lines.length` when there is none), and the
 * trailer just above it. The tail is the run of chrome and short lines after the last prose
 * line; in it, a short line is chrome when chrome follows it and it has few stopwords, or when it
 * ends the text in a run of such lines. Everything from the first chrome line on is removed.
 */
function findTrailingChrome(lines: readonly Line[], classOf: (line: Line) => LineClass): {cut: number; trailer: number} {
  const classes: LineClass[] = [];
  let start = lines.length;
  const floor = Math.max(0, lines.length - MAX_TAIL_LINES);
  while (start > floor) {
    const line = lines[start - 1] as Line;
    if (isTrailer(line.text)) break;
    const lineClass = classOf(line);
    if (lineClass === 'prose') {
      // Punctuated headlines, comments or an author's bio under a header further up go with it.
      let header = start - 1;
      const top = Math.max(floor, start - HEADER_LOOKUP);
      while (header > top && !isRelatedHeader((lines[header] as Line).text) && (lines[header] as Line).text.length <= MAX_RELATED_HEADLINE_LENGTH) header--;
      if (header < 0 || !isRelatedHeader((lines[header] as Line).text)) break;
      for (let i = start - 1; i > header; i--) classes[i] = 'short';
      classes[header] = 'chrome';
      start = header;
      continue;
    }
    classes[start - 1] = lineClass;
    start--;
  }

  // What lies below each line of the tail: chrome somewhere, and a short line that reads as prose.
  const chromeBelow: boolean[] = [];
  const proseFrom: boolean[] = [];
  for (let i = lines.length - 1, chrome = false, prose = false; i >= start; i--) {
    chromeBelow[i] = chrome;
    if (classes[i] === 'chrome') chrome = true;
    else prose ||= readsAsProse((lines[i] as Line).text);
    proseFrom[i] = prose;
  }
  let cut = start;
  for (; cut < lines.length; cut++) {
    if (classes[cut] === 'chrome') break;
    // Without a prose line above, short lines are the body itself: only chrome's words cut it.
    if (start === floor) continue;
    if (chromeBelow[cut] ? !readsAsProse((lines[cut] as Line).text) : lines.length - cut >= SHORT_RUN && !proseFrom[cut]) break;
  }
  const trailer = start > 0 && cut === start && isTrailer((lines[start - 1] as Line).text) ? start - 1 : -1;
  return {cut, trailer};
}

/**
 * Parse plain-text wire copy into headline, caption, byline, dateline, body paragraphs, trailer and
 * the page chrome that was removed. Line numbers are 1-based within `text` (CRLF and lone CR count
 * as one line break).
 */
export function parseWireCopy(text: string, options: WireCopyOptions = {}): WireCopy {
  const all = toLines(typeof text === 'string' ? text : '');
  if (all.length === 0) return EMPTY;
  const sitePatterns = options.chromePatterns ?? [];
  const classes = new Map<Line, LineClass>();
  const classOf = (line: Line): LineClass => {
    let lineClass = classes.get(line);
    if (lineClass === undefined) classes.set(line, (lineClass = classifyLine(line.text, sitePatterns)));
    return lineClass;
  };
  const removed: Line[] = [];

  // The headline: the first line that is not chrome (or the first line, when all of them are).
  let headlineIndex = all.findIndex((line, index) => index >= HEAD_WINDOW || classOf(line) !== 'chrome');
  if (headlineIndex === -1 || headlineIndex >= HEAD_WINDOW) headlineIndex = 0;
  for (const line of all.slice(0, headlineIndex)) removed.push(line);
  const headlineLine = all[headlineIndex] as Line;
  const body = all.slice(headlineIndex + 1);

  // The head's metadata: a caption and a byline among the first lines, before the third prose paragraph.
  let caption: WireCopy['caption'];
  let byline: WireCopy['byline'];
  const consumed = new Set<Line>();
  const proseBlocks = new Set<number>();
  for (const line of body.slice(0, HEAD_WINDOW)) {
    if (proseBlocks.size >= CAPTION_SEARCH_DEPTH) break;
    const split = caption === undefined && readDateline(line.text) === undefined && !isTrailer(line.text) ? splitCredit(line.text) : undefined;
    const authors = byline === undefined && split === undefined ? readByline(line.text) : undefined;
    if (split) caption = {...split, line: line.line};
    else if (authors) byline = {text: line.text, authors, line: line.line};
    else {
      if (classOf(line) === 'prose') proseBlocks.add(line.block);
      continue;
    }
    consumed.add(line);
  }

  // The tail: chrome after the last prose line, and the agency's trailer above it.
  const rest = consumed.size === 0 ? body : body.filter((line) => !consumed.has(line));
  const {cut, trailer: trailerIndex} = findTrailingChrome(rest, classOf);
  for (const line of rest.slice(cut)) removed.push(line);
  const trailerLine = trailerIndex === -1 ? undefined : rest[trailerIndex];

  // The head's chrome: before the second prose paragraph (a standfirst may come first), chrome by
  // its words, and before the first one, a run of short lines without stopwords (navigation).
  const kept = rest.slice(0, trailerLine ? trailerIndex : cut);
  const headChrome = new Set<Line>();
  const firstProse = new Set<number>();
  let shortRun: Line[] = [];
  for (const line of kept.slice(0, HEAD_WINDOW)) {
    const lineClass = classOf(line);
    if (lineClass === 'prose') {
      firstProse.add(line.block);
      if (firstProse.size > 1) break;
    }
    if (lineClass === 'chrome') headChrome.add(line);
    else if (lineClass === 'short' && firstProse.size === 0 && !readsAsProse(line.text)) shortRun.push(line);
    else if (firstProse.size === 0 && shortRun.length < SHORT_RUN) shortRun = [];
  }
  if (firstProse.size > 0 && shortRun.length >= SHORT_RUN) for (const line of shortRun) headChrome.add(line);
  for (const line of headChrome) removed.push(line);
  const paragraphs = toParagraphs(headChrome.size === 0 ? kept : kept.filter((line) => !headChrome.has(line)));

  // The dateline opening the first paragraph (or the second, after a standfirst).
  let dateline: WireLine | undefined;
  for (const [index, paragraph] of paragraphs.slice(0, 2).entries()) {
    if (index === 1 && (paragraphs[0]?.text.length ?? 0) > MAX_STANDFIRST_LENGTH) break;
    const read = readDateline(paragraph.text);
    if (!read) continue;
    dateline = {text: read.dateline, line: paragraph.line};
    paragraphs[index] = {text: read.rest, line: paragraph.line};
    break;
  }

  const headline: WireLine = {text: headlineLine.text, line: headlineLine.line};
  const trailer = trailerLine ? {text: trailerLine.text, line: trailerLine.line} : undefined;
  const lang = detectLanguage([headline.text, ...paragraphs.map((paragraph) => paragraph.text)], options.language ?? 'en');
  return {
    headline,
    caption,
    byline,
    dateline,
    paragraphs,
    trailer,
    removed: removed.sort((a, b) => a.line - b.line).map((line) => ({text: line.text, line: line.line})),
    lang,
  };
}
