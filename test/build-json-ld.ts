import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {collectionPageData, newsArticleData, serializeJsonLd, websiteData} from '../scripts/lib/render/build-json-ld.ts';
import type {Article} from '../scripts/lib/types.ts';
import {articleView} from '../scripts/lib/render/view-model.ts';
import {testConfig} from './helpers/config.ts';

const config = testConfig();
const article = {
  title: 'Headline </script><script>alert(1)</script> & more',
  summary: 'A summary.',
  excerpt: 'Opening.',
  path: '2020/01/slug/',
  date: '2020-01-01T09:00:00.000Z',
  updated: '2020-01-02T09:00:00.000Z',
  modified: '2020-01-02T09:00:00.000Z',
  authors: ['Ana Lima', 'Ben Okafor'],
  section: 'World',
  tags: ['One'],
  image: {src: 'photo.jpg', alt: 'A photo', width: 800, height: 450},
  lang: undefined,
  corrections: [],
  html: '<p>Body.</p>',
  format: 'markdown',
} as unknown as Article;

test('should describe a NewsArticle with absolute URLs', () => {
  const view = articleView(article, config);
  const data = newsArticleData(view, ['https://owner.github.io/repo/author/ana-lima/', 'https://owner.github.io/repo/author/ben-okafor/'], config);
  assert.equal(data, {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: 'A summary.',
    datePublished: '2020-01-01T09:00:00.000Z',
    dateModified: '2020-01-02T09:00:00.000Z',
    author: [
      {'@type': 'Person', name: 'Ana Lima', url: 'https://owner.github.io/repo/author/ana-lima/'},
      {'@type': 'Person', name: 'Ben Okafor', url: 'https://owner.github.io/repo/author/ben-okafor/'},
    ],
    image: ['https://owner.github.io/repo/2020/01/slug/photo.jpg'],
    publisher: {'@type': 'NewsMediaOrganization', name: config.title, url: 'https://owner.github.io/repo/', logo: {'@type': 'ImageObject', url: 'https://owner.github.io/repo/assets/icon.svg'}},
    mainEntityOfPage: {'@type': 'WebPage', '@id': 'https://owner.github.io/repo/2020/01/slug/'},
    url: 'https://owner.github.io/repo/2020/01/slug/',
    inLanguage: 'en',
    articleSection: 'World',
    keywords: ['One'],
  });
});

test('should never let a value close the script element', () => {
  const text = serializeJsonLd({headline: article.title, note: '<!-- \u2028 -->'});
  assert.not.ok(/[<>&\u2028]/.test(text));
  assert.equal(JSON.parse(text), {headline: article.title, note: '<!-- \u2028 -->'});
});

test('should describe the site and its listings', () => {
  assert.is(websiteData(config)['@type'], 'WebSite');
  assert.equal(collectionPageData('Tagged: One', 'https://owner.github.io/repo/tag/one/', config), {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: 'Tagged: One',
    url: 'https://owner.github.io/repo/tag/one/',
    inLanguage: 'en',
    isPartOf: {'@type': 'WebSite', name: config.title, url: 'https://owner.github.io/repo/'},
  });
});

test.run();
