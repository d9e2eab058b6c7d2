import {createHash} from 'node:crypto';
import type {ListPage, PagePlan} from './plan-pages.ts';
import type {Article} from '../types.ts';

/**
 * The page plans as the cache keeps them, each article as its place in the published list
 * (-1: none), in typed arrays where they are numbers: read back from the cache, 10,000 article
 * pages are two blocks of bytes, not 10,000 objects of a path, a kind and an array each.
 */
export interface PackedPlans {
  /** Per page in order: its place in {@link lists}, or -1 for an article page (the next one in {@link pages}). */
  readonly order: Int32Array;
  /** Per article page, three numbers: its article, and its newer and older neighbours. */
  readonly pages: Int32Array;
  /** Article page `n`'s related articles are `related[relatedFrom[n]]` up to `related[relatedFrom[n + 1]]`. */
  readonly related: Int32Array;
  readonly relatedFrom: Int32Array;
  /** The listing pages without their articles: listing `n`'s are `listed[listedFrom[n]]` up to `listed[listedFrom[n + 1]]`. */
  readonly lists: readonly Omit<ListPage, 'articles'>[];
  readonly listed: Int32Array;
  readonly listedFrom: Int32Array;
}

/**
 * A feed set as a build planned it: its fingerprint, which of its articles it summarized to
 * stay within `feedMaxBytes`, whether it fits at all, and the sizes of its lead images copied
 * as they are (part of the fingerprint, and read from disk: see `imageSizes`).
 */
export interface FeedSetMemo {
  readonly key: string;
  readonly summarized: readonly string[];
  readonly fits: boolean;
  readonly images: string;
}

/**
 * The last build's page plans, for the next build to take instead of planning again when the
 * site's structure is the same: `signature` stands for everything planning reads (every
 * published article's place, date, section, tags, authors and draft flag, and the settings and
 * templates), `plans` are the plans packed, `keys` each page's fingerprint, `refs` each
 * article's content key when those fingerprints were taken, and `feeds` each feed set's
 * fingerprint and budget.
 */
export interface PlanMemo {
  readonly signature: string;
  readonly plans: PackedPlans;
  readonly keys: readonly string[];
  readonly refs: readonly string[];
  /** Each feed set by the path of its RSS document (see `feedPlanner`). */
  readonly feeds?: ReadonlyMap<string, FeedSetMemo> | undefined;
  /** The build's batches of output claims, as signatures (see `OutputClaims.trust`): a build that makes the same claims in the same order takes them on trust. */
  readonly claims?: readonly string[] | undefined;
}

/**
 * What planning the pages reads, as a hash: the published articles in order with the fields
 * that place them (path, date, section, tags, authors, draft, edition, and the translation key
 * that links its versions, with its source, which decides between two of one edition), and `salt` (the templates, the
 * settings and the site data). An edit of an article's text, title or summary keeps it; a new,
 * removed or re-dated article, or a changed tag, section or author, changes it.
 */
export function planSignature(articles: readonly Article[], salt: string): string {
  const lines = articles.map((article) => {
    let line = placeLines.get(article);
    if (line === undefined) placeLines.set(article, (line = JSON.stringify([article.path, article.date, article.section ?? null, article.tags, article.authors, article.draft, article.edition, article.translationKey ?? null, article.translationKey === undefined ? null : article.source])));
    return line;
  });
  return createHash('sha1').update(salt).update('\0').update(lines.join('\0')).digest('base64url');
}

/** Each article's part of {@link planSignature}: an article is a value, so a process that plans again (`serve`) makes it once. */
const placeLines = new WeakMap<Article, string>();

/** The plans with each article as its place in `articles` (the list they were planned from). */
export function packPlans(plans: readonly PagePlan[], articles: readonly Article[]): PackedPlans {
  const place = new Map(articles.map((article, index) => [article, index]));
  const of = (article: Article | undefined): number => (article ? place.get(article)! : -1);
  const order = new Int32Array(plans.length);
  const pages: number[] = [];
  const related: number[] = [];
  const relatedFrom = [0];
  const lists: Omit<ListPage, 'articles'>[] = [];
  const listed: number[] = [];
  const listedFrom = [0];
  plans.forEach((plan, index) => {
    if (plan.kind === 'article') {
      order[index] = -1;
      pages.push(of(plan.article), of(plan.newer), of(plan.older));
      for (const other of plan.related) related.push(of(other));
      relatedFrom.push(related.length);
    } else {
      order[index] = lists.length;
      const {articles: shown, ...list} = plan;
      lists.push(list);
      for (const article of shown) listed.push(of(article));
      listedFrom.push(listed.length);
    }
  });
  return {order, pages: Int32Array.from(pages), related: Int32Array.from(related), relatedFrom: Int32Array.from(relatedFrom), lists, listed: Int32Array.from(listed), listedFrom: Int32Array.from(listedFrom)};
}

/**
 * The site's page plans, each made when first asked for: a warm build that takes the last
 * build's plans (see {@link PlanMemo}) unpacks only the pages it renders, not 17,600 plans
 * at 10,000 articles. A page's folder and article are known without unpacking its plan.
 */
export interface PagePlans {
  readonly length: number;
  /** The plan of page `index`. */
  readonly at: (index: number) => PagePlan;
  /** The folder of page `index` (`2017/01/slug/`, `tag/x/page/2/`). */
  readonly path: (index: number) => string;
  /** The article of page `index` when it is an article's page. */
  readonly article: (index: number) => Article | undefined;
  /** Every plan, in order. */
  readonly all: () => readonly PagePlan[];
}

/** Plans made by `planPages`, as {@link PagePlans}. */
export function planList(plans: readonly PagePlan[]): PagePlans {
  return {
    length: plans.length,
    at: (index) => plans[index]!,
    path: (index) => plans[index]!.path,
    article: (index) => {
      const plan = plans[index]!;
      return plan.kind === 'article' ? plan.article : undefined;
    },
    all: () => plans,
  };
}

/** Packed plans back as plans over `articles` (a list with the same signature as the one they were packed from), each unpacked when asked for. */
export function unpackPlans(packed: PackedPlans, articles: readonly Article[]): PagePlans {
  const {order, pages, related, relatedFrom, lists, listed, listedFrom} = packed;
  /** Each page's place among the article pages (-1 for a listing). */
  const ordinals = new Int32Array(order.length);
  let count = 0;
  for (let index = 0; index < order.length; index++) ordinals[index] = order[index]! < 0 ? count++ : -1;
  // Plain loops: Array.from over a typed array's view takes the slow, generic path.
  const articlesAt = (places: Int32Array, from: number, to: number): Article[] => {
    const shown = new Array<Article>(to - from);
    for (let index = from; index < to; index++) shown[index - from] = articles[places[index]!]!;
    return shown;
  };
  const at = (place: number): Article | undefined => (place < 0 ? undefined : articles[place]);
  const made = new Array<PagePlan | undefined>(order.length);
  const unpack = (index: number): PagePlan => {
    const page = ordinals[index]!;
    if (page >= 0) {
      const article = articles[pages[page * 3]!]!;
      return {kind: 'article', path: article.path, article, newer: at(pages[page * 3 + 1]!), older: at(pages[page * 3 + 2]!), related: articlesAt(related, relatedFrom[page]!, relatedFrom[page + 1]!)};
    }
    const list = order[index]!;
    return {...lists[list]!, articles: articlesAt(listed, listedFrom[list]!, listedFrom[list + 1]!)};
  };
  const plans: PagePlans = {
    length: order.length,
    at: (index) => (made[index] ??= unpack(index)),
    path: (index) => {
      const page = ordinals[index]!;
      return page >= 0 ? articles[pages[page * 3]!]!.path : lists[order[index]!]!.path;
    },
    article: (index) => {
      const page = ordinals[index]!;
      return page >= 0 ? articles[pages[page * 3]!] : undefined;
    },
    all: () => Array.from({length: order.length}, (_, index) => plans.at(index)),
  };
  return plans;
}

/** For each packed page, whether it shows or links to an article at one of `places`. */
export function showing(packed: PackedPlans, places: ReadonlySet<number>): boolean[] {
  const {order, pages, related, relatedFrom, listed, listedFrom} = packed;
  const any = (numbers: Int32Array, from: number, to: number): boolean => {
    for (let index = from; index < to; index++) if (places.has(numbers[index]!)) return true;
    return false;
  };
  const shows = new Array<boolean>(order.length);
  let page = 0;
  for (let index = 0; index < order.length; index++) {
    const list = order[index]!;
    if (list >= 0) {
      shows[index] = any(listed, listedFrom[list]!, listedFrom[list + 1]!);
    } else {
      shows[index] = any(pages, page * 3, page * 3 + 3) || any(related, relatedFrom[page]!, relatedFrom[page + 1]!);
      page++;
    }
  }
  return shows;
}
