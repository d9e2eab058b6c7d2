import {editionAt} from '../config/editions.ts';
import type {Alternate} from '../plan/plan-translations.ts';
import type {Article, SiteConfig} from '../types.ts';
import {urlOf} from '../urls.ts';
import {escapeXml} from '../xml.ts';

/** One page of the sitemap: its site-root-relative folder and when it last changed. */
export interface SitemapEntry {
  readonly path: string;
  /** UTC ISO date of the newest change, when known. */
  readonly lastmod: string | undefined;
  /** Its versions in other languages, itself and `x-default` included (see `planTranslations`). */
  readonly alternates?: readonly Alternate[] | undefined;
}

/** Two days: how far back a Google News sitemap reaches. */
const newsWindowMs = 2 * 24 * 60 * 60 * 1000;

/** The most a Google News sitemap may list. */
export const newsSitemapLimit = 1000;

/**
 * `sitemap.xml` (sitemaps.org 0.9): every page's absolute URL with its `lastmod`,
 * in the order given (the caller's order is already deterministic); a page with versions in
 * other languages lists each (itself included) as an `xhtml:link` alternate, as Google documents
 * for hreflang in sitemaps.
 */
export function sitemapXml(entries: readonly SitemapEntry[], config: SiteConfig): string {
  let translated = false;
  const urls = entries.map((entry) => {
    const lastmod = entry.lastmod ? `<lastmod>${escapeXml(entry.lastmod)}</lastmod>` : '';
    if (!entry.alternates) return `  <url><loc>${escapeXml(urlOf(config, entry.path))}</loc>${lastmod}</url>\n`;
    translated = true;
    const links = entry.alternates.map((alternate) => `    <xhtml:link rel="alternate" hreflang="${escapeXml(alternate.hreflang)}" href="${escapeXml(urlOf(config, alternate.path))}"/>\n`);
    return `  <url>\n    <loc>${escapeXml(urlOf(config, entry.path))}</loc>${lastmod ? `\n    ${lastmod}` : ''}\n${links.join('')}  </url>\n`;
  });
  const namespaces = `xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${translated ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : ''}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset ${namespaces}>\n${urls.join('')}</urlset>\n`;
}

/**
 * `news-sitemap.xml` for Google News: the articles published in the two days up to the
 * build's now (`config.now`, never the clock), newest first, at most 1,000, each with the
 * publication's name (its edition's) and the article's language.
 *
 * @param articles Published articles, newest first.
 */
export function newsSitemapXml(articles: readonly Article[], config: SiteConfig): string {
  const now = Date.parse(config.now);
  const recent: Article[] = [];
  for (const article of articles) {
    const time = Date.parse(article.date);
    // Newest first: the first article older than the window ends it.
    if (now - time > newsWindowMs) break;
    if (time <= now) recent.push(article);
  }
  const urls = recent.slice(0, newsSitemapLimit).map(
    (article) =>
      `  <url>\n    <loc>${escapeXml(urlOf(config, article.path))}</loc>\n    <news:news>\n` +
      `      <news:publication><news:name>${escapeXml(editionAt(config, article.edition).title)}</news:name><news:language>${escapeXml(newsLanguage(article.lang ?? editionAt(config, article.edition).lang))}</news:language></news:publication>\n` +
      `      <news:publication_date>${escapeXml(article.date)}</news:publication_date>\n` +
      `      <news:title>${escapeXml(article.title)}</news:title>\n    </news:news>\n  </url>\n`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' +
    `${urls.join('')}</urlset>\n`
  );
}

/** Google News wants an ISO 639 code, except `zh-cn` and `zh-tw` for Chinese. */
export function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return /-(tw|hk|mo|hant)/.test(lower) ? 'zh-tw' : 'zh-cn';
  return lower.split('-')[0] ?? lower;
}

/**
 * `robots.txt`: everything may be crawled; both sitemaps named by absolute URL. (Crawlers
 * read it only at a host's root: on a sub-path site, copy its lines into the root's file.)
 */
export function robotsTxt(config: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${urlOf(config, 'sitemap.xml')}\nSitemap: ${urlOf(config, 'news-sitemap.xml')}\n`;
}
