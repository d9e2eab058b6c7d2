import {archiveMonths, type ArchiveMonth} from '../plan/plan-archive-pages.ts';
import type {Article} from '../types.ts';
import type {XmlFeedPaths} from './build-feeds.ts';

/** A month's RFC 5005 archive documents, in its archive folder: `archive/YYYY/MM/feed.xml` and `archive/YYYY/MM/atom.xml`. */
export function archivePaths(month: Pick<ArchiveMonth, 'path'>): XmlFeedPaths {
  return {rss: `${month.path}feed.xml`, atom: `${month.path}atom.xml`};
}

/** The site's feed history: what the subscription feed holds, and the archives whose entries are final. */
export interface FeedHistoryPlan {
  /** The subscription feed's articles, newest first: the newest `feedSize`, and every article of the open month. */
  readonly current: readonly Article[];
  /** The closed months, newest first: RFC 5005 archives, whose entries never change once published. */
  readonly archives: readonly ArchiveMonth[];
}

/**
 * Split the published articles (newest first) into the subscription feed and its archives,
 * one per calendar month of the site's time zone (`archiveMonths`, as the archive pages).
 *
 * Each article belongs to exactly one archive, the month of its publication date, whatever
 * the main feed holds; so a new article changes only its own month's archive (and, when it
 * opens a new month, the previous month gains its `next-archive` link once). RFC 5005 §4: an
 * archive's set of entries should not change. The newest month with an article is still open
 * (more articles may come), so it is not published as an archive; a month closes once an
 * article of a later month is published, and is archived from then on, at the same
 * `archive/YYYY/MM/` address as ever (in an edition's folder, `prefix`: `fr/archive/YYYY/MM/`). Until then the subscription feed holds every article of
 * the open month (and at least the newest `feedSize`), so the feed and the archives together
 * hold every article. This depends on the content only, never on the clock.
 */
export function planFeedHistory(articles: readonly Article[], timezone: string, feedSize: number, prefix = ''): FeedHistoryPlan {
  const [open, ...closed] = archiveMonths(articles, timezone, prefix);
  return {current: articles.slice(0, Math.max(feedSize, open?.articles.length ?? 0)), archives: closed};
}
