/**
 * The plain data that flows between the build's stages.
 * Everything untrusted (front matter, article text, config) is parsed from
 * `unknown` into these shapes at the boundary; nothing past it re-validates.
 */

import type {ImagePlan} from './images/plan-image.ts';

/** The site configuration after defaults < config file < env < flags are merged and validated. */
/**
 * One edition of the site: its articles in one language, with their own front page, listings,
 * search page, 404 page and feeds under `path` (`fr/`; `''` for the main edition, at the root).
 * A site without `editions` has one, the main, made from `language`, `title` and `description`.
 */
export interface Edition {
  /** BCP 47 language tag (`fr`, `ar`, `pt-BR`): of its pages, feeds, search index and dates. */
  readonly lang: string;
  readonly title: string;
  readonly description: string;
  /** Folder of the edition relative to the site root, ending in `/`; `''` for the main edition. */
  readonly path: string;
  /** Written right to left (`ar`, `he`, `fa` …): its pages carry `dir="rtl"`. */
  readonly dir: 'ltr' | 'rtl';
  /** The theme's words in the edition's language (`templates/strings/<lang>.yaml`, English for keys it lacks). */
  readonly strings: Readonly<Record<string, string>>;
}

export interface SiteConfig {
  /** Site title, shown in the header and used as the feeds' title. */
  readonly title: string;
  /** One-sentence description: meta description of the front page, feed subtitle. */
  readonly description: string;
  /** Public root URL with its sub-path and a trailing slash, e.g. `https://owner.github.io/repo/`. */
  readonly url: string;
  /** The path part of `url`, always starting and ending with `/` (e.g. `/repo/`). */
  readonly basePath: string;
  /** BCP 47 language tag of the site (`en`, `en-GB`, `ar`). */
  readonly language: string;
  /** IANA time zone in which dates without an offset are read and dates are shown. */
  readonly timezone: string;
  /** Author used when an article names none. */
  readonly author: string;
  /** Copyright line for the footer and the feeds' rights. */
  readonly copyright: string;
  /** Permanent prefix for feed item ids (a `tag:` URI), independent of `url`. */
  readonly idBase: string;
  /** How many items the main feeds carry. */
  readonly feedSize: number;
  /** The largest a feed document may be, in bytes: items that would pass it carry their summary and a link instead. */
  readonly feedMaxBytes: number;
  /** How many articles a listing page shows. */
  readonly pageSize: number;
  /** Article URL pattern relative to the root: tokens `:year`, `:month`, `:day`, `:slug`, `:section`. */
  readonly permalink: string;
  /** Extra trailing-chrome patterns for wire copy (regular expressions, case-insensitive). */
  readonly chromePatterns: readonly string[];
  /** Read all of GitHub Flavored Markdown (bare URLs, footnotes, task lists), not only tables and strikethrough. */
  readonly gfm: boolean;
  /** Build the search page and its Pagefind index. */
  readonly search: boolean;
  /** Articles per search-index shard, counted from the oldest (see `plan-search-shards.ts`). */
  readonly searchShardSize: number;
  /** Largest article file read, in bytes. */
  readonly maxArticleBytes: number;
  /** Widths local photos are published at (never wider than the original). */
  readonly imageWidths: readonly number[];
  /** Publish local photos' original files too (metadata and all). */
  readonly publishOriginals: boolean;
  /** Largest local image, in pixels; a larger one is an error. */
  readonly maxImagePixels: number;
  /** Folder of article sources. */
  readonly articlesDir: string;
  /** Output folder. */
  readonly outDir: string;
  /** Folder of templates and theme assets. */
  readonly templatesDir: string;
  /** Folder of the build cache; `undefined` when `--no-cache` turns it off. */
  readonly cacheDir: string | undefined;
  /** The build's notion of now (UTC ISO): articles dated later are not published yet. `--now` pins it. */
  readonly now: string;
  /** Publish drafts too (`--drafts`, for previews). */
  readonly drafts: boolean;
  /** Site path of the icon linked by every page (`assets/icon.svg`); empty for none. */
  readonly icon: string;
  /** Site path of the publisher's logo in JSON-LD (the icon unless set); empty for none. */
  readonly logo: string;
  /** URL of the WebSub hub every feed links (`rel="hub"`) and `dateline ping` notifies; empty for none. */
  readonly websubHub: string;
  /** Custom domain written to `CNAME` for GitHub Pages; empty for none. */
  readonly cname: string;
  /** Pages load the live-reload script (`dateline serve` only; never in a published build). */
  readonly liveReload: boolean;
  /** Every edition, the main one (at the root) first; one, the main, when the config has no `editions`. */
  readonly editions: readonly Edition[];
  /**
   * The edition this config renders: the main one for the site's config; each edition's pages,
   * listings and feeds are made with a config of their own (`editionConfig`), whose `title`,
   * `description` and `language` are the edition's.
   */
  readonly edition: Edition;
  /** Where the config came from, for messages (`undefined` when only defaults were used). */
  readonly configPath: string | undefined;
}

/** A lead image: a file next to the article, or an absolute URL; wire copy may have only caption and credit. */
export interface ArticleImage {
  /** URL relative to the article page or absolute; absent when wire copy carries only a caption. */
  readonly src?: string;
  readonly alt?: string;
  /** Marked decorative in front matter (`decorative: true`): no alt text, shown with `role="presentation"`. */
  readonly decorative?: boolean;
  readonly caption?: string;
  readonly credit?: string;
  /** Source file to copy next to the article page, relative to the articles folder. */
  readonly sourceFile?: string;
  /** Intrinsic size of a local image, read from the file (of the main derived file, for a raster image). */
  readonly width?: number;
  readonly height?: number;
  /** For a local raster image: the sizes and formats derived from it (`src` is the main one). */
  readonly plan?: ImagePlan;
}

/** A local file an article uses: copied next to its page, or, for a raster image, derived. */
export interface ArticleAsset {
  /** Absolute source path. */
  readonly from: string;
  /** File name in the page's folder (of the original, published only with `publishOriginals`). */
  readonly name: string;
  /** For a raster image: the sizes and formats the image stage derives. */
  readonly image?: ImagePlan;
  /** For a file copied as it is (an SVG): the hash of its bytes when the article was parsed (a raster image's is its plan's). */
  readonly sourceHash?: string;
  /** Where the article references it, for the image stage's messages. */
  readonly place?: {readonly line: number; readonly column: number};
}

/**
 * One article as plain data, without its body: all that listings, neighbours, related links,
 * feeds' metadata and the cache's index need. Its body is fetched by `key` when a page, a feed
 * entry or the search record shows it (see `ArticleBodies`). Dates are ISO 8601 strings in UTC
 * (`2017-01-16T09:00:00.000Z`).
 */
export interface Article {
  /** The article's cache key (its source path and text, the parse settings, the tool's version): what its body is fetched by. */
  readonly key: string;
  /** Source path relative to the articles folder, with `/` separators. */
  readonly source: string;
  readonly format: 'markdown' | 'wire';
  readonly title: string;
  readonly slug: string;
  /** Permanent id for feeds (front matter `id`, or minted from `idBase` and the slug). */
  readonly id: string;
  readonly date: string;
  readonly updated: string | undefined;
  /**
   * When the article last changed, as every consumer tells readers and crawlers (feeds' `updated`,
   * JSON-LD `dateModified`, `article:modified_time`, the sitemap's `lastmod`, the page's "Updated"
   * line): the latest of `date`, `updated` and the corrections' dates (see `lastModified`).
   */
  readonly modified: string;
  readonly authors: readonly string[];
  readonly summary: string | undefined;
  /** Plain text of the opening paragraph, cut to about 200 characters: the description when there is no summary. */
  readonly excerpt: string;
  readonly section: string | undefined;
  readonly tags: readonly string[];
  readonly image: ArticleImage | undefined;
  readonly draft: boolean;
  /** Where the story was filed from. */
  readonly dateline: string | undefined;
  /** The article's language when it differs from the site's. */
  readonly lang: string | undefined;
  /** Front matter `translationKey`: articles of different editions that share it are versions of one story. */
  readonly translationKey: string | undefined;
  /** The folder of the article's edition (`fr/`; `''` for the main one): the edition of its `lang`, which its path begins with. */
  readonly edition: string;
  /** Corrections, oldest first; dates as UTC ISO strings. */
  readonly corrections: readonly {readonly date: string; readonly text: string}[];
  /** Output path of the page's folder relative to the site root, e.g. `2017/01/slug/` (never starts with `/`). */
  readonly path: string;
  /** Words in the body, for the reading time (counted once, so listings never need the body). */
  readonly words: number;
  /** Bytes the body takes in a feed (its absolute-URL HTML as a JSON string, the largest of the formats): what `feedMaxBytes` is weighed against without reading the body. */
  readonly feedBytes: number;
  /** Local files (images) to copy into the page's folder, or to derive sizes of. */
  readonly assets: readonly ArticleAsset[];
}

/** An article's body, fetched by the article's key. */
export interface ArticleBody {
  /** Sanitized HTML of the body; links in it are relative to the page. */
  readonly html: string;
  /** The same body with every URL absolute, for feeds. */
  readonly feedHtml: string;
}

/** Where a build fetches article bodies: this build's fresh parses, and the cache's body file for the rest. */
export interface ArticleBodies {
  /** The body of the article with key `key`; throws when there is none (a key no article of this build has). */
  readonly body: (key: string) => ArticleBody;
}

/** Who an output path belongs to, in the registry of output paths (`claim-outputs.ts`). */
export interface OutputOwner {
  /** How messages name it: an article's source path, or what Dateline writes there ("the search page"). */
  readonly name: string;
  /** The article, when it is one's page or image: its source and URL path. */
  readonly article?: {readonly source: string; readonly url: string};
}

/** A file the build emits, relative to the output folder; `owner` is set for an article's files (others are Dateline's own). */
export type OutputFile = {readonly owner?: OutputOwner} & (
  | {readonly path: string; readonly contents: string | Uint8Array}
  | {readonly path: string; readonly copyFrom: string}
  | {
      readonly path: string;
      /** A fingerprint of everything the file is made from: when it matches the last build's, `render` is skipped. */
      readonly key: string;
      readonly render: () => string | Uint8Array;
      /** A page plan a worker thread can render instead (see `render-in-parallel.ts`), made when asked for; the same result as `render`. */
      readonly plan?: () => unknown;
      /** Rendered only once the image stage is done (feeds carry the derived photos' byte sizes); pages never wait for it. */
      readonly awaits?: 'images';
    }
);
