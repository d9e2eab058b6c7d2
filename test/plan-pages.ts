import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {planPages, sortArticles, type ListPage} from '../scripts/lib/plan-pages.ts';
import type {Article} from '../scripts/lib/types.ts';
import {testConfig} from './helpers/config.ts';

const make = (slug: string, date: string, tags: string[] = [], section?: string): Article =>
  ({slug, path: `x/${slug}/`, date, tags, section, title: slug}) as unknown as Article;

test('should sort newest first with the path as a stable tiebreak', () => {
  const sorted = sortArticles([make('b', '2020-01-01'), make('a', '2020-01-01'), make('c', '2020-02-01')]);
  assert.equal(sorted.map((article) => article.slug), ['c', 'a', 'b']);
});

test('should paginate the front page, sections and tags', () => {
  const articles = sortArticles([make('a', '2020-01-01', ['Ünïcode Tag']), make('b', '2020-01-02', ['x'], 'World'), make('c', '2020-01-03', ['x'], 'World')]);
  const plans = planPages(articles, testConfig({pageSize: 2}));
  const lists = plans.filter((plan): plan is ListPage => plan.kind === 'list');
  assert.equal(
    lists.map((plan) => [plan.path, plan.articles.map((article) => article.slug).join(','), plan.pagination.previous ?? '-', plan.pagination.next ?? '-']),
    [
      ['', 'c,b', '-', 'page/2/'],
      ['page/2/', 'a', '', '-'],
      ['section/world/', 'c,b', '-', '-'],
      ['tag/unicode-tag/', 'a', '-', '-'],
      ['tag/x/', 'c,b', '-', '-'],
    ],
  );
  const article = plans.find((plan) => plan.kind === 'article' && plan.article.slug === 'b');
  assert.ok(article && article.kind === 'article');
  assert.is(article.newer?.slug, 'c');
  assert.is(article.older?.slug, 'a');
});

test('should give an empty site one front page', () => {
  const plans = planPages([], testConfig());
  assert.is(plans.length, 1);
  assert.is(plans[0]!.path, '');
});

test.run();
