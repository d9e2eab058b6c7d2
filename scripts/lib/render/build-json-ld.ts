import type {SiteConfig} from '../types.ts';
import type {ArticleView} from './view-model.ts';
import {urlOf} from '../urls.ts';

/**
 * Serialize structured data for a `<script type="application/ld+json">` element. JSON is
 * valid JavaScript-free data, but the HTML parser ends the element at the first `</script`,
 * so `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026` (and the two JSON-only line
 * separators escaped too): no title can close the element or open a comment.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The site's publisher: an `Organization` named after the site, with its logo (config `logo`, else the icon) by absolute URL, as Google's article guidelines ask. */
function publisher(config: SiteConfig): Record<string, unknown> {
  return {'@type': 'NewsMediaOrganization', name: config.title, url: config.url, ...(config.logo ? {logo: {'@type': 'ImageObject', url: urlOf(config, config.logo)}} : {})};
}

/**
 * schema.org `NewsArticle` for an article page: headline, description, dates, every author
 * with their page, the lead image (a photo as its 16:9, 4:3 and 1:1 crops, each an
 * `ImageObject` with its size, as Google's article guidelines ask), the publisher and the page
 * as `mainEntityOfPage`. Every URL is absolute.
 *
 * @param article The article as templates see it.
 * @param authorUrls Absolute URLs of the authors' pages, in the order of `article.authors`.
 */
export function newsArticleData(article: ArticleView, authorUrls: readonly string[], config: SiteConfig): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary ?? article.excerpt,
    datePublished: article.date.iso,
    dateModified: (article.updated ?? article.date).iso,
    author: article.authors.map((author, index) => ({'@type': 'Person', name: author.name, url: authorUrls[index]})),
    ...(article.image?.absolute_url ? {image: leadImages(article.image)} : {}),
    publisher: publisher(config),
    mainEntityOfPage: {'@type': 'WebPage', '@id': article.absolute_url},
    url: article.absolute_url,
    inLanguage: article.lang ?? config.language,
    ...(article.section ? {articleSection: article.section.name} : {}),
    ...(article.tags.length > 0 ? {keywords: article.tags.map((tag) => tag.name)} : {}),
  };
}

/** The lead image for JSON-LD: a photo's crops as `ImageObject`s, else the image's URL. */
function leadImages(image: NonNullable<ArticleView['image']>): unknown[] {
  if (image.crops.length === 0) return [image.absolute_url];
  return image.crops.map((crop) => ({'@type': 'ImageObject', url: crop.absolute_url, width: crop.width, height: crop.height}));
}

/** schema.org `WebSite` for the front page: the site's name, URL, language and publisher. */
export function websiteData(config: SiteConfig): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: config.title,
    description: config.description,
    url: config.url,
    inLanguage: config.language,
    publisher: publisher(config),
  };
}

/** schema.org `CollectionPage` for a listing (section, tag, author, archive), part of the site. */
export function collectionPageData(name: string, url: string, config: SiteConfig): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name,
    url,
    inLanguage: config.language,
    isPartOf: {'@type': 'WebSite', name: config.title, url: config.url},
  };
}
