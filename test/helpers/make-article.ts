import {lastModified} from '../../scripts/lib/dates.ts';
import type {Article} from '../../scripts/lib/types.ts';

/** A complete article for unit tests: a dated Markdown story with one author, and the given overrides. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  const article: Article = {
    source: 'a.md',
    format: 'markdown',
    title: 'Title',
    slug: 'a',
    id: 'tag:fixture.example,2020:a',
    date: '2020-01-01T00:00:00.000Z',
    updated: undefined,
    authors: ['Ana Lima'],
    summary: undefined,
    excerpt: '',
    section: undefined,
    tags: [],
    image: undefined,
    draft: false,
    dateline: undefined,
    lang: undefined,
    corrections: [],
    path: '2020/01/a/',
    html: '<p>x</p>',
    feedHtml: '<p>x</p>',
    words: 1,
    feedBytes: 12,
    assets: [],
    modified: '',
    ...overrides,
  };
  return 'modified' in overrides ? article : {...article, modified: lastModified(article)};
}
