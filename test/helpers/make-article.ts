import {lastModified} from '../../scripts/lib/dates.ts';
import type {Article, ArticleBodies, ArticleBody} from '../../scripts/lib/types.ts';

/** The bodies of the articles {@link makeArticle} made, by key. */
const made = new Map<string, ArticleBody>();
let count = 0;

/** Where unit tests fetch the bodies of the articles {@link makeArticle} made, as a build fetches them by key. */
export const testBodies: ArticleBodies = {
  body: (key) => {
    const body = made.get(key);
    if (!body) throw new Error(`no body for the article with key ${key}`);
    return body;
  },
};

/**
 * A complete article for unit tests: a dated Markdown story with one author, and the given
 * overrides; its body (`html`, `feedHtml`: `<p>x</p>` unless given) is kept for {@link testBodies}.
 */
export function makeArticle(overrides: Partial<Article & ArticleBody> = {}): Article {
  const {html = '<p>x</p>', feedHtml = html, ...rest} = overrides;
  const article: Article = {
    key: `test-${++count}`,
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
    translationKey: undefined,
    edition: '',
    corrections: [],
    path: '2020/01/a/',
    words: 1,
    feedBytes: 12,
    assets: [],
    modified: '',
    ...rest,
  };
  made.set(article.key, {html, feedHtml});
  return 'modified' in overrides ? article : {...article, modified: lastModified(article)};
}
