import fs from 'node:fs';
import path from 'node:path';
import type {PageFacts} from './read-page.ts';

/** One problem found in the output, on the page (output path) where it shows. */
export interface OutputProblem {
  /** Output path of the page or feed (`2017/01/slug/index.html`). */
  readonly page: string;
  /** The URL or text the problem is about, to find it in the source. */
  readonly subject: string;
  readonly reason: string;
  /** `link`, `anchor`, `image`, `alt`, `feed`. */
  readonly rule: string;
}

/**
 * Check every page's references inside the site: a link, image or stylesheet under the
 * site's URL must reach a file of the output (a folder through its `index.html`), a
 * `#fragment` must name an `id` on its target page, a root-relative URL must stay under
 * the sub-path, and every image needs alternative text. External URLs are not fetched.
 *
 * @param outDir The built site.
 * @param siteUrl The public root URL, with its sub-path and trailing slash.
 * @param pages Facts of every HTML page, by output path.
 */
export function checkLinks(outDir: string, siteUrl: string, pages: ReadonlyMap<string, PageFacts>): OutputProblem[] {
  const root = new URL(siteUrl);
  const problems: OutputProblem[] = [];
  for (const [page, facts] of pages) {
    const pageUrl = new URL(page.replace(/(^|\/)index\.html$/, '$1'), root);
    for (const {url: raw, kind} of facts.references) {
      if (raw === '' || /^(mailto|tel|data|javascript|sms):/i.test(raw)) continue;
      let url: URL;
      try {
        url = new URL(raw, pageUrl);
      } catch {
        problems.push({page, subject: raw, reason: `"${raw}" is not a valid URL`, rule: 'link'});
        continue;
      }
      if (url.origin !== root.origin) continue;
      if (!url.pathname.startsWith(root.pathname)) {
        if (raw.startsWith('/') && !raw.startsWith('//')) problems.push({page, subject: raw, reason: `"${raw}" is outside the site's sub-path ${root.pathname}; it breaks once published`, rule: 'link'});
        continue;
      }
      const target = outputFile(outDir, url.pathname.slice(root.pathname.length));
      if (target === undefined) {
        const what = kind === 'image' ? 'missing image' : kind === 'resource' ? 'missing file' : 'broken link';
        problems.push({page, subject: raw, reason: `${what}: "${raw}" points at nothing in the site`, rule: kind === 'image' ? 'image' : 'link'});
        continue;
      }
      const fragment = url.hash.slice(1);
      if (kind === 'link' && fragment && target.endsWith('.html') && pages.has(target) && !hasId(pages.get(target)!, fragment)) {
        problems.push({page, subject: raw, reason: `broken anchor: "${raw}": ${target === page ? 'this page' : target} has no element with id "${decode(fragment)}"`, rule: 'anchor'});
      }
    }
    for (const src of facts.imagesWithoutAlt) {
      problems.push({page, subject: src, reason: `image "${src}" has no alt text; describe what it shows (![what it shows](${src || 'file'}))`, rule: 'alt'});
    }
  }
  return problems;
}

/** The output file a site-relative path serves, as GitHub Pages would find it, or undefined. */
function outputFile(outDir: string, encoded: string): string | undefined {
  let relative = decode(encoded);
  if (relative.includes('\0') || relative.split('/').includes('..')) return undefined;
  const isFile = (file: string): boolean => fs.existsSync(path.join(outDir, file)) && fs.statSync(path.join(outDir, file)).isFile();
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  if (isFile(relative)) return relative;
  if (isFile(`${relative}/index.html`)) return `${relative}/index.html`;
  if (isFile(`${relative}.html`)) return `${relative}.html`;
  return undefined;
}

function hasId(facts: PageFacts, fragment: string): boolean {
  return facts.ids.has(fragment) || facts.ids.has(decode(fragment)) || fragment === 'top';
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
