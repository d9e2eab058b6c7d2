import {dateParts} from '../dates.ts';
import type {Article} from '../types.ts';

/** One calendar month of the site's history: an RFC 5005 archive document. */
export interface ArchiveMonth {
  /** `YYYY/MM` in the site's time zone, as in article URLs. */
  readonly key: string;
  /** Site-relative paths of the month's archive documents. */
  readonly paths: {readonly rss: string; readonly atom: string};
  /** Every article of the month, newest first. */
  readonly articles: readonly Article[];
}

/** The archive documents of a month: `archive/YYYY/MM/feed.xml` and `archive/YYYY/MM/atom.xml`. */
export function archivePaths(key: string): ArchiveMonth['paths'] {
  return {rss: `archive/${key}/feed.xml`, atom: `archive/${key}/atom.xml`};
}

/**
 * Cut the published articles (newest first) into monthly archives, newest month first.
 *
 * Each article belongs to exactly one archive, the month of its publication date, whatever
 * the main feed holds; so a new article changes only its own month's archive (and, when it
 * opens a new month, the previous month gains its `next-archive` link once). Months are
 * taken in the site's time zone, like the `YYYY/MM/` of article URLs.
 */
export function planArchives(articles: readonly Article[], timezone: string): ArchiveMonth[] {
  const months = new Map<string, Article[]>();
  for (const article of articles) {
    const {year, month} = dateParts(article.date, timezone);
    const key = `${year}/${month}`;
    const list = months.get(key) ?? [];
    list.push(article);
    months.set(key, list);
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([key, list]) => ({key, paths: archivePaths(key), articles: list}));
}
