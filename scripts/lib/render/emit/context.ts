import type {Liquid} from 'liquidjs';
import type {FeedPlanner} from '../../feeds/plan-feed-sets.ts';
import type {PagePlans} from '../../plan/plan-memo.ts';
import type {PagePlan} from '../../plan/plan-pages.ts';
import type {Translations} from '../../plan/plan-translations.ts';
import type {SiteView} from '../render-pages.ts';
import type {Article, ArticleBodies, OutputFile, SiteConfig} from '../../types.ts';

/** One edition as the emitters make it: its own config (`editionConfig`), `site`, articles and cards. */
export interface EditionContext {
  /** The site's config with the edition's title, description and language (`config.edition` is the edition). */
  readonly config: SiteConfig;
  readonly site: SiteView;
  /** The edition's published articles without drafts, newest first. */
  readonly publicArticles: readonly Article[];
}

/** What every emitter receives: the published articles (newest first) and the shared tools. */
export interface EmitContext {
  /** Every edition, the main one (at the root) first; one for a site without `editions`. */
  readonly editions: readonly EditionContext[];
  /** The versions of each translated page, for hreflang links (see `planTranslations`). */
  readonly translations: Translations;
  readonly config: SiteConfig;
  /** Published articles, newest first (drafts and future-dated ones left out). */
  readonly articles: readonly Article[];
  /**
   * The same without drafts (the same list when there are none): what feeds, sitemaps, the OPML
   * list and the search index hold, since drafts (shown by `--drafts` and `serve`) stay private.
   */
  readonly publicArticles: readonly Article[];
  /** The pages the site has without its drafts ({@link plans} when there are none): what the sitemap lists. */
  readonly publicPlans: () => readonly PagePlan[];
  /** Every HTML page of the site, planned once (`planPages`) or taken from the last build, shared by the pages and the sitemap. */
  readonly plans: PagePlans;
  readonly engine: Liquid;
  /** The main edition's `site`. */
  readonly site: SiteView;
  /** Every article's body, fetched by key when its page renders. */
  readonly bodies: ArticleBodies;
  /** The fingerprint of the page planned at `index` of {@link plans} when the last build's still holds (none of its articles changed), else undefined. */
  readonly knownPageKey: (index: number) => string | undefined;
  /** An article's card as listings show it (in its edition's words), rendered once per build. */
  readonly card: (article: Article) => string;
  /** A short string that stands for an article's content in a fingerprint (its content key). */
  readonly ref: (article: Article) => string;
  /** The build's plan signature (`planSignature`): a hash of everything that places the articles on pages, with the settings. */
  readonly signature: string;
  /**
   * A fingerprint of plain data (articles in it already {@link ref}s), salted with the
   * templates, the settings and the site data: give it to a lazy output as its `key`.
   */
  readonly digest: (plain: unknown) => string;
  /** Plans each feed set (its budget, reported on the articles and the config after planning, and its fingerprint), from the build's feed items. */
  readonly feeds: FeedPlanner;
}


/** An emitter turns the site into some of its output files. Pure: it writes nothing itself. */
export type Emitter = (context: EmitContext) => OutputFile[];
