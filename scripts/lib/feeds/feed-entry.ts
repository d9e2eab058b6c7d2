import fs from 'node:fs';
import path from 'node:path';
import {toHtml} from 'hast-util-to-html';
import {h} from 'hastscript';
import mime from 'mime';
import {formatDate} from '../dates.ts';
import {mediaTypes} from '../images/picture.ts';
import {editionAt} from '../config/editions.ts';
import type {Article, ArticleBodies, SiteConfig} from '../types.ts';
import {urlOf} from '../urls.ts';
import {stripIllegalXml} from '../xml.ts';

/** The lead image of an entry, as enclosures and `media:content` carry it. */
export interface FeedImage {
  readonly url: string;
  /** Media type from the file name (`image/svg+xml`, not `image/svg`). */
  readonly type: string | undefined;
  /** Size in bytes when the file is ours; `undefined` for a remote image. */
  readonly length: number | undefined;
  /** Pixel size, for a local raster image (of the derived file the URL points at). */
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly alt: string;
  readonly caption: string | undefined;
  readonly credit: string | undefined;
  /** A small derived JPEG or PNG for `media:thumbnail`, for a local raster image. */
  readonly thumbnail: {readonly url: string; readonly width: number; readonly height: number} | undefined;
}

/** Byte size of a derived image file by its name (known once the image stage is done), `undefined` when there is none. */
export type DerivedSizes = (name: string) => number | undefined;

/** For feeds rendered without the image stage (unit tests): no derived file is known, so a photo gets no enclosure. */
export const noDerivedSizes: DerivedSizes = () => undefined;

/** One article as every feed format carries it: plain data, every URL absolute. */
export interface FeedEntry {
  readonly id: string;
  readonly title: string;
  readonly link: string;
  /** UTC ISO: the first publication, never changed by edits. */
  readonly published: string;
  /** UTC ISO: the article's `modified` (the latest of its date, `updated` and its corrections). */
  readonly updated: string;
  readonly authors: readonly string[];
  /** Section first, then tags. */
  readonly categories: readonly string[];
  readonly summary: string | undefined;
  /** Plain text for a description every item must have: the summary, else the opening text, else the title. */
  readonly description: string;
  /** The corrections (as on the page, first), the lead figure and the body, as HTML. */
  readonly contentHtml: string;
  readonly image: FeedImage | undefined;
  readonly language: string | undefined;
}

/**
 * Turn a published article into a feed entry, with the characters XML forbids stripped so
 * every format carries the same text. Reads the size of a local lead image: of the file for
 * one copied as it is (an SVG), of its mid-size derived JPEG or PNG for a photo (`sizes`).
 *
 * @param bodies Where the body is fetched (by the article's key), unless the entry is summarized.
 * @param summarized Carry the summary (or the opening text) and a link to the page instead of
 *   the whole body: for an article too large for the feed's `feedMaxBytes` (see `fitFeedBudget`).
 */
export function feedEntry(article: Article, bodies: ArticleBodies, config: SiteConfig, summarized = false, sizes: DerivedSizes = noDerivedSizes): FeedEntry {
  const link = urlOf(config, article.path);
  const image = feedImage(article, link, config, sizes);
  return {
    id: article.id,
    title: stripIllegalXml(article.title),
    link,
    published: article.date,
    updated: article.modified,
    authors: article.authors.map(stripIllegalXml),
    categories: [...new Set([...(article.section ? [article.section] : []), ...article.tags].map(stripIllegalXml).filter(Boolean))],
    summary: article.summary === undefined ? undefined : stripIllegalXml(article.summary),
    description: [article.summary, article.excerpt, article.title].map((text) => stripIllegalXml(text ?? '')).find(Boolean) ?? '',
    contentHtml: stripIllegalXml(corrections(article, config) + leadFigure(article, image) + (summarized ? summaryWithLink(article, link, config) : bodies.body(article.key).feedHtml)),
    image,
    language: article.lang,
  };
}

function feedImage(article: Article, link: string, config: SiteConfig, sizes: DerivedSizes): FeedImage | undefined {
  const image = article.image;
  if (image?.src === undefined) return undefined;
  const absolute = (src: string) => new URL(src.split('/').map(encodeURIComponent).join('/'), link).href;
  const url = absolute(image.src);
  const text = {alt: stripIllegalXml(image.alt ?? ''), caption: image.caption && stripIllegalXml(image.caption), credit: image.credit && stripIllegalXml(image.credit)};
  const plan = image.plan;
  if (plan) {
    // A photo is published as derived files (the original is not): `src` is its mid-size JPEG or PNG.
    const {thumbnail} = plan;
    return {url, type: mediaTypes[plan.fallback], length: sizes(plan.main.name), width: plan.main.width, height: plan.main.height, ...text, thumbnail: {url: absolute(thumbnail.name), width: thumbnail.width, height: thumbnail.height}};
  }
  const local = image.sourceFile === undefined ? undefined : path.resolve(config.articlesDir, image.sourceFile);
  const length = local !== undefined && fs.existsSync(local) ? fs.statSync(local).size : undefined;
  return {url, type: mime.getType(new URL(url).pathname) ?? undefined, length, width: image.width, height: image.height, ...text, thumbnail: undefined};
}

/** The lead image (or a wire story's caption alone), caption and credit, for the top of the content. */
function leadFigure(article: Article, image: FeedImage | undefined): string {
  const caption = [article.image?.caption, article.image?.credit].filter(Boolean).join(' ');
  if (!image && !caption) return '';
  return toHtml(h('figure', [image ? h('img', {src: image.url, alt: image.alt}) : undefined, caption ? h('figcaption', caption) : undefined].filter((node) => node !== undefined)));
}

/** The article's corrections, oldest first, as on its page. */
function corrections(article: Article, config: SiteConfig): string {
  if (article.corrections.length === 0) return '';
  const edition = editionAt(config, article.edition);
  const items = article.corrections.map((correction) =>
    h('li', [h('time', {dateTime: correction.date}, formatDate(correction.date, edition.lang, config.timezone)), ': ', correction.text]),
  );
  return toHtml(h('aside', {className: ['corrections']}, [h('h2', edition.strings['corrections'] ?? 'Corrections and updates'), h('ul', items)]));
}


/** Instead of a body too large for the feed: the summary (else the opening text) and a link to the whole article. */
function summaryWithLink(article: Article, link: string, config: SiteConfig): string {
  const lead = article.summary || article.excerpt;
  const {strings} = editionAt(config, article.edition);
  return toHtml([...(lead ? [h('p', lead)] : []), h('p', [h('a', {href: link}, strings['read_whole_article'] ?? 'Read the whole article'), ` ${strings['too_long_for_feed'] ?? 'on the site (too long for this feed).'}`])]);
}
