import {archiveYears, monthTitle} from './plan-archive-pages.ts';
import {indexTags, relatedArticles} from './plan-related.ts';
import {slugify} from '../slugify.ts';
import {editionConfig} from '../config/editions.ts';
import type {Article, SiteConfig} from '../types.ts';

/** Where a listing page stands among its listing's pages (see {@link paginate}). */
export interface Pagination {
  /** The page's number counted from the oldest (`page/N/`); 0 for the listing's first page, which shows the newest. */
  readonly number: number;
  /** Site-root-relative paths (no leading `/`) of the page of newer articles (`previous`) and of older ones (`next`). */
  readonly previous: string | undefined;
  readonly next: string | undefined;
}

/** A listing: the front page, a section or a tag, one page of it. */
export interface ListPage {
  readonly kind: 'list';
  readonly listing: 'home' | 'section' | 'tag' | 'author' | 'year' | 'month' | 'archive';
  /** Folder of the page relative to the site root (`''` for the front page, `tag/x/page/2/`). */
  readonly path: string;
  /** Folder of the listing's first page (`''`, `tag/x/`): where its own feeds live. */
  readonly base: string;
  /** Heading of the listing (the section or tag name; the site title for home). */
  readonly title: string;
  readonly articles: readonly Article[];
  readonly pagination: Pagination;
  /** Links to sub-listings (the archive's years and months, a year's months), newest first. */
  readonly links: readonly ListLink[];
  /** The folder of the listing's edition (`fr/`; `''` for the main one), which its paths begin with. */
  readonly edition: string;
  /** Whether the listing has its own feeds (a section, tag or author with an article that is not a draft: drafts never enter a feed). */
  readonly ownFeeds: boolean;
}

/** A link from a listing to another listing, with how many articles it holds. */
export interface ListLink {
  readonly name: string;
  /** Site-root-relative folder. */
  readonly path: string;
  readonly count: number;
}

/** One article's page, with its neighbours in time in the same section, and related articles. */
export interface ArticlePage {
  readonly kind: 'article';
  readonly path: string;
  readonly article: Article;
  /** The next newer and older article in the same section (among articles without one when it has none). */
  readonly newer: Article | undefined;
  readonly older: Article | undefined;
  /** Articles sharing its tags, best first (see `relatedArticles`). */
  readonly related: readonly Article[];
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
 * each edition's ({@link planEdition}), the main one first.
 */
export function planPages(articles: readonly Article[], config: SiteConfig): PagePlan[] {
  if (config.editions.length === 1) return planEdition(articles, config);
  const of = articlesByEdition(articles, config);
  return config.editions.flatMap((edition) => planEdition(of.get(edition.path)!, editionConfig(config, edition)));
}

/**
 * The published articles of each edition, by its folder, each list in the same order (newest
 * first); a site of one edition gets the list itself, so memos keyed by it hold.
 */
export function articlesByEdition(articles: readonly Article[], config: SiteConfig): ReadonlyMap<string, readonly Article[]> {
  if (config.editions.length === 1) return new Map([[config.editions[0]!.path, articles]]);
  let split = splits.get(articles);
  if (!split) {
    const lists = new Map<string, Article[]>(config.editions.map((edition) => [edition.path, []]));
    for (const article of articles) (lists.get(article.edition) ?? lists.get('')!).push(article);
    splits.set(articles, (split = lists));
  }
  return split;
}

const splits = new WeakMap<readonly Article[], ReadonlyMap<string, readonly Article[]>>();

/**
 * Plan every page of one edition (`config.edition`, whose config `editionConfig` made) from its
 * articles: one per article, and paginated listings for the front page, each section, tag,
 * author, year and month of the archive, and the archive's index, all in the edition's folder.
 */
export function planEdition(articles: readonly Article[], config: SiteConfig): PagePlan[] {
  const prefix = config.edition.path;
  const bySection = new Map<string, Article[]>();
  const position = new Map<Article, number>();
  for (const article of articles) {
    const key = article.section ? slugify(article.section) || 'untitled' : '';
    const siblings = bySection.get(key) ?? [];
    position.set(article, siblings.push(article) - 1);
    bySection.set(key, siblings);
  }
  const byTag = indexTags(articles);
  const pages: PagePlan[] = articles.map((article) => {
    const siblings = bySection.get(article.section ? slugify(article.section) || 'untitled' : '')!;
    const index = position.get(article)!;
    return {kind: 'article', path: article.path, article, newer: siblings[index - 1], older: siblings[index + 1], related: relatedArticles(article, byTag)};
  });
  const size = config.pageSize;
  const list = (listing: ListPage['listing'], base: string, title: string, shown: readonly Article[], links: readonly ListLink[] = []) => paginate(listing, prefix + base, title, shown, size, links, prefix);
  pages.push(...list('home', '', config.title, articles));
  for (const section of sections(articles)) pages.push(...list('section', `section/${section.slug}/`, section.name, section.articles));
  for (const tag of tags(articles)) pages.push(...list('tag', `tag/${tag.slug}/`, tag.name, tag.articles));
  for (const author of authors(articles)) pages.push(...list('author', `author/${author.slug}/`, author.name, author.articles));
  const years = archiveYears(articles, config.timezone, prefix);
  const months = years.flatMap((year) => year.months);
  /** Each month's name in the site's language, `January 2017`. */
  const titles = new Map(months.map((month) => [month, monthTitle(month.year, month.month, config.language)]));
  pages.push(...list('archive', 'archive/', 'Archive', [], years.map((year) => ({name: year.year, path: year.path, count: year.articles.length}))));
  for (const year of years) {
    pages.push(...paginate('year', year.path, year.year, year.articles, size, year.months.map((month) => ({name: titles.get(month)!, path: month.path, count: month.articles.length})), prefix));
  }
  for (const month of months) pages.push(...paginate('month', month.path, titles.get(month)!, month.articles, size, [], prefix));
  return pages;
}

/** The sections of the site. */
export function sections(articles: readonly Article[]): readonly Group[] {
  return grouped(articles, 'sections', (article) => (article.section ? [article.section] : []));
}

/** The authors of the site, each with the articles they wrote or co-wrote. */
export function authors(articles: readonly Article[]): readonly Group[] {
  return grouped(articles, 'authors', (article) => article.authors);
}

/** The tags of the site. */
export function tags(articles: readonly Article[]): readonly Group[] {
  return grouped(articles, 'tags', (article) => article.tags);
}

/**
 * The pages, the feeds, the OPML list and the navigation all group the same published list:
 * each grouping is made once per list (a memo keyed by the list, which nothing changes).
 */
const groupings = new WeakMap<readonly Article[], Map<string, readonly Group[]>>();

function grouped(articles: readonly Article[], kind: string, key: (article: Article) => readonly string[]): readonly Group[] {
  let byKind = groupings.get(articles);
  if (!byKind) groupings.set(articles, (byKind = new Map()));
  let groups = byKind.get(kind);
  if (!groups) byKind.set(kind, (groups = groupBy(articles, key)));
  return groups;
}

/**
 * Split one listing (newest first) into pages that stay put as it grows: its first page,
 * `base`, shows the newest `size` articles; `base` + `page/N/` holds the N-th `size` articles
 * counted from the oldest, and exists once it is full and holds an article the first page
 * does not show, so its articles never change after. A story published shifts nothing: it
 * changes the first page and at most adds the next `page/N/` (and its older neighbour's link).
 * The first page links to the newest numbered page, which may repeat a few of its articles;
 * each numbered page links to the next newer (the first page after the newest) and older.
 */
export function paginate(listing: ListPage['listing'], base: string, title: string, articles: readonly Article[], size: number, links: readonly ListLink[] = [], edition = ''): ListPage[] {
  const count = articles.length;
  const pathOf = (number: number): string => `${base}page/${number}/`;
  const ownFeeds = (listing === 'section' || listing === 'tag' || listing === 'author') && articles.some((article) => !article.draft);
  // Full pages holding an article the first page does not show.
  const numbers = Math.max(0, Math.ceil(count / size) - 1);
  const page = (number: number, shown: readonly Article[], previous: string | undefined, next: string | undefined): ListPage => ({
    kind: 'list',
    listing,
    edition,
    path: number === 0 ? base : pathOf(number),
    base,
    title,
    articles: shown,
    links: number === 0 ? links : [],
    ownFeeds,
    pagination: {number, previous, next},
  });
  const numbered = Array.from({length: numbers}, (_, index) => {
    const number = index + 1;
    return page(number, articles.slice(count - number * size, count - index * size), number < numbers ? pathOf(number + 1) : base, number > 1 ? pathOf(number - 1) : undefined);
  });
  return [page(0, articles.slice(0, size), undefined, numbers > 0 ? pathOf(numbers) : undefined), ...numbered];
}
