/**
 * Reading a multilingual build's output as a crawler does: each page's language, its hreflang
 * alternates, its language links, its dates; and the rules Google gives for hreflang sets
 * (every version lists every version, itself included, and each lists the same set).
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Element} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {toString} from 'hast-util-to-string';
import {visit} from 'unist-util-visit';
import {listFiles} from './files.ts';

/** An edition as the checks need it: its language and its folder (`''` for the main edition, at the root). */
export interface EditionPlace {
  readonly lang: string;
  readonly path: string;
}

/** One `<link rel="alternate" hreflang>` of a page's head, its `href` made absolute. */
export interface Alternate {
  readonly hreflang: string;
  readonly href: string;
}

/** What the checks read from one HTML page. */
export interface PageFacts {
  /** The page's own absolute URL. */
  readonly url: string;
  /** `lang` and `dir` of `<html>` (empty when missing). */
  readonly lang: string;
  readonly dir: string;
  /** The head's hreflang alternates, in document order, `href`s absolute. */
  readonly alternates: readonly Alternate[];
  /** The head's feed links (`rel="alternate"` with a feed media type), `href`s absolute. */
  readonly feeds: readonly {readonly type: string; readonly href: string}[];
  /** Every `<a hreflang>` of the page, `href`s absolute. */
  readonly languageLinks: readonly {readonly href: string; readonly hreflang: string; readonly lang: string; readonly text: string}[];
  /** Every `<time>` with its `datetime` and shown text. */
  readonly times: readonly {readonly datetime: string; readonly text: string}[];
  /** The text of every `h1` and `h2`, trimmed, whitespace collapsed. */
  readonly headings: readonly string[];
  /** The text of `<body>` without scripts, whitespace collapsed. */
  readonly text: string;
  /** `href`s of every `<a>` (absolute), with their text. */
  readonly links: readonly {readonly href: string; readonly text: string}[];
}

const squash = (value: string): string => value.replace(/\s+/g, ' ').trim();
const attribute = (element: Element, name: string): string => {
  const value = element.properties[name];
  return Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? '' : String(value);
};

/** The absolute URL of an output file (`fr/index.html` → `BASE/fr/`, `fr/404.html` → `BASE/fr/404.html`). */
export function urlOfFile(file: string, base: string): string {
  return new URL(file === 'index.html' || file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file, base).href;
}

/** The output file an absolute URL under `base` names, or undefined for a URL outside the site. */
export function fileOfUrl(url: string, base: string): string | undefined {
  const normal = new URL(url).href.split(/[?#]/)[0]!;
  if (!normal.startsWith(base)) return undefined;
  const relative = decodeURIComponent(normal.slice(base.length));
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/** The edition an output file belongs to: the one whose folder holds it (the deepest), else the main one (listed first). */
export function editionOfFile(file: string, editions: readonly EditionPlace[]): EditionPlace {
  const holding = editions.filter((edition) => edition.path !== '' && file.startsWith(edition.path));
  return holding.sort((a, b) => b.path.length - a.path.length)[0] ?? editions[0]!;
}

/** Read one HTML page of the output. */
export function readPage(out: string, file: string, base: string): PageFacts {
  const url = urlOfFile(file, base);
  const tree = fromHtml(fs.readFileSync(path.join(out, file), 'utf8'));
  const absolute = (href: string): string => new URL(href, url).href;
  let lang = '';
  let dir = '';
  const alternates: Alternate[] = [];
  const feeds: {type: string; href: string}[] = [];
  const languageLinks: {href: string; hreflang: string; lang: string; text: string}[] = [];
  const times: {datetime: string; text: string}[] = [];
  const headings: string[] = [];
  const links: {href: string; text: string}[] = [];
  let body: Element | undefined;
  visit(tree, 'element', (element: Element, _index, parent) => {
    if (element.tagName === 'html') {
      lang = attribute(element, 'lang');
      dir = attribute(element, 'dir');
    } else if (element.tagName === 'body') {
      body = element;
    } else if (element.tagName === 'link' && parent?.type === 'element' && parent.tagName === 'head') {
      const rel = attribute(element, 'rel').split(/\s+/);
      if (!rel.includes('alternate')) return;
      const href = attribute(element, 'href');
      if (attribute(element, 'hrefLang')) alternates.push({hreflang: attribute(element, 'hrefLang'), href: absolute(href)});
      else if (/rss|atom|feed\+json/.test(attribute(element, 'type'))) feeds.push({type: attribute(element, 'type'), href: absolute(href)});
    } else if (element.tagName === 'a') {
      const href = attribute(element, 'href');
      if (!href) return;
      links.push({href: absolute(href), text: squash(toString(element))});
      if (attribute(element, 'hrefLang')) {
        languageLinks.push({href: absolute(href), hreflang: attribute(element, 'hrefLang'), lang: attribute(element, 'lang'), text: squash(toString(element))});
      }
    } else if (element.tagName === 'time') {
      times.push({datetime: attribute(element, 'dateTime'), text: squash(toString(element))});
    } else if (element.tagName === 'h1' || element.tagName === 'h2') {
      headings.push(squash(toString(element)));
    }
  });
  let text = '';
  if (body) {
    const parts: string[] = [];
    visit(body, (node) => {
      if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template')) return 'skip';
      if (node.type === 'text') parts.push(node.value);
      return undefined;
    });
    text = squash(parts.join(' '));
  }
  return {url, lang, dir, alternates, feeds, languageLinks, times, headings, text, links};
}

/** Every HTML page of an output folder, read, keyed by file. */
export function readPages(out: string, base: string): Map<string, PageFacts> {
  return new Map(listFiles(out).filter((file) => file.endsWith('.html')).map((file) => [file, readPage(out, file, base)]));
}

/** An alternate set in one comparable form: `hreflang href` lines, sorted. */
export function setKey(alternates: readonly Alternate[]): string {
  return alternates
    .map((alternate) => `${alternate.hreflang} ${alternate.href}`)
    .sort()
    .join('\n');
}

/**
 * Every breach of the hreflang rules across a site's pages: for each page P with an alternate
 * set S, P's own URL is in S under its edition's language; no two entries share a hreflang;
 * every member of S (but x-default) is a page of the output, of the edition of that language,
 * carrying exactly S; `x-default` is there exactly when S has a main-edition version, and names it.
 *
 * @param editions the site's editions, the main one first.
 * @returns one line per problem, empty when every set is sound.
 */
export function hreflangProblems(pages: ReadonlyMap<string, PageFacts>, base: string, editions: readonly EditionPlace[]): string[] {
  const problems: string[] = [];
  const main = editions[0]!;
  for (const [file, page] of pages) {
    const set = page.alternates;
    if (set.length === 0) continue;
    const own = editionOfFile(file, editions);
    const langs = set.map((alternate) => alternate.hreflang);
    const repeated = langs.filter((lang, index) => langs.indexOf(lang) !== index);
    if (repeated.length > 0) problems.push(`${file}: hreflang ${[...new Set(repeated)].join(', ')} given more than once`);
    if (!set.some((alternate) => alternate.hreflang === own.lang && alternate.href === page.url)) {
      problems.push(`${file}: its set does not list the page itself (${page.url}) as hreflang ${own.lang}`);
    }
    for (const alternate of set) {
      if (alternate.hreflang === 'x-default') continue;
      const target = fileOfUrl(alternate.href, base);
      const other = target === undefined ? undefined : pages.get(target);
      if (target === undefined || other === undefined) {
        problems.push(`${file}: hreflang ${alternate.hreflang} points at ${alternate.href}, which is no page of the site`);
        continue;
      }
      const edition = editionOfFile(target, editions);
      if (edition.lang !== alternate.hreflang) problems.push(`${file}: hreflang ${alternate.hreflang} points at ${target}, a page of the ${edition.lang} edition`);
      if (setKey(other.alternates) !== setKey(set)) {
        problems.push(`${file}: its set is not the one ${target} carries:\n  ${setKey(set).replaceAll('\n', '\n  ')}\nversus\n  ${setKey(other.alternates).replaceAll('\n', '\n  ') || '(none)'}`);
      }
    }
    const mainVersion = set.find((alternate) => alternate.hreflang === main.lang);
    const fallback = set.find((alternate) => alternate.hreflang === 'x-default');
    if (mainVersion && !fallback) problems.push(`${file}: the set has a ${main.lang} (main edition) version but no x-default`);
    if (!mainVersion && fallback) problems.push(`${file}: x-default (${fallback.href}) without a ${main.lang} (main edition) version in the set`);
    if (mainVersion && fallback && fallback.href !== mainVersion.href) problems.push(`${file}: x-default is ${fallback.href}, not the main edition's version ${mainVersion.href}`);
  }
  return problems;
}
