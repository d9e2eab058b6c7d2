import fc from 'fast-check';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {indexTags, relatedArticles} from '../scripts/lib/plan/plan-related.ts';
import type {Article} from '../scripts/lib/types.ts';

const make = (slug: string, date: string, tags: string[]): Article => ({slug, path: `x/${slug}/`, date, tags}) as unknown as Article;

test('should rank by shared tags, then nearest in time, then newest, then path', () => {
  const self = make('self', '2020-01-10', ['Harbour', 'Ferries', 'Weather']);
  const articles = [
    self,
    make('one-old', '2020-01-01', ['harbour']),
    make('two', '2020-01-02', ['Harbour', 'Weather']),
    make('one-new-b', '2020-01-05', ['Ferries']),
    make('one-new-a', '2020-01-05', ['Weather']),
    make('one-later', '2020-01-15', ['Weather']),
    make('one-much-later', '2020-02-20', ['Ferries']),
    make('none', '2020-01-09', ['Sport']),
  ];
  assert.equal(relatedArticles(self, indexTags(articles), 6).map((article) => article.slug), ['two', 'one-later', 'one-new-a', 'one-new-b', 'one-old', 'one-much-later']);
  assert.equal(relatedArticles(self, indexTags(articles)).map((article) => article.slug), ['two', 'one-later', 'one-new-a']);
});

test('should keep a new story out of the related lists of articles far from it in time', () => {
  const old = Array.from({length: 6}, (_, index) => make(`old-${index}`, `2020-01-0${index + 1}`, ['Harbour']));
  const before = indexTags(old);
  const after = indexTags([...old, make('new', '2020-06-01', ['Harbour'])]);
  for (const article of old.slice(0, 4)) {
    assert.equal(relatedArticles(article, after).map((other) => other.slug), relatedArticles(article, before).map((other) => other.slug), article.slug);
  }
});

test('should give the same ranking whatever the input order', () => {
  const self = make('self', '2020-01-10', ['a']);
  const others = ['p', 'q', 'r', 's'].map((slug) => make(slug, '2020-01-01', ['a']));
  assert.equal(relatedArticles(self, indexTags([self, ...others])), relatedArticles(self, indexTags([...others].reverse())));
});

test('should relate nothing to an article without tags', () => {
  const self = make('self', '2020-01-10', []);
  assert.equal(relatedArticles(self, indexTags([self, make('other', '2020-01-01', [])])), []);
});

test('should rank as comparing every pair would, on any site', () => {
  const tagNames = ['Harbour', 'harbour', 'Ferries', 'Weather', 'Sport', 'Rail'];
  const site = fc.array(fc.record({day: fc.integer({min: 1, max: 9}), tags: fc.uniqueArray(fc.constantFrom(...tagNames), {maxLength: 4})}), {maxLength: 40});
  fc.assert(
    fc.property(site, fc.integer({min: 1, max: 6}), (specs, limit) => {
      const articles = specs.map((spec, index) => make(`a${index}`, `2020-01-0${spec.day}`, spec.tags));
      const index = indexTags(articles);
      const keys = (article: Article) => new Set(article.tags.map((tag) => tag.toLowerCase()));
      for (const article of articles) {
        const mine = keys(article);
        const naive = articles
          .filter((other) => other !== article)
          .map((other) => ({other, shared: [...keys(other)].filter((tag) => mine.has(tag)).length}))
          .filter(({shared}) => shared > 0)
          .sort(
            (a, b) =>
              b.shared - a.shared ||
              Math.abs(Date.parse(a.other.date) - Date.parse(article.date)) - Math.abs(Date.parse(b.other.date) - Date.parse(article.date)) ||
              (a.other.date === b.other.date ? (a.other.path < b.other.path ? -1 : 1) : a.other.date < b.other.date ? 1 : -1),
          )
          .slice(0, limit)
          .map(({other}) => other.slug);
        assert.equal(relatedArticles(article, index, limit).map((other) => other.slug), naive);
      }
    }),
  );
});

test.run();
