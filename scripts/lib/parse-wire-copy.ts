/**
 * Parse plain-text wire copy (`.txt` articles): a headline on the first
 * non-empty line, paragraphs separated by blank lines, perhaps a photo caption
 * with its credit near the top, and often page chrome pasted along at the end.
 *
 * Pure: no I/O, no shared mutable state, never throws. Text is never read as
 * Markdown or HTML; the returned strings are literal and the caller escapes them.
 */

/** A block of text and the 1-based line of the given text on which it starts. */
export interface WireLine {
  readonly text: string;
  readonly line: number;
}

/** The parts of one piece of wire copy. */
export interface WireCopy {
  /** The first non-empty line, trimmed; `undefined` when the text is blank. */
  readonly headline: WireLine | undefined;
  /** A short photo caption with a credit found near the top, split in two. */
  readonly caption: { readonly caption: string; readonly credit: string; readonly line: number } | undefined;
  /** The body paragraphs, in order (internal newlines kept as `\n`). */
  readonly paragraphs: readonly WireLine[];
  /** The trailing page chrome that was dropped, in order. */
  readonly removed: readonly WireLine[];
}

/** Options for {@link parseWireCopy}. */
export interface WireCopyOptions {
  /** Extra site-specific patterns, tested against each trailing paragraph (trimmed), added to the built-ins. */
  readonly chromePatterns?: readonly RegExp[];
}

/** Captions are single-line paragraphs at most this long, among the first few after the headline. */
const MAX_CAPTION_LENGTH = 300;
const CAPTION_SEARCH_DEPTH = 3;
/** Headlines listed under a "Related …" header are single lines at most this long. */
const MAX_RELATED_HEADLINE_LENGTH = 150;

/** Operands of the sums comment forms ask as a captcha: digits or English number words. */
const NUMBER = String.raw`(?:\d+|(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)`;

/** Headers that introduce a list of related headlines (which is dropped with them). */
const RELATED_HEADERS: readonly RegExp[] = [
  /^(?:related|similar|more|other) (?:items|articles|stories|posts|news|content|coverage|reading|links|topics)\s*:?$/i,
  /^(?:you (?:may|might) (?:also )?like|you may have missed|don['’]t miss|see also|also read|further reading|read (?:more|also|next))\b.{0,120}$/i,
  /^more (?:from|on|in|about)\b.{0,80}$/i,
  /^(?:recommended|trending|most (?:read|popular|viewed|shared)|popular|latest)(?: (?:now|stories|articles|news|posts|for you|today))?\s*:?$/i,
];

/** The built-in chrome patterns, exported so docs/tests can list them. */
export const builtInChromePatterns: readonly RegExp[] = [
  // Social prompts and share buttons.
  /^(?:[^.!?\n]{0,60}\b)?(?:follow|like|find|join|connect with) us (?:on|at|via)\b[^.!?\n]{0,80}[.!]?$/i,
  /^share (?:this(?: article| story| post| page)?|(?:on|via|to) [\w ]{1,30})\s*:?$/i,
  /^click to (?:share|email|print|tweet)\b.{0,80}$/i,
  /^(?:(?:tweet|share|email|e-mail|print|pin(?: it)?|whatsapp|facebook|twitter|linkedin|reddit|telegram|pinterest|messenger|copy link)[\s,|·•]*)+$/i,
  // Newsletter and subscription prompts.
  /^(?:join|sign up (?:for|to)|subscribe (?:to|for)|get|receive) (?:our|the)\b.{0,60}\bnewsletters?\b.{0,60}$/i,
  /^(?:subscribe|newsletter|sign up|sign-up)\b.{0,100}$/i,
  // "Related …" headers (their headline lists are handled separately).
  ...RELATED_HEADERS,
  // Comment forms.
  /^leave a (?:reply|comment|response)\b.{0,60}$/i,
  /^cancel reply$/i,
  /^your email address will not be published\b.{0,120}$/i,
  /^required fields are marked\b.{0,20}$/i,
  /^(?:comments?|name|email|e-mail|website|url)\s*\*?\s*:?$/i,
  /^save my name, email,? and website in this browser\b.{0,80}$/i,
  /^(?:post|submit|add) (?:a |your )?comment$/i,
  /^notify me of\b.{0,120}$/i,
  /^(?:\d+|no|one) (?:comments?|responses?|replies|thoughts?)(?: yet| so far)?(?: (?:to|on) [“"'‘].{1,120})?\s*:?$/i,
  /^(?:you must be logged in to post a comment|comments are closed)\b.{0,40}$/i,
  /^(?:view|show|load|read) (?:all |more )?comments?\b.{0,30}$/i,
  // Advertisement markers.
  /^(?:advertisement|advertising|ad|sponsored(?: content| links?| stories)?|promoted(?: content)?|paid content|story continues below(?: advertisement)?|scroll to continue(?: with content)?)$/i,
  // Tags, categories and copyright lines.
  /^(?:tags?|topics|categories|category|keywords)\s*:.{0,300}$/i,
  /^(?:filed under\b|posted in\s*:).{0,300}$/i,
  /^(?:©|copyright\b).{0,150}$/i,
  /^all rights reserved\.?$/i,
  // Captcha sums such as `1 + twenty =` or `seven × 3 = 21`.
  new RegExp(String.raw`^${NUMBER}\s*[-+−–×x*÷/]\s*${NUMBER}\s*=\s*(?:${NUMBER})?$`, 'i'),
];

/** Names of agencies recognised after a bare trailing slash or bar (`… / AFP`). */
const AGENCY = String.raw`(?:AFP|AP|Reuters|EPA(?:-EFE)?|EFE|Getty Images|Anadolu(?: Agency)?|Xinhua|Bloomberg|Shutterstock|Alamy|PA(?: Media| Wire)?|SANA|dpa|DPA|Sipa|ANSA|Kyodo|Yonhap|UPI|WANA|IRNA)`;

/**
 * Photo credits at the end of a caption; group 1 holds the credit.
 * Each match runs to the end of the paragraph and starts where the caption ends;
 * the earliest match wins.
 */
const CREDIT_PATTERNS: readonly RegExp[] = [
  // `(AP Photo/John Doe)`, `(Photo: Reuters)`, `(Photo by Jane Doe)`.
  /\(\s*([^()]*?\b(?:photo(?:graph)?s?|pictures?|pics?|images?|credits?|getty images|courtesy)\b[^()]*?)\s*\)[\s.]*$/iu,
  // `File photo: AFP`, `Photo: Reuters/Jane Doe`, `| Photo: …`, `Credit: …`, `Photo/AFP`.
  /(?<![\p{L}\p{N}])((?:(?:file|stock|handout|archive|main|top|lead|cover)\s+)?(?:(?:photo|image|picture)\s+credit|photo(?:graph)?s?|pictures?|pics?|images?|credits?)\s*[:/]\s*\S.{0,119})$/iu,
  // `Photo by Jane Doe`, `Picture courtesy of …` after a sentence end, separator or at the start.
  /(?:^|(?<=[.!?)"”’])\s+|\s*[|•·–—-]\s*)((?:file |stock )?(?:photo(?:graph)?|picture|image)s?\s+(?:by|courtesy(?: of)?|from|via)\s+\S.{0,119})$/iu,
  // `Jane Doe/AFP via Getty Images`, `Getty Images`.
  /(?<![\p{L}\p{N}])((?:\p{Lu}(?:\.|[\p{L}'’-]*)(?:\s+\p{Lu}(?:\.|[\p{L}'’-]*)){0,2}\s*\/\s*)?(?:\p{Lu}[\p{L}&'’-]*\s+(?:via|for)\s+)?Getty Images)[\s.]*$/u,
  // `… / AFP`, `… | Reuters`.
  new RegExp(String.raw`\s[/|]\s*(${AGENCY})[\s.]*$`, 'u'),
];

/** Whether `text` matches any of `patterns`; `search` leaves a `g`/`y` pattern's `lastIndex` as it was. */
function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => text.search(pattern) !== -1);
}

/** Split a short caption paragraph into caption and credit, or `undefined` if it carries no photo credit. */
function splitCaption(text: string): { caption: string; credit: string } | undefined {
  if (text.length > MAX_CAPTION_LENGTH || text.includes('\n')) return undefined;
  let best: { index: number; credit: string } | undefined;
  for (const pattern of CREDIT_PATTERNS) {
    const match = pattern.exec(text);
    const credit = match?.[1];
    if (match === null || credit === undefined) continue;
    if (best === undefined || match.index < best.index) best = { index: match.index, credit: credit.trim() };
  }
  if (best === undefined || best.credit === '') return undefined;
  const caption = text.slice(0, best.index).replace(/[\s|•·–—/-]+$/u, '').trim();
  return { caption, credit: best.credit };
}

/** Split normalised text into trimmed blocks separated by blank lines. */
function toBlocks(lines: readonly string[], from: number): WireLine[] {
  const blocks: WireLine[] = [];
  let start = -1;
  for (let i = from; i <= lines.length; i++) {
    const line = lines[i];
    const blank = line === undefined || line.trim() === '';
    if (!blank && start === -1) start = i;
    if (blank && start !== -1) {
      blocks.push({ text: lines.slice(start, i).join('\n').trim(), line: start + 1 });
      start = -1;
    }
  }
  return blocks;
}

/** How many paragraphs at the end of `blocks` are page chrome. */
function countTrailingChrome(blocks: readonly WireLine[], patterns: readonly RegExp[]): number {
  const isChrome = (text: string): boolean =>
    matchesAny(text, patterns) || (text.includes('\n') && text.split('\n').every((line) => matchesAny(line.trim(), patterns)));
  const isShort = (text: string): boolean => !text.includes('\n') && text.length <= MAX_RELATED_HEADLINE_LENGTH;
  let cut = blocks.length;
  let i = blocks.length - 1;
  while (i >= 0) {
    const text = blocks[i]?.text ?? '';
    if (isChrome(text)) {
      cut = i--;
      continue;
    }
    // A short line may be one of the related headlines under a "Related …" header further up.
    let j = i;
    while (j >= 0) {
      const above = blocks[j]?.text ?? '';
      if (matchesAny(above, RELATED_HEADERS)) break;
      if (!isShort(above) && !isChrome(above)) return blocks.length - cut;
      j--;
    }
    if (j < 0) break;
    cut = j;
    i = j - 1;
  }
  return blocks.length - cut;
}

/**
 * Parse plain-text wire copy into headline, optional photo caption, body
 * paragraphs and the trailing page chrome that was removed. Line numbers are
 * 1-based within `text` (CRLF and lone CR count as one line break).
 */
export function parseWireCopy(text: string, options: WireCopyOptions = {}): WireCopy {
  const lines = (typeof text === 'string' ? text : '').replace(/\r\n?/g, '\n').split('\n');
  const headlineIndex = lines.findIndex((line) => line.trim() !== '');
  if (headlineIndex === -1) return { headline: undefined, caption: undefined, paragraphs: [], removed: [] };
  const headline: WireLine = { text: (lines[headlineIndex] ?? '').trim(), line: headlineIndex + 1 };

  const blocks = toBlocks(lines, headlineIndex + 1);
  let caption: WireCopy['caption'];
  for (let i = 0; i < Math.min(CAPTION_SEARCH_DEPTH, blocks.length); i++) {
    const block = blocks[i];
    const split = block === undefined ? undefined : splitCaption(block.text);
    if (block !== undefined && split !== undefined) {
      caption = { ...split, line: block.line };
      blocks.splice(i, 1);
      break;
    }
  }

  const patterns = [...builtInChromePatterns, ...(options.chromePatterns ?? [])];
  const chromeCount = countTrailingChrome(blocks, patterns);
  return {
    headline,
    caption,
    paragraphs: blocks.slice(0, blocks.length - chromeCount),
    removed: blocks.slice(blocks.length - chromeCount),
  };
}
