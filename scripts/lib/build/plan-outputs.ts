import {createHash} from 'node:crypto';
import type {VFile} from 'vfile';
import {FeedItemStore, feedItems, type FeedItems, type KeptFeedItems, type StoredFeedItems} from '../feeds/feed-items.ts';
import {feedPlanner} from '../feeds/plan-feed-sets.ts';
import type {DerivedSizes} from '../feeds/feed-entry.ts';
import type {FeedSizeReport} from '../feeds/fit-feed-budget.ts';
import {frontMatterPlace, reportClash} from '../plan/check-collisions.ts';
import {describeClash, type BatchClaim, type OutputClaims} from '../plan/claim-outputs.ts';
import {digest, hashFolder, refOf as ref} from '../plan/fingerprint.ts';
import {packPlans, planList, planSignature, showing, unpackPlans, type PlanMemo} from '../plan/plan-memo.ts';
import {articlesByEdition, planPages, sections, type PagePlan} from '../plan/plan-pages.ts';
import {planTranslations, type TranslationClash} from '../plan/plan-translations.ts';
import {editionConfig} from '../config/editions.ts';
import type {Emitter} from '../render/emit/context.ts';
import {emitAssets} from '../render/emit/emit-assets.ts';
import {emitCname} from '../render/emit/emit-cname.ts';
import {emitFeeds} from '../render/emit/emit-feeds.ts';
import {emitListingFeeds} from '../render/emit/emit-listing-feeds.ts';
import {emitOpml} from '../render/emit/emit-opml.ts';
import {emitPages} from '../render/emit/emit-pages.ts';
import {emitSitemaps} from '../render/emit/emit-sitemaps.ts';
import {emitSpecialPages} from '../render/emit/emit-special-pages.ts';
import {cardRenderer, createEngine, siteView, type CardRenderer, type EditionView} from '../render/render-pages.ts';
import {fail, withoutStacks} from '../report/report-issues.ts';
import type {Article, ArticleBodies, OutputFile, SiteConfig} from '../types.ts';
import {hrefOf} from '../urls.ts';
import {publicOnly} from './select-published.ts';

/** Every output the site will have, planned (pages and feeds render later, when due), with what renders them. */
export interface PlannedOutputs {
  readonly files: readonly OutputFile[];
  readonly pages: number;
  readonly feeds: number;
  /** Each edition's `site` and config, main first: what its pages render with (see `PageJob`). */
  readonly views: readonly EditionView[];
  /** Each article's card, rendered once per build for every listing. */
  readonly cards: CardRenderer;
  /** Articles whose `translationKey` another of their edition has already (warned about on the later file). */
  readonly translationClashes: readonly TranslationClash[];
  /** Each article's feed entry and items, made once per build for every feed. */
  readonly feedItems: FeedItems;
  /** The feed items to keep in the build cache for the next build, once the feeds are rendered (`undefined`: the same as the last build kept). */
  readonly storedItems: () => StoredFeedItems | undefined;
  /** What the author should hear about the feeds' size budget. */
  readonly feedSizes: readonly FeedSizeReport[];
  /** This build's page plans and fingerprints, for the next build (see `PlanMemo`). */
  readonly memo: PlanMemo;
  /** How the pages were planned, for `--verbose`: planned afresh, or taken from the last build with so many fingerprints taken again. */
  readonly planning: string;
}

/** The emitters after `emitPages`, in order; each adds some of the site's files. */
const emitters: readonly Emitter[] = [emitSpecialPages, emitFeeds, emitListingFeeds, emitOpml, emitSitemaps, emitAssets, emitCname];

/**
 * The plan step: run every emitter over the published articles. Nothing is rendered here:
 * pages and feeds carry a fingerprint and a way to render them, and the render step renders
 * those whose fingerprint differs from the last build's. When the site's structure is the
 * last build's (`previous`, see `planSignature`), its page plans are taken as they were, and
 * only the pages that show or link to a changed article get their fingerprint taken again.
 * With `keptItems` (a process that builds again and again), feed items of its earlier builds are
 * taken; with `storedItems` (the build cache's), those the last build kept.
 */
export function planOutputs(
  articles: readonly Article[],
  config: SiteConfig,
  bodies: ArticleBodies,
  derivedSizes: DerivedSizes,
  previous?: PlanMemo | undefined,
  keptItems?: KeptFeedItems | undefined,
  storedItems?: StoredFeedItems | undefined,
): PlannedOutputs {
  const engine = createEngine(config);
  const publicArticles = publicOnly(articles);
  // Each edition with its own config, `site` (its sections in its navigation) and cards.
  const ownArticles = articlesByEdition(articles, config);
  const ownPublic = articlesByEdition(publicArticles, config);
  const editions = config.editions.map((edition) => {
    const own = editionConfig(config, edition);
    const shown = ownArticles.get(edition.path)!;
    const site = siteView(own, sections(shown).map((section) => ({name: section.name, url: hrefOf(own, `${edition.path}section/${section.slug}/`)})));
    return {config: own, site, publicArticles: ownPublic.get(edition.path)!, cards: cardRenderer(engine, site, own)};
  });
  const byPath = new Map(editions.map((edition) => [edition.config.edition.path, edition]));
  const editionOf = (folder: string) => byPath.get(folder) ?? editions[0]!;
  const site = editions[0]!.site;
  const cards: CardRenderer = {
    card: (article) => editionOf(article.edition).cards.card(article),
    rendered: () => editions.reduce((sum, edition) => sum + edition.cards.rendered(), 0),
  };
  const translations = planTranslations(publicArticles, config);
  const {now: _now, ...settings} = config;
  const salt = createHash('sha1').update(`${hashFolder(config.templatesDir)}\0${JSON.stringify(settings)}\0${JSON.stringify(editions.map((edition) => edition.site))}`).digest('base64url');
  const store = new FeedItemStore(storedItems, salt);
  const items = feedItems(config, bodies, derivedSizes, keptItems && {store: keptItems, salt}, {store, ref});
  // Each article's ref: a page's fingerprint names every article it shows.
  const refs = articles.map(ref);
  const signature = planSignature(articles, salt);
  const reused = previous?.signature === signature ? previous : undefined;
  const plans = reused ? unpackPlans(reused.plans, articles) : planList(planPages(articles, config));
  /** Places of the articles whose content changed since the last build's fingerprints. */
  const changed = new Set(reused ? refs.flatMap((value, index) => (value === reused.refs[index] ? [] : [index])) : []);
  /** The last build's fingerprint of each page none of whose articles changed. */
  const touched = reused ? showing(reused.plans, changed) : [];
  const knownKeys = reused ? reused.keys.map((key, index) => (touched[index] ? undefined : key)) : [];
  const feedSizes: FeedSizeReport[] = [];
  const keys = {digest: (plain: unknown) => digest(plain, salt), ref};
  const lastFeeds = reused?.feeds && {sets: reused.feeds, changed: new Set([...changed].map((index) => articles[index]!))};
  const feedSets = feedPlanner(config, keys, items, (report) => void feedSizes.push(report), lastFeeds);
  let publicPlans: readonly PagePlan[] | undefined;
  const context = {
    config,
    articles,
    plans,
    publicArticles,
    publicPlans: () => (publicPlans ??= publicArticles === articles ? plans.all() : planPages(publicArticles, config)),
    engine,
    site,
    editions,
    translations,
    bodies,
    card: cards.card,
    knownPageKey: (index: number) => knownKeys[index],
    ref,
    signature,
    digest: keys.digest,
    feeds: feedSets,
  };
  const pageFiles = emitPages(context);
  const files = [...pageFiles, ...emitters.flatMap((emit) => emit(context))];
  const pages = files.filter((file) => file.path.endsWith('.html')).length;
  const feeds = files.filter((file) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file.path)).length;
  // emitPages makes one file per plan, in the plans' order.
  const memo: PlanMemo = {signature, plans: reused?.plans ?? packPlans(plans.all(), articles), keys: pageFiles.map((file) => ('key' in file ? file.key : '')), refs, feeds: feedSets.memo()};
  const rekeyed = knownKeys.filter((key) => key === undefined).length;
  const planning = reused ? `pages from the last build, ${rekeyed} of ${plans.length} fingerprinted again; ${feedSets.replanned()} of ${feedSets.memo().size} feed sets planned again` : `${plans.length} pages planned`;
  const views = editions.map(({config: own, site: view}) => ({config: own, site: view}));
  return {files, pages, feeds, views, cards, translationClashes: translations.clashes, feedItems: items, storedItems: () => store.stored(), feedSizes, memo, planning};
}

/**
 * Tell the author about the feeds' size budget, once per article: a note (rule `feed-size`) on
 * each article whose items carry its summary instead of its body, naming the feeds; a warning on
 * the config for a document that passes `feedMaxBytes` even with every item summarized.
 * Decided when the feeds are planned, so warm and cold builds say the same.
 */
export function reportFeedSizes(reports: readonly FeedSizeReport[], config: SiteConfig, configFile: VFile, files: ReadonlyMap<string, VFile>): void {
  withoutStacks(() => addFeedSizeNotes(reports, config, configFile, files));
}

function addFeedSizeNotes(reports: readonly FeedSizeReport[], config: SiteConfig, configFile: VFile, files: ReadonlyMap<string, VFile>): void {
  const documents = new Map<string, string[]>();
  for (const report of reports) {
    if (report.kind === 'over') {
      const message = configFile.message(
        `${report.document} (and its Atom and JSON forms) holds ${report.items} articles, more than fit in \`feedMaxBytes\` (${config.feedMaxBytes} bytes) even as summaries; raise \`feedMaxBytes\` or lower \`feedSize\``,
        {ruleId: 'feed-size', source: 'dateline'},
      );
      message.fatal = false;
      continue;
    }
    const list = documents.get(report.article.path) ?? [];
    list.push(report.document);
    documents.set(report.article.path, list);
  }
  for (const [articlePath, list] of documents) {
    const file = files.get(articlePath);
    if (!file) continue;
    const named = list.length > 4 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} more` : list.join(', ');
    file.info(
      `too long for the feeds' budget (\`feedMaxBytes\`: ${config.feedMaxBytes} bytes): its item in ${named} (and their Atom and JSON forms) carries its summary and a link to the page instead of the whole article`,
      {ruleId: 'feed-size', source: 'dateline'},
    );
  }
}

/**
 * Warn on each article whose `translationKey` an earlier one of its edition (by source path)
 * has already: only that one is linked as the edition's version of the story (rule `translation-key`).
 */
export function reportTranslationClashes(clashes: readonly TranslationClash[], files: ReadonlyMap<string, VFile>): void {
  withoutStacks(() => {
    for (const {article, kept} of clashes) {
      const file = files.get(article.source);
      if (!file) continue;
      const message = file.message(
        `\`translationKey: ${article.translationKey}\` is ${kept.source}'s too, in the same edition (${article.lang ?? 'the main language'}): a story has one version per language, so only ${kept.source} is linked to its translations; give this article its own key, or remove one of the two`,
        {ruleId: 'translation-key', source: 'dateline', place: frontMatterPlace(file, 'translationKey')},
      );
      message.fatal = false;
    }
  });
}

/**
 * Claim every planned output in the registry of output paths: an article's are its own, the
 * rest Dateline's. A clash is reported on the article's file (at its `slug:` line) or the config.
 * Offered as one batch first: the last clean build's batch is granted without a look (`OutputClaims.trust`).
 * @returns whether every path was free.
 */
export function claimOutputs(outputs: readonly OutputFile[], claims: OutputClaims, fileOf: ReadonlyMap<string, VFile>, configFile: VFile): boolean {
  const covered = (output: OutputFile) => () => ({name: `Dateline's ${output.path}`});
  if (claims.trust(outputs.map((output): BatchClaim => (output.owner ? {path: output.path, owner: output.owner} : {path: output.path, fallback: covered(output)})))) return true;
  let clear = true;
  for (const output of outputs) {
    const clash = output.owner ? claims.claim(output.path, output.owner) : claims.claimCovered(output.path, covered(output));
    if (!clash) continue;
    clear = false;
    const article = clash.claim.owner.article ?? clash.holder.owner.article;
    const file = (article && fileOf.get(article.source)) ?? configFile;
    if (file === configFile) fail(file, describeClash(clash).reason, undefined, describeClash(clash).rule);
    else reportClash(file, clash);
  }
  return clear;
}
