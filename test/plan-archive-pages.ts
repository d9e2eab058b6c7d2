import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {archiveYears, monthTitle} from '../scripts/lib/plan/plan-archive-pages.ts';
import type {Article} from '../scripts/lib/types.ts';

const make = (slug: string, date: string): Article => ({slug, path: `x/${slug}/`, date}) as unknown as Article;

test('should group by year and month in the site time zone, newest first', () => {
  // 2016-12-31T20:00Z is already 1 January 2017 in Asia/Kolkata.
  const articles = [make('c', '2017-02-03T10:00:00.000Z'), make('b', '2017-01-10T10:00:00.000Z'), make('a', '2016-12-31T20:00:00.000Z'), make('z', '2016-12-01T10:00:00.000Z')];
  const years = archiveYears(articles, 'Asia/Kolkata');
  assert.equal(
    years.map((year) => [year.path, year.articles.map((article) => article.slug), year.months.map((month) => [month.path, monthTitle(month.year, month.month, 'en'), month.articles.map((article) => article.slug)])]),
    [
      ['archive/2017/', ['c', 'b', 'a'], [['archive/2017/02/', 'February 2017', ['c']], ['archive/2017/01/', 'January 2017', ['b', 'a']]]],
      ['archive/2016/', ['z'], [['archive/2016/12/', 'December 2016', ['z']]]],
    ],
  );
});

test('should name months in the site language, whatever the machine locale', () => {
  assert.is(monthTitle('2017', '03', 'de'), 'März 2017');
  assert.is(monthTitle('2017', '03', 'en-GB'), 'March 2017');
});

test.run();
