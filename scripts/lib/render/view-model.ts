import {isRtl} from '../config/editions.ts';
import {formatDate} from '../dates.ts';
import {slugify} from '../slugify.ts';
import {columnSizes, sourcesOf, srcsetOf} from '../images/picture.ts';
import type {ImagePlan} from '../images/plan-image.ts';
import type {Article, SiteConfig} from '../types.ts';
import {authorPath, hrefOf, urlOf} from '../urls.ts';

/** A link as templates receive it. */
export interface LinkView {
  readonly name: string;
  readonly url: string;
}

/** A date as templates receive it: machine-readable and as readers see it. */
export interface DateView {
  readonly iso: string;
  readonly display: string;
}

/** A lead image as templates receive it; `width` and `height` are set for local files. */
export interface ImageView {
  readonly url: string | undefined;
  /** The same image as an absolute URL, for metadata. */
  readonly absolute_url: string | undefined;
  readonly alt: string;
  /** Marked decorative (`alt=""`, shown with `role="presentation"`). */
  readonly decorative: boolean;
  readonly caption: string | undefined;
  readonly credit: string | undefined;
  readonly width: number | undefined;
  readonly height: number | undefined;
  /** For a local photo: the fallback's widths (`srcset`), the theme column's `sizes`, and AVIF and WebP `<source>`s; else empty. */
  readonly srcset: string | undefined;
  readonly sizes: string | undefined;
  readonly sources: readonly {readonly type: string; readonly srcset: string}[];
  /** For a local photo: its 16:9, 4:3 and 1:1 crops by absolute URL (those of at least 50,000 pixels), for JSON-LD; else empty. */
  readonly crops: readonly {readonly absolute_url: string; readonly width: number; readonly height: number}[];
}

/** What templates receive as `article` (and as each item of `articles`). Documented in the README. */
export interface ArticleView {
  readonly title: string;
  readonly summary: string | undefined;
  /** Opening text, for descriptions when there is no summary. */
  readonly excerpt: string;
  readonly url: string;
  readonly absolute_url: string;
  readonly date: DateView;
  readonly updated: DateView | undefined;
  /** Every author with a link to their page. */
  readonly authors: readonly LinkView[];
  readonly section: LinkView | undefined;
  readonly tags: readonly LinkView[];
  readonly image: ImageView | undefined;
  /** Minutes a reader needs, at 230 words a minute, at least 1. */
  readonly reading_minutes: number;
  readonly dateline: string | undefined;
  /** Set when the article's language differs from its edition's (the site's); `dir` is `rtl` for right-to-left scripts. */
  readonly lang: string | undefined;
  readonly dir: 'ltr' | 'rtl';
  readonly corrections: readonly {readonly date: DateView; readonly text: string}[];
  readonly format: Article['format'];
  /** A draft (shown only with `--drafts` and under `dateline serve`). */
  readonly draft: boolean;
}

/** The page's own article: its view and its sanitized body, the only value templates insert unescaped (`| raw`). */
export interface ArticlePageView extends ArticleView {
  readonly html: string;
}

/** An article as templates see it; all URLs honour the site's sub-path. */
export function articleView(article: Article, config: SiteConfig): ArticleView {
  let byConfig = views.get(article);
  if (!byConfig) views.set(article, (byConfig = new WeakMap()));
  let view = byConfig.get(config);
  if (!view) byConfig.set(config, (view = makeArticleView(article, config)));
  return view;
}

/**
 * Views are pure functions of an article and the config, and an article shows on many pages
 * (its own, listings, neighbours, related): each is made once per build (a memo, not state).
 */
const views = new WeakMap<Article, WeakMap<SiteConfig, ArticleView>>();

function makeArticleView(article: Article, config: SiteConfig): ArticleView {
  // Its listings are its edition's, in the edition's folder.
  const prefix = config.edition.path;
  const date = (iso: string): DateView => ({iso, display: formatDate(iso, config.language, config.timezone)});
  const image = article.image;
  return {
    title: article.title,
    summary: article.summary,
    excerpt: article.excerpt,
    url: hrefOf(config, article.path),
    absolute_url: urlOf(config, article.path),
    date: date(article.date),
    updated: article.modified !== article.date ? date(article.modified) : undefined,
    authors: article.authors.map((name) => ({name, url: hrefOf(config, prefix + authorPath(name))})),
    section: article.section ? {name: article.section, url: hrefOf(config, `${prefix}section/${slugify(article.section) || 'untitled'}/`)} : undefined,
    tags: article.tags.map((tag) => ({name: tag, url: hrefOf(config, `${prefix}tag/${slugify(tag) || 'untitled'}/`)})),
    image: image
      ? {
          url: image.src === undefined ? undefined : /^https?:/i.test(image.src) ? image.src : hrefOf(config, article.path + image.src),
          absolute_url: image.src === undefined ? undefined : /^https?:/i.test(image.src) ? image.src : urlOf(config, article.path + image.src),
          alt: image.alt ?? '',
          decorative: image.decorative ?? false,
          caption: image.caption,
          credit: image.credit,
          width: image.width,
          height: image.height,
          ...pictureView(image.plan, (name) => hrefOf(config, article.path + name)),
          crops: (image.plan?.crops ?? []).map((crop) => ({absolute_url: urlOf(config, article.path + encodeURIComponent(crop.name)), width: crop.width, height: crop.height})),
        }
      : undefined,
    reading_minutes: readingMinutes(article.words),
    dateline: article.dateline,
    lang: article.lang && article.lang !== config.language ? article.lang : undefined,
    dir: isRtl(article.lang ?? config.language) ? 'rtl' : 'ltr',
    corrections: article.corrections.map((correction) => ({date: date(correction.date), text: correction.text})),
    format: article.format,
    draft: article.draft,
  };
}

/** The responsive parts of a lead image's view: every derived file as a URL under the sub-path. */
function pictureView(plan: ImagePlan | undefined, url: (name: string) => string): Pick<ImageView, 'srcset' | 'sizes' | 'sources'> {
  if (!plan) return {srcset: undefined, sizes: undefined, sources: []};
  return {srcset: srcsetOf(plan, plan.fallback, url), sizes: columnSizes, sources: sourcesOf(plan, url)};
}

/** Reading time of a body of `words` words in whole minutes at 230 words a minute, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}

