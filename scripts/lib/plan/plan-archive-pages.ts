import {DateTime} from 'luxon';
import {dateParts} from '../dates.ts';
import type {Article} from '../types.ts';

/** One month of the archive. */
export interface ArchiveMonth {
  /** `YYYY` and `MM` in the site's time zone. */
  readonly year: string;
  readonly month: string;
  /** Site-root-relative folder, `archive/2017/01/`. */
  readonly path: string;
  /** `January 2017`, in the site's language. */
  readonly title: string;
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
 * Group the published articles (newest first) by year and month in the site's time zone,
 * newest year and month first; each group keeps the articles' order.
 */
export function archiveYears(articles: readonly Article[], timezone: string, language: string): ArchiveYear[] {
  const years = new Map<string, Map<string, Article[]>>();
  for (const article of articles) {
    const {year, month} = dateParts(article.date, timezone);
    const months = years.get(year) ?? new Map<string, Article[]>();
    const list = months.get(month) ?? [];
    list.push(article);
    months.set(month, list);
    years.set(year, months);
  }
  const descending = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);
  return [...years.keys()].sort(descending).map((year) => {
    const months = years.get(year)!;
    return {
      year,
      path: `archive/${year}/`,
      articles: [...months.keys()].sort(descending).flatMap((month) => months.get(month)!),
      months: [...months.keys()].sort(descending).map((month) => ({
        year,
        month,
        path: `archive/${year}/${month}/`,
        title: monthTitle(year, month, language),
        articles: months.get(month)!,
      })),
    };
  });
}

/** `January 2017` in the given language, independent of the machine's locale. */
export function monthTitle(year: string, month: string, language: string): string {
  return DateTime.fromObject({year: Number(year), month: Number(month), day: 1}, {zone: 'utc', locale: language}).toFormat('LLLL yyyy');
}
