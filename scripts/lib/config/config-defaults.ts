/**
 * Every default setting of Dateline, in one place. A site's `dateline.config.yaml`
 * overrides these; the `SITE_URL` environment variable and command-line flags override that.
 * The README's configuration table is written from this file.
 */
export const configDefaults = {
  /** Site title: header, `<title>` suffix and the feeds' title. */
  title: 'Dateline',
  /** Meta description of the front page and subtitle of the feeds. */
  description: 'News',
  /** Public root URL, with its sub-path (`https://owner.github.io/repo/`). */
  url: 'http://localhost:8080/',
  /** BCP 47 language tag. */
  language: 'en',
  /** IANA time zone for dates written without an offset and for displayed dates. */
  timezone: 'UTC',
  /** Byline when an article names no author. */
  author: 'Staff',
  /** Footer line and feeds' rights; empty for none. */
  copyright: '',
  /** Permanent feed-id prefix (a `tag:` URI). Empty: minted once from the url's host; set it before the site moves. */
  idBase: '',
  /** Items in the main feeds. */
  feedSize: 20,
  /** The largest a feed document (RSS, Atom, JSON Feed; main, section, tag, archive) may be, in bytes (1 MiB): an item that would pass it carries its summary and a link to the page instead. */
  feedMaxBytes: 1_048_576,
  /** Articles on each listing page. */
  pageSize: 10,
  /** Article URL pattern: `:year`, `:month`, `:day`, `:slug`, `:section`. */
  permalink: ':year/:month/:slug/',
  /** Read all of GitHub Flavored Markdown (bare URLs as links, footnotes, task lists); off: tables and strikethrough only, about twice as fast. */
  gfm: false,
  /** Build the full-text search page and its Pagefind index; off for a site that needs no search (or uses another), and for faster builds. */
  search: true,
  /** Articles per search-index shard, counted from the oldest: an edit re-indexes only its shard; the search page loads every shard. */
  searchShardSize: 1000,
  /** Extra wire-copy trailing-chrome patterns (regular expressions, case-insensitive). */
  chromePatterns: [] as string[],
  /** The site's icon (`<link rel="icon">`), a file in the theme's `assets/` folder; empty for none. Without it browsers ask for `/favicon.ico`. */
  icon: 'icon.svg',
  /** The publisher's logo in JSON-LD (`publisher.logo`), a file in the theme's `assets/` folder; empty: the icon. */
  logo: '',
  /** A WebSub hub (`https://pubsubhubbub.appspot.com/`): every feed links it (`rel="hub"`), and `dateline ping` tells it which feeds the last build changed; empty for none. */
  websubHub: '',
  /** Custom domain for GitHub Pages (`news.example.com`), written to `CNAME`; empty for none. */
  cname: '',
  /** Largest article file, in bytes (10 MB); a larger one is an error, and is never read. */
  maxArticleBytes: 10_000_000,
  /** Widths, in pixels, each local photo is published at (never wider than the original), in AVIF, WebP and JPEG or PNG. */
  imageWidths: [480, 800, 1200, 1600] as number[],
  /** Publish each local photo's original file too (with its metadata, GPS included); off: only the derived sizes, metadata stripped. */
  publishOriginals: false,
  /** Largest local image, in pixels (100 megapixels): a larger one (or a decompression bomb) is an error. */
  maxImagePixels: 100_000_000,
  /** Article sources, relative to the site folder. */
  articlesDir: 'articles',
  /** Output folder, relative to the site folder. */
  outDir: 'dist',
  /** Templates and theme assets, relative to the site folder. */
  templatesDir: 'templates',
  /** The build cache (parsed articles, what the last build wrote), relative to the site folder. */
  cacheDir: 'node_modules/.cache/dateline',
} as const;

/** The config file looked for in the site folder. */
export const configFileName = 'dateline.config.yaml';
