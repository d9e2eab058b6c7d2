import type {PagePlan} from './plan-pages.ts';
import type {Article, SiteConfig} from '../types.ts';

/** One version of a page among its translations: the language (or `x-default`) and the page's folder. */
export interface Alternate {
  /** The edition's language tag, or `x-default` for the version of the main edition. */
  readonly hreflang: string;
  /** Site-root-relative folder of the page. */
  readonly path: string;
}

/** An article left out of its story's versions: another of its edition has the same `translationKey`. */
export interface TranslationClash {
  readonly article: Article;
  /** The one that stands for the edition, first by source path. */
  readonly kept: Article;
}

/** The versions of every translated page (see {@link planTranslations}). */
export interface Translations {
  /** The versions of an article's story (itself included, `x-default` last), or undefined when no other edition has one. */
  readonly of: (article: Article) => readonly Alternate[] | undefined;
  /** The versions of the front page: every edition's (undefined for a site of one edition). */
  readonly homes: readonly Alternate[] | undefined;
  readonly clashes: readonly TranslationClash[];
}

/**
 * Link the versions of each story: articles of different editions that share a
 * `translationKey` are one story's versions, each listed with its edition's language, and the
 * main edition's once more as `x-default` (Google's hreflang rules: every version names every
 * other and itself, so each set is reciprocal by construction). Only published articles that
 * are not drafts are linked, so a page never names one the public cannot read. Two of one
 * edition with one key: the first by source path stands for the edition, the other is a clash.
 */
export function planTranslations(publicArticles: readonly Article[], config: SiteConfig): Translations {
  if (config.editions.length === 1) return {of: () => undefined, homes: undefined, clashes: []};
  const order = new Map(config.editions.map((edition, index) => [edition.path, index]));
  const groups = new Map<string, Map<string, Article>>();
  const clashes: TranslationClash[] = [];
  const bySource = [...publicArticles].filter((article) => article.translationKey !== undefined).sort((a, b) => (a.source < b.source ? -1 : 1));
  for (const article of bySource) {
    const key = article.translationKey!;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new Map()));
    const kept = group.get(article.edition);
    if (kept) clashes.push({article, kept});
    else group.set(article.edition, article);
  }
  const sets = new Map<Article, readonly Alternate[]>();
  for (const group of groups.values()) {
    if (group.size < 2) continue;
    const versions = [...group.values()].sort((a, b) => order.get(a.edition)! - order.get(b.edition)!);
    // Each version in its own language: its edition's, or its own when it has another (`fr-CA` in `fr`, `de` in the main edition).
    const set = versions.map((version) => ({hreflang: version.lang ?? config.editions[order.get(version.edition)!]!.lang, path: version.path}));
    const main = group.get(config.editions[0]!.path);
    const alternates = main ? [...set, {hreflang: 'x-default', path: main.path}] : set;
    for (const version of versions) sets.set(version, alternates);
  }
  const homes = [...config.editions.map((edition) => ({hreflang: edition.lang, path: edition.path})), {hreflang: 'x-default', path: ''}];
  return {of: (article) => sets.get(article), homes, clashes};
}

/** A page's versions in other languages, as its `<head>` and the sitemap list them: a translated article's, or every edition's front page on each first front page. */
export function pageVersions(plan: PagePlan, translations: Translations): readonly Alternate[] | undefined {
  if (plan.kind === 'article') return translations.of(plan.article);
  return plan.listing === 'home' && plan.pagination.number === 0 ? translations.homes : undefined;
}
