import {hash} from 'node:crypto';
import {derivedFiles} from '../images/plan-image.ts';
import type {Article, OutputOwner, SiteConfig} from '../types.ts';

/** One claimed output path: a file, or a folder kept whole for one owner (its path ends with `/`). */
export interface Claim {
  readonly path: string;
  readonly owner: OutputOwner;
}

/** Two owners of one output path: `claim` came second and is refused; `holder` has it. */
export interface Clash {
  readonly claim: Claim;
  readonly holder: Claim;
  /** `same`: one path; `case`: paths that differ only in case or Unicode normalization; `inside`: the claim is inside a folder (or file) the holder has, or the other way round. */
  readonly kind: 'same' | 'case' | 'inside';
}

/**
 * What Dateline itself writes, and where: files at the root, and folders that only Dateline
 * writes into (a listing's later pages, feeds and sub-pages all live under them, whatever
 * the articles). No article may claim a path here (the README lists them).
 */
export function reservedPaths(config: SiteConfig): Claim[] {
  const owned = (name: string, ...paths: string[]): Claim[] => paths.map((at) => ({path: at, owner: {name}}));
  /** What every edition has in its folder (the main one at the root): front page, listings, archive, search page, 404 page, feeds. */
  const editionFiles = (of: typeof owned, feeds: string): Claim[] => [
    ...of('the front page', 'index.html'),
    ...of("the front page's later pages", 'page/'),
    ...of('the section pages and feeds', 'section/'),
    ...of('the tag pages and feeds', 'tag/'),
    ...of('the author pages and feeds', 'author/'),
    ...of('the archive pages and feeds', 'archive/'),
    ...(config.search ? of('the search page', 'search/') : []),
    ...of('the 404 page', '404.html'),
    ...of(feeds, 'feed.xml', 'atom.xml', 'feed.json'),
  ];
  return [
    ...config.editions.slice(1).flatMap((edition) => editionFiles((name, ...paths) => owned(`${name} of the ${edition.lang} edition`, ...paths.map((at) => edition.path + at)), 'the feeds')),
    ...editionFiles(owned, "the site's feeds"),
    ...(config.search ? owned('the search index', 'pagefind/') : []),
    ...owned("the theme's files (templates/assets/)", 'assets/'),
    ...owned('the list of feeds', 'feeds.opml'),
    ...owned('the sitemaps', 'sitemap.xml', 'news-sitemap.xml'),
    ...owned('the rules for crawlers', 'robots.txt'),
    ...(config.cname ? owned('the custom domain (config `cname`)', 'CNAME') : []),
    ...owned("GitHub Pages' marker", '.nojekyll'),
    ...owned("serve's live reload", '__dateline/'),
  ];
}

/** The owner of an article's files: its source, and its URL for messages. */
export function articleOwner(article: Pick<Article, 'source' | 'path'>): OutputOwner {
  return {name: article.source, article: {source: article.source, url: article.path}};
}

/** An article's owner and paths, made once per article object (an unchanged article is the same object from build to build of a process). */
const claimsOf = new WeakMap<Article, {readonly owner: OutputOwner; readonly paths: readonly string[]}>();

/** {@link articleOwner} and {@link articlePaths} of an article, made once for each article object. */
export function articleClaims(article: Article): {readonly owner: OutputOwner; readonly paths: readonly string[]} {
  let made = claimsOf.get(article);
  if (!made) claimsOf.set(article, (made = {owner: articleOwner(article), paths: articlePaths(article)}));
  return made;
}

/** Every output path an article claims: its page, the images copied beside it, and every file derived of its photos (sizes, formats and crops). */
export function articlePaths(article: Pick<Article, 'path' | 'assets'>): string[] {
  return [
    `${article.path}index.html`,
    ...article.assets.flatMap((asset) => [article.path + asset.name, ...(asset.image ? derivedFiles(asset.image).map((file) => article.path + file.name) : [])]),
  ];
}

/**
 * One claim of a batch (see {@link OutputClaims.trust}): a path for its owner, or (no `owner`) for
 * the owner of what covers it already, else for `fallback` (see {@link OutputClaims.claimCovered}).
 */
export type BatchClaim = {readonly path: string; readonly owner: OutputOwner} | {readonly path: string; readonly owner?: undefined; readonly fallback: () => OutputOwner};

/** A claim the registry granted, with its place in the order claims were made. */
interface Granted extends Claim {
  readonly index: number;
  /** Granted to whoever covered the path already (see {@link OutputClaims.claimCovered}). */
  readonly covered: boolean;
}

/**
 * The registry of output paths: every path the build writes has exactly one owner. Paths
 * are compared as a case-insensitive, normalizing file system (macOS, Windows) sees them,
 * and a file may not stand where another owner needs a folder, nor inside a folder another
 * owner keeps whole. A thin collector: {@link claim} returns the clash, the caller reports it.
 *
 * A process that builds again and again (`serve`) passes the last build's registry when that
 * build had no clash: while this build makes the same claims in the same order, each is granted
 * by comparing it with the last build's (what the registry holds is then the same), and only at
 * the first difference is the registry made anew from the claims so far. At 10,000 articles
 * that is some 28,000 claims a save does not make again.
 *
 * A build in a new process passes the last clean build's batch signatures instead (see
 * {@link trust}): a batch of claims whose signature is the same is granted without a look.
 */
export class OutputClaims {
  /** Claims by folded path (a kept folder's with its trailing `/`). */
  private held = new Map<string, Granted>();
  /** The first claim below each folder, by the folder's folded path with its `/`. */
  private below = new Map<string, Granted>();
  /** Every claim granted, in order (the same owner naming a path again, too). */
  private log: Granted[] = [];
  /** While this build repeats the last one's claims: its registry, which holds them all, and how many were repeated so far. */
  private replay: {readonly log: readonly Granted[]; at: number} | undefined;
  /** The batches taken on trust and not yet in the maps, in order: entered (see {@link settle}) before any claim is checked. */
  private pending: (readonly BatchClaim[])[] = [];
  /** The last clean build's batch signatures, in order (see {@link trust}). */
  private trusted: readonly string[] = [];
  /** This build's batch signatures so far; none while it repeats the last build of its process. */
  private made: string[] | undefined = [];

  /**
   * A registry that takes the claims of `last` (a registry of a build with no clash) as granted
   * while the same ones come in the same order; or, without one, takes on trust the batches whose
   * signatures are `signatures` (the last clean build's, see {@link trust}).
   */
  static after(last: OutputClaims | undefined, signatures?: readonly string[]): OutputClaims {
    const claims = new OutputClaims();
    if (!last) {
      claims.trusted = signatures ?? [];
      return claims;
    }
    claims.made = undefined;
    claims.held = last.held;
    claims.below = last.below;
    claims.replay = {log: last.granted(), at: 0};
    return claims;
  }

  /**
   * Claim a batch of paths, in order, when it is the batch the last clean build claimed at this
   * place: its signature (a hash of this batch's paths and owners and of every batch before it)
   * is that build's. Nothing can clash then, since the same claims in the same order clashed
   * nowhere before: the batch is granted as it is, and entered into the registry only if a later
   * claim must be checked against it. A process's 28,000 claims of a warm build are one hash.
   * @returns whether the batch was granted so; if not, the caller claims each path itself (the registry is ready).
   */
  trust(batch: readonly BatchClaim[]): boolean {
    if (!this.made) return false;
    const index = this.made.length;
    let text = `${this.made[index - 1] ?? ''}\n`;
    for (const claim of batch) text += claim.owner ? `${claim.path}\0${claim.owner.name}\n` : `${claim.path}\0\n`;
    const signature = hash('sha1', text, 'base64url');
    this.made.push(signature);
    if (this.trusted[index] === signature && this.pending.length === index) {
      this.pending.push(batch);
      return true;
    }
    this.settle();
    return false;
  }

  /** This build's batch signatures, for the next build's {@link trust} (undefined: none, a batch was claimed outside {@link trust}, or the build repeated its process's last one). */
  signatures(): readonly string[] | undefined {
    return this.made;
  }

  /** Enter the batches taken on trust into the registry, as claims of their own: before a claim must be checked against them. */
  private settle(): void {
    if (this.pending.length === 0) return;
    const batches = this.pending;
    this.pending = [];
    for (const batch of batches) {
      for (const claim of batch) {
        if (claim.owner) this.add(claim.path, claim.owner, false);
        else this.add(claim.path, this.ownerOf(claim.path) ?? claim.fallback(), true);
      }
    }
  }

  /** The claims granted so far, in order. */
  private granted(): readonly Granted[] {
    return this.replay ? this.replay.log.slice(0, this.replay.at) : this.log;
  }

  /** Claim `path` (a folder kept whole when it ends with `/`) for `owner`; the clash if another owner has it. */
  claim(path: string, owner: OutputOwner, covered = false): Clash | undefined {
    this.settle();
    const replay = this.replay;
    if (replay) {
      const next = replay.log[replay.at];
      if (next && next.path === path && next.owner.name === owner.name) {
        replay.at++;
        return undefined;
      }
      this.renew();
    }
    return this.add(path, owner, covered);
  }

  /**
   * Claim `path` for the owner of what covers it already ({@link ownerOf}: a listing's files
   * are its folder's), else for `fallback`. While this build repeats the last one's claims,
   * the same path claimed this way has the same owner (the claims before it are the same),
   * so it is granted without looking the owner up.
   */
  claimCovered(path: string, fallback: () => OutputOwner): Clash | undefined {
    this.settle();
    const replay = this.replay;
    const next = replay?.log[replay.at];
    if (replay && next && next.covered && next.path === path) {
      replay.at++;
      return undefined;
    }
    return this.claim(path, this.ownerOf(path) ?? fallback(), true);
  }

  /** Stop repeating the last build: hold only the claims granted so far, made again. */
  private renew(): void {
    const granted = this.granted();
    this.replay = undefined;
    this.held = new Map();
    this.below = new Map();
    this.log = [];
    for (const claim of granted) this.add(claim.path, claim.owner, claim.covered);
  }

  private add(path: string, owner: OutputOwner, covered: boolean): Clash | undefined {
    const claim: Granted = {path, owner, index: this.log.length, covered};
    const key = folded(path);
    const other = (found: Claim | undefined): boolean => found !== undefined && found.owner.name !== owner.name;
    const same = this.held.get(key);
    if (same && (other(same) || same.path !== path)) return {claim, holder: same, kind: same.path === path ? 'same' : 'case'};
    // A folder on the way that another owner keeps whole, or a file of another owner where this needs a folder.
    for (const folder of folders(key)) {
      const holder = this.held.get(folder) ?? this.held.get(folder.slice(0, -1));
      if (holder && other(holder)) return {claim, holder, kind: 'inside'};
    }
    // Another owner's files below this path, which this would make a file or keep whole.
    const under = this.below.get(key.endsWith('/') ? key : `${key}/`);
    if (under && other(under)) return {claim, holder: under, kind: 'inside'};
    this.log.push(claim);
    if (same) return undefined;
    this.held.set(key, claim);
    for (const folder of folders(key)) if (!this.below.has(folder)) this.below.set(folder, claim);
    return undefined;
  }

  /** The claim that covers `path` (the path itself, or a folder kept whole above it), if any. */
  ownerOf(path: string): OutputOwner | undefined {
    this.settle();
    const key = folded(path);
    // While repeating, the maps hold the last build's later claims too: only those granted so far count.
    const limit = this.replay?.at ?? Infinity;
    const granted = (claim: Granted | undefined): Granted | undefined => (claim && claim.index < limit ? claim : undefined);
    const exact = granted(this.held.get(key));
    if (exact) return exact.owner;
    for (const folder of folders(key).reverse()) {
      const kept = granted(this.held.get(folder));
      if (kept) return kept.owner;
    }
    return undefined;
  }
}

/**
 * Why `clash` is refused, in words for its article's file (or, between two of Dateline's
 * own outputs, for the config's), with the rule id it is reported under.
 */
export function describeClash({claim, holder, kind}: Clash): {reason: string; rule: string} {
  const mine = claim.owner.article;
  const theirs = holder.owner.article;
  if (mine && theirs) {
    if (kind === 'same') return {reason: `same URL (${mine.url}) as ${theirs.source}: give one of them another \`slug\``, rule: 'duplicate-slug'};
    if (kind === 'case') {
      return {
        reason: `URL ${mine.url} differs only in case from ${theirs.url} of ${theirs.source}, and macOS and Windows would write both into one folder: give one of them another \`slug\``,
        rule: 'duplicate-slug',
      };
    }
    return {reason: `files of URL ${mine.url} (${claim.path}) and of ${theirs.url} of ${theirs.source} (${holder.path}) cannot both exist: give one of them another \`slug\``, rule: 'duplicate-slug'};
  }
  const article = mine ?? theirs;
  if (article) {
    const builtin = mine ? holder : claim;
    const own = mine ? claim : holder;
    const where = own.path.endsWith('/index.html') ? `URL ${article.url}` : `${own.path} (an image of URL ${article.url})`;
    const reserved = `reserved by Dateline for ${builtin.owner.name}`;
    const what =
      kind === 'same' || builtin.path === article.url
        ? `is ${reserved}`
        : kind === 'case'
          ? `differs only in case from ${builtin.path}, ${reserved}`
          : builtin.path.endsWith('/')
            ? `is inside ${builtin.path}, ${reserved}`
            : `clashes with ${builtin.path} (one name on macOS and Windows), ${reserved}`;
    return {
      reason: `${where} ${what}: give the article another \`slug\` (or change \`permalink\`; the README lists the reserved paths)`,
      rule: 'reserved-path',
    };
  }
  return {reason: `two outputs at one path: ${holder.path} (${holder.owner.name}) and ${claim.path} (${claim.owner.name})`, rule: 'output-path'};
}

/** A path as a case-insensitive, normalizing file system sees it. */
function folded(value: string): string {
  return value.normalize('NFC').toLowerCase();
}

/** The folders on the way to `key`, outermost first, each with its trailing `/` (`a/b/c` → `a/`, `a/b/`). */
function folders(key: string): string[] {
  const result: string[] = [];
  // One slice per `/`, not a join of the parts so far: claims take every output's path.
  for (let at = key.indexOf('/'); at !== -1; at = key.indexOf('/', at + 1)) result.push(key.slice(0, at + 1));
  // A kept folder (`a/b/`) is not on its own way.
  if (key.endsWith('/')) result.pop();
  return result;
}
