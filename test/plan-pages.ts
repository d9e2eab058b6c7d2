import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {planPages, sortArticles, type ListPage} from '../scripts/lib/plan/plan-pages.ts';
import type {Article} from '../scripts/lib/types.ts';
import {testConfig} from './helpers/config.ts';

const make = (slug: string, date: string, tags: string[] = [], section?: string, authors: string[] = ['Staff']): Article =>
  ({slug, path: `x/${slug}/`, date, tags, section, authors, title: slug}) as unknown as Article;

test('should sort newest first with the path as a stable tiebreak', () => {
  const sorted = sortArticles([make('b', '2020-01-01'), make('a', '2020-01-01'), make('c', '2020-02-01')]);
  assert.equal(sorted.map((article) => article.slug), ['c', 'a', 'b']);
});

test('should paginate the front page, sections, tags, authors and the archive', () => {
  const articles = sortArticles([make('a', '2020-01-01', ['Ünïcode Tag']), make('b', '2020-01-02', ['x'], 'World'), make('c', '2020-01-03', ['x'], 'World')]);
  const plans = planPages(articles, testConfig({pageSize: 2}));
  const lists = plans.filter((plan): plan is ListPage => plan.kind === 'list');
  assert.equal(
    lists.map((plan) => [plan.path, plan.articles.map((article) => article.slug).join(','), plan.pagination.previous ?? '-', plan.pagination.next ?? '-']),
    [
      ['', 'c,b', '-', 'page/1/'],
      ['page/1/', 'b,a', '', '-'],
      ['section/world/', 'c,b', '-', '-'],
      ['tag/unicode-tag/', 'a', '-', '-'],
      ['tag/x/', 'c,b', '-', '-'],
      ['author/staff/', 'c,b', '-', 'author/staff/page/1/'],
      ['author/staff/page/1/', 'b,a', 'author/staff/', '-'],
      ['archive/', '', '-', '-'],
      ['archive/2020/', 'c,b', '-', 'archive/2020/page/1/'],
      ['archive/2020/page/1/', 'b,a', 'archive/2020/', '-'],
      ['archive/2020/01/', 'c,b', '-', 'archive/2020/01/page/1/'],
      ['archive/2020/01/page/1/', 'b,a', 'archive/2020/01/', '-'],
    ],
  );
  assert.equal(lists.find((plan) => plan.path === 'archive/')?.links, [{name: '2020', path: 'archive/2020/', count: 3}]);
  assert.equal(lists.find((plan) => plan.path === 'archive/2020/')?.links, [{name: 'January 2020', path: 'archive/2020/01/', count: 3}]);
});

test('should link each article to its neighbours in the same section', () => {
  const articles = sortArticles([make('a', '2020-01-01', [], 'World'), make('b', '2020-01-02'), make('c', '2020-01-03', [], 'world'), make('d', '2020-01-04', [], 'Sport'), make('e', '2020-01-05')]);
  const neighbours = planPages(articles, testConfig())
    .filter((plan) => plan.kind === 'article')
    .map((plan) => [plan.article.slug, plan.newer?.slug ?? '-', plan.older?.slug ?? '-']);
  assert.equal(neighbours, [
    ['e', '-', 'b'],
    ['d', '-', '-'],
    ['c', '-', 'a'],
    ['b', 'e', '-'],
    ['a', 'c', '-'],
  ]);
});

test('should give each author a page with every article they wrote or co-wrote', () => {
  const articles = sortArticles([make('a', '2020-01-01', [], undefined, ['Ana Lima']), make('b', '2020-01-02', [], undefined, ['Ana Lima', 'Ben Okafor'])]);
  const lists = planPages(articles, testConfig()).filter((plan): plan is ListPage => plan.kind === 'list' && plan.listing === 'author');
  assert.equal(lists.map((plan) => [plan.path, plan.title, plan.articles.map((article) => article.slug)]), [
    ['author/ana-lima/', 'Ana Lima', ['b', 'a']],
    ['author/ben-okafor/', 'Ben Okafor', ['b']],
  ]);
});

test('should give an empty site one front page', () => {
  const plans = planPages([], testConfig());
  assert.equal(plans.map((plan) => plan.path), ['', 'archive/']);
});

test('should number listing pages from the oldest, so a new article changes only the first page and adds at most one', () => {
  const site = (count: number) => sortArticles(Array.from({length: count}, (_, index) => make(`a${String(index).padStart(2, '0')}`, `2020-01-01T00:${String(index).padStart(2, '0')}:00Z`)));
  const home = (count: number) =>
    new Map(
      planPages(site(count), testConfig({pageSize: 5}))
        .filter((plan): plan is ListPage => plan.kind === 'list' && plan.listing === 'home')
        .map((plan) => [plan.path, JSON.stringify([plan.articles.map((article) => article.slug), plan.pagination])]),
    );
  for (let count = 1; count < 30; count++) {
    const before = home(count);
    const after = home(count + 1);
    const changed = [...after].filter(([path, page]) => before.get(path) !== page).map(([path]) => path);
    assert.ok([...before.keys()].every((path) => after.has(path)), `${count}: no page goes away`);
    assert.ok(changed.length <= 3 && changed.includes(''), `${count} → ${count + 1}: ${changed.join(', ')}`);
    const added = [...after.keys()].filter((path) => !before.has(path));
    assert.ok(added.length <= 1, `${count}: at most one new page`);
    // Every article is on the first page or a numbered page; a numbered page is full.
    const listed = new Set([...after.values()].flatMap((page) => JSON.parse(page)[0] as string[]));
    assert.is(listed.size, count + 1, `${count + 1}: every article is listed`);
    for (const [path, page] of after) if (path !== '') assert.is((JSON.parse(page)[0] as string[]).length, 5, path);
  }
});

test.run();
