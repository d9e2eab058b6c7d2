import {DateTime} from 'luxon';
import {dateParts} from '../dates.ts';
import type {Article} from '../types.ts';

/**
 * One calendar month of the site's articles, in its time zone: the archive's month page, and
 * once the month is closed, its RFC 5005 feed archive (see `planFeedHistory`).
 */
export interface ArchiveMonth {
  /** `YYYY` and `MM` in the site's time zone, as in article URLs. */
  readonly year: string;
  readonly month: string;
  /** Site-root-relative folder, `archive/2017/01/` (`fr/archive/2017/01/` in an edition's folder): the month's page, and its archive feeds'. */
  readonly path: string;
  /** Every article of the month, newest first. */
  readonly articles: readonly Article[];
}

/** One year of the archive, with its months newest first. */
export interface ArchiveYear {
  readonly year: string;
  readonly path: string;
  readonly articles: readonly Article[];
  readonly months: readonly ArchiveMonth[];
}

/**
 * Group the published articles (newest first) by month in the site's time zone, newest month
 * first; each month keeps the articles' order. Each article belongs to exactly one month.
 * `prefix` is the folder of the articles' edition (`fr/`; `''` for the main one).
 */
export function archiveMonths(articles: readonly Article[], timezone: string, prefix = ''): ArchiveMonth[] {
  const months = new Map<string, {year: string; month: string; articles: Article[]}>();
  for (const article of articles) {
    const {year, month} = dateParts(article.date, timezone);
    const key = `${year}/${month}`;
    let group = months.get(key);
    if (!group) months.set(key, (group = {year, month, articles: []}));
    group.articles.push(article);
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([key, group]) => ({year: group.year, month: group.month, path: `${prefix}archive/${key}/`, articles: group.articles}));
}

/** The {@link archiveMonths} grouped by year, newest year first. */
export function archiveYears(articles: readonly Article[], timezone: string, prefix = ''): ArchiveYear[] {
  const years: {year: string; path: string; articles: Article[]; months: ArchiveMonth[]}[] = [];
  for (const month of archiveMonths(articles, timezone, prefix)) {
    let year = years.at(-1);
    if (year?.year !== month.year) years.push((year = {year: month.year, path: `${prefix}archive/${month.year}/`, articles: [], months: []}));
    year.articles.push(...month.articles);
    year.months.push(month);
  }
  return years;
}

/** `January 2017` in the given language, independent of the machine's locale. */
export function monthTitle(year: string, month: string, language: string): string {
  return DateTime.fromObject({year: Number(year), month: Number(month), day: 1}, {zone: 'utc', locale: language}).toFormat('LLLL yyyy');
}
