import {slugify} from './slugify.ts';
import type {Article, SiteConfig} from './types.ts';

/** Links to a listing's pages. */
export interface Pagination {
  readonly current: number;
  readonly total: number;
  /** Site-root-relative paths (no leading `/`) of the previous and next pages. */
  readonly previous: string | undefined;
  readonly next: string | undefined;
}

/** A listing: the front page, a section or a tag, one page of it. */
export interface ListPage {
  readonly kind: 'list';
  readonly listing: 'home' | 'section' | 'tag';
  /** Folder of the page relative to the site root (`''` for the front page, `tag/x/page/2/`). */
  readonly path: string;
  /** Folder of the listing's first page (`''`, `tag/x/`): where its own feeds live. */
  readonly base: string;
  /** Heading of the listing (the section or tag name; the site title for home). */
  readonly title: string;
  readonly articles: readonly Article[];
  readonly pagination: Pagination;
}

/** One article's page, with its neighbours in time. */
export interface ArticlePage {
  readonly kind: 'article';
  readonly path: string;
  readonly article: Article;
  readonly newer: Article | undefined;
  readonly older: Article | undefined;
}

export type PagePlan = ArticlePage | ListPage;

/** A named group of articles: a section or a tag. */
export interface Group {
  readonly name: string;
  readonly slug: string;
  readonly articles: readonly Article[];
}

/**
 * Order articles newest first, ties broken by path: a stable order on any machine.
 */
export function sortArticles(articles: readonly Article[]): Article[] {
  return [...articles].sort((a, b) => (a.date === b.date ? (a.path < b.path ? -1 : 1) : a.date < b.date ? 1 : -1));
}

/** Group articles by section or tag, groups sorted by slug; names whose slugs collide merge. */
export function groupBy(articles: readonly Article[], key: (article: Article) => readonly string[]): Group[] {
  const groups = new Map<string, {name: string; articles: Article[]}>();
  for (const article of articles) {
    for (const name of key(article)) {
      const slug = slugify(name) || 'untitled';
      const group = groups.get(slug) ?? {name, articles: []};
      group.articles.push(article);
      groups.set(slug, group);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([slug, group]) => ({slug, name: group.name, articles: group.articles}));
}

/**
 * Plan every page of the site from the published articles (already sorted newest first):
 * one per article, and paginated listings for the front page, each section and each tag.
 */
export function planPages(articles: readonly Article[], config: SiteConfig): PagePlan[] {
  const pages: PagePlan[] = articles.map((article, index) => ({
    kind: 'article',
    path: article.path,
    article,
    newer: articles[index - 1],
    older: articles[index + 1],
  }));
  pages.push(...paginate('home', '', config.title, articles, config.pageSize));
  for (const section of sections(articles)) pages.push(...paginate('section', `section/${section.slug}/`, section.name, section.articles, config.pageSize));
  for (const tag of tags(articles)) pages.push(...paginate('tag', `tag/${tag.slug}/`, tag.name, tag.articles, config.pageSize));
  return pages;
}

/** The sections of the site. */
export function sections(articles: readonly Article[]): Group[] {
  return groupBy(articles, (article) => (article.section ? [article.section] : []));
}

/** The tags of the site. */
export function tags(articles: readonly Article[]): Group[] {
  return groupBy(articles, (article) => article.tags);
}

function paginate(listing: ListPage['listing'], base: string, title: string, articles: readonly Article[], size: number): ListPage[] {
  const total = Math.max(1, Math.ceil(articles.length / size));
  const pathOf = (n: number): string => (n === 1 ? base : `${base}page/${n}/`);
  return Array.from({length: total}, (_, index) => ({
    kind: 'list' as const,
    listing,
    path: pathOf(index + 1),
    base,
    title,
    articles: articles.slice(index * size, (index + 1) * size),
    pagination: {
      current: index + 1,
      total,
      previous: index > 0 ? pathOf(index) : undefined,
      next: index + 1 < total ? pathOf(index + 2) : undefined,
    },
  }));
}
