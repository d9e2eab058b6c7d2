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

/** The site's feed history: what the subscription feed holds, and the archives whose entries are final. */
export interface FeedHistoryPlan {
  /** The subscription feed's articles, newest first: the newest `feedSize`, and every article of the open month. */
  readonly current: readonly Article[];
  /** The closed months, newest first: RFC 5005 archives, whose entries never change once published. */
  readonly archives: readonly ArchiveMonth[];
}

/**
 * Split the published articles (newest first) into the subscription feed and its archives.
 *
 * RFC 5005 §4: an archive's set of entries should not change. The newest month with an
 * article is still open (more articles may come), so it is not published as an archive; a
 * month closes once an article of a later month is published, and is archived from then on,
 * at the same `archive/YYYY/MM/` address as ever. Until then the subscription feed holds every
 * article of the open month (and at least the newest `feedSize`), so the feed and the archives
 * together hold every article. This depends on the content only, never on the clock.
 */
export function planFeedHistory(articles: readonly Article[], timezone: string, feedSize: number): FeedHistoryPlan {
  const [open, ...closed] = planArchives(articles, timezone);
  return {current: articles.slice(0, Math.max(feedSize, open?.articles.length ?? 0)), archives: closed};
}
