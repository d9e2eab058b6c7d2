import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {indexTags, relatedArticles} from '../scripts/lib/plan-related.ts';
import type {Article} from '../scripts/lib/types.ts';

const make = (slug: string, date: string, tags: string[]): Article => ({slug, path: `x/${slug}/`, date, tags}) as unknown as Article;

test('should rank by shared tags, then newest, then path', () => {
  const self = make('self', '2020-01-10', ['Harbour', 'Ferries', 'Weather']);
  const articles = [
    self,
    make('one-old', '2020-01-01', ['harbour']),
    make('two', '2020-01-02', ['Harbour', 'Weather']),
    make('one-new-b', '2020-01-05', ['Ferries']),
    make('one-new-a', '2020-01-05', ['Weather']),
    make('none', '2020-01-09', ['Sport']),
  ];
  assert.equal(relatedArticles(self, indexTags(articles), 4).map((article) => article.slug), ['two', 'one-new-a', 'one-new-b', 'one-old']);
  assert.equal(relatedArticles(self, indexTags(articles)).map((article) => article.slug), ['two', 'one-new-a', 'one-new-b']);
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

test.run();
