import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {archivePaths, planArchives, planFeedHistory} from '../scripts/lib/feeds/plan-archives.ts';
import type {Article} from '../scripts/lib/types.ts';

const at = (date: string, slug: string) => ({date, slug}) as unknown as Article;

test('should cut articles into calendar months, newest month first, keeping their order', () => {
  const articles = [at('2017-03-01T00:00:00.000Z', 'c'), at('2017-01-20T00:00:00.000Z', 'b2'), at('2017-01-02T00:00:00.000Z', 'b1'), at('2016-12-31T23:00:00.000Z', 'a')];
  const months = planArchives(articles, 'UTC');
  assert.equal(
    months.map((month) => [month.key, month.articles.map((article) => article.slug)]),
    [
      ['2017/03', ['c']],
      ['2017/01', ['b2', 'b1']],
      ['2016/12', ['a']],
    ],
  );
  assert.equal(months[0]!.paths, {rss: 'archive/2017/03/feed.xml', atom: 'archive/2017/03/atom.xml'});
});

test('should take months in the site time zone, like article URLs', () => {
  const late = [at('2017-01-31T20:30:00.000Z', 'ferry')];
  assert.is(planArchives(late, 'Asia/Kolkata')[0]!.key, '2017/02');
  assert.is(planArchives(late, 'UTC')[0]!.key, '2017/01');
});

test('should plan nothing for no articles', () => {
  assert.equal(planArchives([], 'UTC'), []);
  assert.equal(archivePaths('2020/05'), {rss: 'archive/2020/05/feed.xml', atom: 'archive/2020/05/atom.xml'});
});

test('should archive closed months only, and keep the open month whole in the subscription feed', () => {
  const articles = [at('2017-03-03T00:00:00.000Z', 'c3'), at('2017-03-02T00:00:00.000Z', 'c2'), at('2017-03-01T00:00:00.000Z', 'c1'), at('2017-01-02T00:00:00.000Z', 'b'), at('2016-12-31T00:00:00.000Z', 'a')];
  const small = planFeedHistory(articles, 'UTC', 2);
  assert.equal(small.current.map((article) => article.slug), ['c3', 'c2', 'c1'], 'every article of the open month, more than feedSize');
  assert.equal(small.archives.map((month) => month.key), ['2017/01', '2016/12']);
  const large = planFeedHistory(articles, 'UTC', 4);
  assert.equal(large.current.map((article) => article.slug), ['c3', 'c2', 'c1', 'b'], 'at least feedSize');
  assert.equal(planFeedHistory([], 'UTC', 2), {current: [], archives: []});
});

test.run();
