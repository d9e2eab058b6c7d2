import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {archivePaths, planFeedHistory} from '../scripts/lib/feeds/plan-archives.ts';
import {archiveMonths} from '../scripts/lib/plan/plan-archive-pages.ts';
import type {Article} from '../scripts/lib/types.ts';

const at = (date: string, slug: string) => ({date, slug}) as unknown as Article;

test('should cut articles into calendar months, newest month first, keeping their order', () => {
  const articles = [at('2017-03-01T00:00:00.000Z', 'c'), at('2017-01-20T00:00:00.000Z', 'b2'), at('2017-01-02T00:00:00.000Z', 'b1'), at('2016-12-31T23:00:00.000Z', 'a')];
  const months = archiveMonths(articles, 'UTC');
  assert.equal(
    months.map((month) => [`${month.year}/${month.month}`, month.articles.map((article) => article.slug)]),
    [
      ['2017/03', ['c']],
      ['2017/01', ['b2', 'b1']],
      ['2016/12', ['a']],
    ],
  );
  assert.is(months[0]!.path, 'archive/2017/03/');
  assert.equal(archivePaths(months[0]!), {rss: 'archive/2017/03/feed.xml', atom: 'archive/2017/03/atom.xml'});
});

test('should take months in the site time zone, like article URLs', () => {
  const late = [at('2017-01-31T20:30:00.000Z', 'ferry')];
  assert.is(archiveMonths(late, 'Asia/Kolkata')[0]!.path, 'archive/2017/02/');
  assert.is(archiveMonths(late, 'UTC')[0]!.path, 'archive/2017/01/');
});

test('should plan nothing for no articles', () => {
  assert.equal(archiveMonths([], 'UTC'), []);
});

test('should archive closed months only, and keep the open month whole in the subscription feed', () => {
  const articles = [at('2017-03-03T00:00:00.000Z', 'c3'), at('2017-03-02T00:00:00.000Z', 'c2'), at('2017-03-01T00:00:00.000Z', 'c1'), at('2017-01-02T00:00:00.000Z', 'b'), at('2016-12-31T00:00:00.000Z', 'a')];
  const small = planFeedHistory(articles, 'UTC', 2);
  assert.equal(small.current.map((article) => article.slug), ['c3', 'c2', 'c1'], 'every article of the open month, more than feedSize');
  assert.equal(small.archives.map((month) => month.path), ['archive/2017/01/', 'archive/2016/12/']);
  const large = planFeedHistory(articles, 'UTC', 4);
  assert.equal(large.current.map((article) => article.slug), ['c3', 'c2', 'c1', 'b'], 'at least feedSize');
  assert.equal(planFeedHistory([], 'UTC', 2), {current: [], archives: []});
});

test.run();
