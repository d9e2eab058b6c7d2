import fc from 'fast-check';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import type {Article} from '../scripts/lib/types.ts';
import {articleView, readingMinutes} from '../scripts/lib/render/view-model.ts';
import {countWords} from '../scripts/lib/article/count-words.ts';
import {authorPath, encodePath, urlOf} from '../scripts/lib/urls.ts';
import {testConfig} from './helpers/config.ts';

const config = testConfig();

test('should link every author to their page under the sub-path', () => {
  const view = articleView({authors: ['Ana Lima', 'Zoë Brennan'], tags: [], corrections: [], path: 'a/', date: '2020-01-01T00:00:00.000Z', modified: '2020-01-01T00:00:00.000Z', words: 0} as unknown as Article, config);
  assert.equal(view.authors, [
    {name: 'Ana Lima', url: '/repo/author/ana-lima/'},
    {name: 'Zoë Brennan', url: '/repo/author/zoe-brennan/'},
  ]);
  assert.is(authorPath('***'), 'author/untitled/');
});

test('should give the lead image its size and an absolute URL', () => {
  const image = {src: 'photo.jpg', alt: 'A photo', width: 800, height: 450};
  const view = articleView({authors: [], tags: [], corrections: [], path: '2020/01/a/', date: '2020-01-01T00:00:00.000Z', modified: '2020-01-01T00:00:00.000Z', words: 0, image} as unknown as Article, config);
  assert.equal(view.image, {url: '/repo/2020/01/a/photo.jpg', absolute_url: 'https://owner.github.io/repo/2020/01/a/photo.jpg', alt: 'A photo', decorative: false, caption: undefined, credit: undefined, width: 800, height: 450, srcset: undefined, sizes: undefined, sources: [], crops: []});
});

test('should count reading time at 230 words a minute, at least one', () => {
  assert.is(readingMinutes(countWords('<p>Short.</p>')), 1);
  assert.is(readingMinutes(countWords(`<p>${'word '.repeat(690)}</p>`)), 3);
  assert.is(readingMinutes(countWords(`<p>${'word<em>s</em> '.repeat(460)}</p>`)), 2, 'inline tags do not split words');
  assert.is(readingMinutes(countWords(`${'<p>word</p>'.repeat(460)}`)), 2, 'paragraphs do');
});

test('should make the same absolute URL as the URL parser for any site path', () => {
  const segment = fc.oneof(fc.constantFrom('.', '..', '', 'page', '2017', 'a b', 'caf\u00e9', '%41', '?x', '#y', 'a\\b', "it's"), fc.string({maxLength: 6}));
  fc.assert(
    fc.property(fc.array(segment, {maxLength: 5}), fc.boolean(), (segments, folder) => {
      const relative = segments.join('/') + (folder ? '/' : '');
      fc.pre(!relative.startsWith('//')); // a host, not a site path
      assert.is(urlOf(config, relative), new URL(encodePath(relative), config.url).href, relative);
    }),
    {numRuns: 2000},
  );
});

test.run();
