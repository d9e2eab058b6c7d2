import {createHash, hash, randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import v8 from 'node:v8';
import type {MessageData, ParseOutcome} from '../article/parse-batch.ts';
import type {Article, ArticleBodies, ArticleBody, SiteConfig} from '../types.ts';
import type {SourceStamp} from '../source/load-articles.ts';
import type {Generation, Manifest, OutputState} from '../output/write-output.ts';
import type {StoredFeedItems} from '../feeds/feed-items.ts';
import type {PackedPlans, PlanMemo} from '../plan/plan-memo.ts';


/** Where an article's bodies sit in the cache's body file. */
interface BodyPlace {
  readonly offset: number;
  readonly length: number;
}

interface IndexEntry {
  readonly article: Article | undefined;
  readonly messages: readonly MessageData[];
  readonly body: BodyPlace | undefined;
}

/** What the cache holds, as values. */
interface CacheState {
  readonly bodies: string;
  readonly bodyBytes: number;
  readonly entries: ReadonlyMap<string, IndexEntry>;
  /** What the writer knows of each output folder it wrote (by absolute path). */
  readonly outputs: ReadonlyMap<string, OutputState>;
  /** Each readable source as last seen (by path), so unchanged files are not read again. */
  readonly sources: ReadonlyMap<string, SourceStamp>;
  /** When the scan that saw `sources` began (ms since the epoch). */
  readonly scannedAt: number;
  /** The last search index's shards, oldest first: each one's key and file paths (relative to its bundle folder); its files are in `search-<key>.bin`. */
  readonly search: readonly SearchShardState[] | undefined;
  /** The last build's page plans and fingerprints. */
  readonly plan: PlanMemo | undefined;
  /** Feed items the last build kept for the next (see `FeedItemStore`). */
  readonly feedItems: StoredFeedItems | undefined;
}

/**
 * The index file: the small part of the state, and the names of the part files that hold the
 * large parts (the entries in {@link entryShards} shards by key, the sources, each writer's
 * manifest, the page plans). A part file is never changed once written: a save writes only the
 * parts whose values changed and names the others again, so a warm build that changed one
 * article writes one shard of entries, not the whole index (19 MB at 10,000 articles).
 */
interface IndexFile {
  readonly version: string;
  readonly bodies: string;
  readonly bodyBytes: number;
  /** One part name per shard ('' for an empty shard). */
  readonly entries: readonly string[];
  readonly outputs: ReadonlyMap<string, {readonly current: GenerationFile | undefined; readonly spare: GenerationFile | undefined}>;
  readonly sources: string;
  readonly scannedAt: number;
  readonly search: readonly SearchShardState[] | undefined;
  readonly plan: (Omit<PlanMemo, 'plans'> & {readonly plans: string}) | undefined;
  /** The part of the feed items kept for the next build ('' for none). */
  readonly feedItems: string;
}

/** An output folder's generation, its manifest in a part file. */
interface GenerationFile {
  readonly identity: string;
  readonly manifest: string;
}

/** How many shards the entries are kept in: a changed article rewrites its shard only. */
const entryShards = 16;

/** An entry as a shard compares it: the same key, article, messages and body place mean the same bytes. */
type ShardItem = readonly [key: string, article: Article | undefined, messages: readonly MessageData[], offset: number, length: number];

/** An entry as its shard's part file holds it: a {@link ShardItem} with the article as its values in {@link articleFields} order. */
type StoredItem = readonly [key: string, article: readonly unknown[] | undefined, messages: readonly MessageData[], offset: number, length: number];

/**
 * An article's fields in the order parsing makes them. The cache keeps each article as its
 * values in this order, not as an object: the reader of an object looks up each of its keys
 * again, and 10,000 articles of 23 keys each were read back a third slower (140 against 100 ms).
 */
const articleFields = ['key', 'source', 'format', 'title', 'slug', 'id', 'date', 'updated', 'modified', 'authors', 'summary', 'excerpt', 'section', 'tags', 'image', 'draft', 'dateline', 'lang', 'translationKey', 'edition', 'corrections', 'path', 'words', 'feedBytes', 'assets'] as const satisfies readonly (keyof Article)[];

/** Does not compile while a field of `Article` is missing from {@link articleFields}: it would be lost in the cache. */
const everyArticleField: [Exclude<keyof Article, (typeof articleFields)[number]>] extends [never] ? true : never = true;
void everyArticleField;

/** An article as the cache keeps it. */
function packArticle(article: Article): unknown[] {
  return articleFields.map((field) => article[field]);
}

/**
 * An article the cache kept, as the object parsing made, its fields in the same order: written
 * out, since one literal makes every article the same shape at once (a loop over
 * {@link articleFields} adding one key at a time was slower than reading objects).
 * `test/build-cache.ts` checks it against {@link packArticle}.
 */
function unpackArticle(v: readonly unknown[]): Article {
  return {key: v[0], source: v[1], format: v[2], title: v[3], slug: v[4], id: v[5], date: v[6], updated: v[7], modified: v[8], authors: v[9], summary: v[10], excerpt: v[11], section: v[12], tags: v[13], image: v[14], draft: v[15], dateline: v[16], lang: v[17], translationKey: v[18], edition: v[19], corrections: v[20], path: v[21], words: v[22], feedBytes: v[23], assets: v[24]} as Article;
}

/** A search shard the cache keeps: its key and its files' paths, relative to its bundle folder. */
interface SearchShardState {
  readonly key: string;
  readonly paths: readonly string[];
}

/** A search shard's file, relative to its bundle folder, read from the cache only if the writer needs its bytes. */
export interface CachedSearchFile {
  readonly path: string;
  readonly render: () => string | Uint8Array;
}

/** What one build leaves for the next. */
export interface CacheUpdate {
  /** This build's parse outcomes by article key: only these are kept. */
  readonly outcomes: ReadonlyMap<string, ParseOutcome>;
  /** Every readable source as this build saw it, and when its scan began (none: sources are read again). */
  readonly sources?: ReadonlyMap<string, SourceStamp> | undefined;
  readonly scannedAt?: number | undefined;
  /** The output folder written and what the writer knows of it. */
  readonly outDir?: string | undefined;
  readonly output?: OutputState | undefined;
  /**
   * This build's search shards, oldest first, with the files of those it made (not taken from the
   * cache), to keep for the next; undefined when search is off (the last shards are kept).
   */
  readonly search?: readonly {readonly key: string; readonly files?: readonly {readonly path: string; readonly contents: string | Uint8Array}[] | undefined}[] | undefined;
  /** This build's page plans and fingerprints, for the next build to take if the site's structure stays. */
  readonly plan?: PlanMemo | undefined;
  /** Feed items to keep for the next build; `undefined`: those the cache holds stay. */
  readonly feedItems?: StoredFeedItems | undefined;
}

/**
 * The persistent build cache. The index (every parsed article as plain data with its messages,
 * and what the writer knows of the output) is small and read whole; the article bodies live in
 * an append-only file and are read by key only when a page, feed entry or search record that
 * shows them is made ({@link bodies}), so a warm build reads and writes little more than the index.
 */
export class BuildCache {
  /** Outcomes by article key, without their bodies. */
  readonly articles = new Map<string, ParseOutcome>();
  /** What the writer knows of each output folder (`dist/`, and `serve`'s and `check`'s temporary ones), by absolute path. */
  outputs = new Map<string, OutputState>();
  /** Each readable source as the last build saw it. */
  sources: ReadonlyMap<string, SourceStamp> = new Map();
  /** When the scan that saw `sources` began (ms since the epoch; 0 when none did). */
  scannedAt = 0;
  /** The last build's page plans and fingerprints (see `PlanMemo`). */
  plan: PlanMemo | undefined;
  /** Feed items the last build kept (see `FeedItemStore`). */
  feedItems: StoredFeedItems | undefined;
  private search: IndexFile['search'];
  private readonly places = new Map<string, BodyPlace>();
  private fd: number | undefined;
  private bodyFile = 'bodies-0.bin';
  /** Body files another tool version left, removed at the next {@link save}. */
  private staleBodies: readonly string[] = [];
  private bodyBytes = 0;
  /** The index file as this cache last read or wrote it (see {@link reuse}); none when it read nothing. */
  private indexStamp: string | undefined;
  /** Without a cache folder: the temporary folder this build's bodies are stashed in, removed at {@link close}. */
  private scratch: string | undefined;
  /** The part files of what this cache holds, and what each holds, so a save writes only what changed. */
  private shards: readonly {readonly name: string; readonly items: readonly ShardItem[]}[] = [];
  private sourcesPart: {readonly name: string; readonly value: ReadonlyMap<string, SourceStamp>} | undefined;
  private plansPart: {readonly name: string; readonly value: PackedPlans} | undefined;
  private feedItemsPart: {readonly name: string; readonly value: StoredFeedItems | undefined} = {name: '', value: undefined};
  private readonly manifestParts = new WeakMap<Manifest, string>();

  private constructor(
    private readonly dir: string | undefined,
    private readonly version: string,
  ) {}

  /** Open the cache in `dir` (undefined: a cache that remembers nothing). A missing, corrupt or other-version cache is empty. */
  static open(dir: string | undefined, version: string): BuildCache {
    const cache = new BuildCache(dir, version);
    if (!dir) return cache;
    try {
      const indexFd = fs.openSync(path.join(dir, 'index.v8'), 'r');
      let index: IndexFile;
      let stamp: string;
      try {
        stamp = stampOf(fs.fstatSync(indexFd));
        index = v8.deserialize(fs.readFileSync(indexFd)) as IndexFile;
      } finally {
        fs.closeSync(indexFd);
      }
      if (index.version !== version) return cache.afresh();
      cache.hold(cache.readParts(index), stamp);
    } catch {
      // None yet, corrupt, or a part gone (another build's save removed it meanwhile): an empty cache.
      cache.close();
      return new BuildCache(dir, version).afresh();
    }
    return cache;
  }

  /**
   * An empty cache (none yet, or a folder another tool version or a corrupt index left): its bodies go to
   * a body file of a new name, and the old ones are removed when this cache saves (the old parts
   * and search files are, since the index it writes names none of them). Else an upgrade would
   * leave the last version's body file behind for good (70 MB at 10,000 articles).
   */
  private afresh(): this {
    const old = fs.existsSync(this.dir!) ? fs.readdirSync(this.dir!).filter((name) => /^bodies-\d+\.bin$/.test(name)) : [];
    const last = Math.max(-1, ...old.map((name) => Number(/\d+/.exec(name)![0])));
    this.bodyFile = `bodies-${last + 1}.bin`;
    this.staleBodies = old;
    return this;
  }

  /** The state `index` describes, its parts read from their files (and remembered, for {@link save}). */
  private readParts(index: IndexFile): CacheState {
    const read = (name: string): unknown => v8.deserialize(fs.readFileSync(path.join(this.dir!, name)));
    const entries = new Map<string, IndexEntry>();
    this.shards = index.entries.map((name) => {
      const stored = name ? (read(name) as StoredItem[]) : [];
      const items = stored.map(([key, values, messages, offset, length]): ShardItem => {
        const article = values && unpackArticle(values);
        entries.set(key, {article, messages, body: offset < 0 ? undefined : {offset, length}});
        return [key, article, messages, offset, length];
      });
      return {name, items};
    });
    const sources = read(index.sources) as ReadonlyMap<string, SourceStamp>;
    this.sourcesPart = {name: index.sources, value: sources};
    const generation = (file: GenerationFile | undefined): Generation | undefined => {
      if (!file) return undefined;
      const manifest = read(file.manifest) as Manifest;
      this.manifestParts.set(manifest, file.manifest);
      return {identity: file.identity, manifest};
    };
    const outputs = new Map([...index.outputs].map(([dir, state]) => [dir, {current: generation(state.current), spare: generation(state.spare)}]));
    let plan: PlanMemo | undefined;
    if (index.plan) {
      plan = {...index.plan, plans: read(index.plan.plans) as PackedPlans};
      this.plansPart = {name: index.plan.plans, value: plan.plans};
    }
    const feedItems = index.feedItems ? (read(index.feedItems) as StoredFeedItems) : undefined;
    this.feedItemsPart = {name: index.feedItems, value: feedItems};
    return {bodies: index.bodies, bodyBytes: index.bodyBytes, entries, outputs, sources, scannedAt: index.scannedAt, search: index.search, plan, feedItems};
  }

  /**
   * Hold `state` (read from the cache folder, or just saved there) and its index file's
   * `stamp`, with its body file open (the one already open, unless the state names another).
   */
  private hold(state: CacheState, stamp: string): void {
    if (this.fd === undefined || state.bodies !== this.bodyFile) {
      const fd = fs.openSync(path.join(this.dir!, state.bodies), 'r');
      this.close();
      this.fd = fd;
    }
    this.bodyFile = state.bodies;
    this.bodyBytes = state.bodyBytes;
    this.articles.clear();
    this.places.clear();
    for (const [key, entry] of state.entries) {
      if (entry.body) this.places.set(key, entry.body);
      this.articles.set(key, {article: entry.article, messages: entry.messages});
    }
    this.outputs = new Map(state.outputs);
    this.sources = state.sources;
    this.scannedAt = state.scannedAt;
    this.search = state.search;
    this.plan = state.plan;
    this.feedItems = state.feedItems;
    this.indexStamp = stamp;
  }

  /**
   * The cache a build of this process left open (`kept`), when it is still what the cache
   * folder holds (no other build has saved since, the same tool version); else the cache read
   * again from `dir`. So `serve` reads the index once, not on every save.
   */
  static reuse(kept: BuildCache | undefined, dir: string | undefined, version: string): BuildCache {
    if (kept && dir && kept.dir === dir && kept.version === version && kept.indexStamp !== undefined) {
      try {
        if (stampOf(fs.statSync(path.join(dir, 'index.v8'))) === kept.indexStamp) return kept;
      } catch {
        // Gone: read again below.
      }
    }
    kept?.close();
    return BuildCache.open(dir, version);
  }

  /**
   * A search shard an earlier build made with key `key` (the same articles, the same way): its
   * files, each read from `search-<key>.bin` only if the writer needs its bytes (its output
   * file is not already the same).
   */
  searchShard(key: string): CachedSearchFile[] | undefined {
    const shard = this.search?.find((candidate) => candidate.key === key);
    if (!this.dir || !shard) return undefined;
    const file = path.join(this.dir, searchFile(shard.key));
    if (!fs.existsSync(file)) return undefined;
    let contents: Map<string, string | Uint8Array> | undefined;
    const load = () => (contents ??= new Map((v8.deserialize(fs.readFileSync(file)) as {path: string; contents: string | Uint8Array}[]).map((entry) => [entry.path, entry.contents])));
    return shard.paths.map((relative) => ({path: relative, render: () => load().get(relative)!}));
  }

  /** The keys of the last search index's shards, oldest first (`serve` shows an earlier shard rather than wait for a new one). */
  lastSearchShards(): readonly string[] {
    return this.search?.map((shard) => shard.key) ?? [];
  }

  /**
   * This build's article bodies by key: those parsed now from their outcomes, the others read
   * from the body file each time one is asked for (a page, a feed entry and a search record each
   * ask once at most, and only when they are made).
   */
  bodies(outcomes: ReadonlyMap<string, ParseOutcome>): ArticleBodies {
    return {
      body: (key) => {
        const fresh = outcomes.get(key)?.body;
        if (fresh) return fresh;
        const place = this.places.get(key);
        if (!place || this.fd === undefined) throw new Error(`no body for the article with key ${key}`);
        return this.readBody(place);
      },
    };
  }

  /**
   * Put this build's fresh bodies in the body file now, rather than hold them until {@link save}:
   * at 10,000 articles they are some 90 MB of strings that every later step would keep alive,
   * and the pages, feeds and search records each fetch a body once anyway. Appended at the
   * file's real end, like `save`'s; the index names them only once a build saves. Without a
   * cache folder (`--no-cache`) they go to a temporary folder of this build's, removed when
   * the cache is closed: the build's memory is the same with the cache or without.
   * @returns the outcomes, those stashed without their bodies (read back by key through {@link bodies}).
   */
  stash(outcomes: ReadonlyMap<string, ParseOutcome>): Map<string, ParseOutcome> {
    const light = new Map(outcomes);
    if (![...outcomes.values()].some((outcome) => outcome.body)) return light;
    const folder = this.dir ?? (this.scratch ??= fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bodies-')));
    fs.mkdirSync(folder, {recursive: true});
    const file = path.join(folder, this.bodyFile);
    const fd = fs.openSync(file, 'a');
    try {
      let end = fs.fstatSync(fd).size;
      // Written a megabyte at a time, so each batch's buffers die young rather than all wait for the end.
      let chunks: Buffer[] = [];
      let pending = 0;
      const flush = () => {
        fs.writeSync(fd, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, pending));
        chunks = [];
        pending = 0;
      };
      for (const [key, outcome] of outcomes) {
        if (!outcome.body) continue;
        const buffer = serializeBody(outcome.body);
        this.places.set(key, {offset: end, length: buffer.length});
        light.set(key, {article: outcome.article, messages: outcome.messages});
        chunks.push(buffer);
        pending += buffer.length;
        end += buffer.length;
        if (pending >= 1 << 20) flush();
      }
      if (pending > 0) flush();
      this.bodyBytes = Math.max(this.bodyBytes, end);
    } finally {
      fs.closeSync(fd);
    }
    this.fd ??= fs.openSync(file, 'r');
    return light;
  }

  private readBody(place: BodyPlace): ArticleBody {
    const {html, feedHtml} = v8.deserialize(this.readBytes(place)) as {html: string; feedHtml?: string};
    return {html, feedHtml: feedHtml ?? html};
  }

  /** A body's bytes in the body file, as {@link serializeBody} wrote them. */
  private readBytes(place: BodyPlace): Buffer {
    const buffer = Buffer.alloc(place.length);
    fs.readSync(this.fd!, buffer, 0, place.length, place.offset);
    return buffer;
  }

  /**
   * Keep the outcomes of this build (and only them) with the writer's state. New bodies are
   * appended (by {@link stash}, unless the build stashed them already); when dead bodies
   * outweigh live ones, the live ones are copied into a new body file.
   */
  save({outcomes, sources = new Map(), scannedAt = 0, outDir, output, search, plan, feedItems = this.feedItems}: CacheUpdate, compactAbove = 4 * 1024 * 1024): void {
    if (!this.dir) return;
    fs.mkdirSync(this.dir, {recursive: true});
    // Named by its key, so the index never points at another build's files, even after a crash between the two writes.
    for (const shard of search ?? []) {
      if (!shard.files) continue;
      const temporary = path.join(this.dir, `${searchFile(shard.key)}.${process.pid}.tmp`);
      fs.writeFileSync(temporary, v8.serialize(shard.files));
      fs.renameSync(temporary, path.join(this.dir, searchFile(shard.key)));
    }
    const searchState = search
      ? search.map(({key, files}) => ({key, paths: files?.map((file) => file.path) ?? this.search?.find((shard) => shard.key === key)?.paths ?? []}))
      : this.search;
    // Bodies not stashed yet (a caller that did not parse through the build) are appended first, as the build's are.
    const light = this.stash(outcomes);
    const live = [...light.keys()].filter((key) => this.places.has(key));
    const liveBytes = live.reduce((sum, key) => sum + this.places.get(key)!.length, 0);
    const compact = this.bodyBytes > compactAbove && liveBytes < this.bodyBytes / 2;
    const bodyFile = compact ? `bodies-${Number(/\d+/.exec(this.bodyFile)![0]) + 1}.bin` : this.bodyFile;
    const places = new Map<string, BodyPlace>();
    let offset: number;
    if (compact) {
      // The live bodies, copied as they are into a new file.
      const chunks: Buffer[] = [];
      offset = 0;
      for (const [key, outcome] of light) {
        const kept = this.places.get(key);
        if (!outcome.article || !kept) continue;
        chunks.push(this.readBytes(kept));
        places.set(key, {offset, length: kept.length});
        offset += kept.length;
      }
      fs.writeFileSync(path.join(this.dir, bodyFile), Buffer.concat(chunks));
    } else {
      for (const [key, outcome] of light) {
        const kept = this.places.get(key);
        if (outcome.article && kept) places.set(key, kept);
      }
      // Another build of the same site may have appended since this one read the index: the file's real end
      // (the file made if no body was ever written, so the index always names one that exists).
      const fd = fs.openSync(path.join(this.dir, bodyFile), 'a');
      offset = fs.fstatSync(fd).size;
      fs.closeSync(fd);
    }
    const entries = new Map<string, IndexEntry>();
    for (const [key, outcome] of light) {
      entries.set(key, {article: outcome.article, messages: outcome.messages, body: places.get(key)});
    }
    // Keep the state of folders that still exist, so `serve` and `check` never make `dist/` look unknown.
    const outputs = new Map([...this.outputs].filter(([dir]) => dir !== outDir && fs.existsSync(dir)));
    if (outDir && output) outputs.set(outDir, output);
    const state: CacheState = {bodies: bodyFile, bodyBytes: offset, entries, outputs, sources, scannedAt, search: searchState, plan, feedItems};
    const index = this.writeParts(state);
    const temporary = path.join(this.dir, `index.v8.${process.pid}.tmp`);
    fs.writeFileSync(temporary, v8.serialize(index));
    const stamp = stampOf(fs.statSync(temporary));
    fs.renameSync(temporary, path.join(this.dir, 'index.v8'));
    const named = new Set([...index.entries, index.sources, ...(index.plan ? [index.plan.plans] : []), index.feedItems, ...[...index.outputs.values()].flatMap((folder) => [folder.current?.manifest, folder.spare?.manifest])]);
    for (const name of fs.readdirSync(this.dir)) {
      if (/^search-[\w-]+\.bin$/.test(name) && !searchState?.some((shard) => name === searchFile(shard.key))) fs.rmSync(path.join(this.dir, name), {force: true});
      // Parts no index names any longer (this save's old ones, or those of a build killed before its index was in place).
      else if (/^part-[\w-]+\.v8$/.test(name) && !named.has(name)) fs.rmSync(path.join(this.dir, name), {force: true});
    }
    if (compact) fs.rmSync(path.join(this.dir, this.bodyFile), {force: true});
    for (const name of this.staleBodies) if (name !== bodyFile) fs.rmSync(path.join(this.dir, name), {force: true});
    this.staleBodies = [];
    // This cache now holds what it saved, so the next build of this process can take it as it is ({@link reuse}).
    this.hold(state, stamp);
  }

  /**
   * Write the parts of `state` that differ from what this cache holds, each in a new file, and
   * name the unchanged ones again: an entries shard whose items are the same (key, article,
   * messages and body place), the sources when every stamp is the same, a manifest already
   * written (the spare folder's is the last build's output's), the plans when they are the
   * same list (a warm build whose site structure stayed takes them as they are).
   * @returns the index that names them.
   */
  private writeParts(state: CacheState): IndexFile {
    const part = (value: unknown): string => {
      const name = `part-${process.pid}-${randomBytes(6).toString('base64url')}.v8`;
      fs.writeFileSync(path.join(this.dir!, name), v8.serialize(value));
      return name;
    };
    const grouped = Array.from({length: entryShards}, (): [string, IndexEntry][] => []);
    for (const pair of state.entries) grouped[shardOf(pair[0])]!.push(pair);
    this.shards = grouped.map((pairs, shard) => {
      const items = pairs.map(shardItem);
      const held = this.shards[shard];
      if (held && sameItems(held.items, items)) return held;
      return {name: pairs.length === 0 ? '' : part(items.map(([key, article, messages, offset, length]): StoredItem => [key, article && packArticle(article), messages, offset, length])), items};
    });
    if (!this.sourcesPart || !sameSources(this.sourcesPart.value, state.sources)) this.sourcesPart = {name: part(state.sources), value: state.sources};
    const generation = (held: Generation | undefined): GenerationFile | undefined => {
      if (!held) return undefined;
      let name = this.manifestParts.get(held.manifest);
      if (name === undefined) this.manifestParts.set(held.manifest, (name = part(held.manifest)));
      return {identity: held.identity, manifest: name};
    };
    const outputs = new Map([...state.outputs].map(([dir, folder]) => [dir, {current: generation(folder.current), spare: generation(folder.spare)}]));
    let plan: IndexFile['plan'];
    if (state.plan) {
      if (this.plansPart?.value !== state.plan.plans) this.plansPart = {name: part(state.plan.plans), value: state.plan.plans};
      plan = {...state.plan, plans: this.plansPart.name};
    }
    if (this.feedItemsPart.value !== state.feedItems) this.feedItemsPart = {name: state.feedItems ? part(state.feedItems) : '', value: state.feedItems};
    return {
      version: this.version,
      bodies: state.bodies,
      bodyBytes: state.bodyBytes,
      entries: this.shards.map((shard) => shard.name),
      outputs,
      sources: this.sourcesPart.name,
      scannedAt: state.scannedAt,
      search: state.search,
      plan,
      feedItems: this.feedItemsPart.name,
    };
  }

  /** Release the body file (and remove the temporary one of a cache without a folder). */
  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    if (this.scratch) fs.rmSync(this.scratch, {recursive: true, force: true});
    this.scratch = undefined;
  }
}

/** The entries shard of an article key (a base64url hash, so its first character is as good as random). */
function shardOf(key: string): number {
  return key.charCodeAt(0) % entryShards;
}

function shardItem([key, entry]: readonly [string, IndexEntry]): ShardItem {
  return [key, entry.article, entry.messages, entry.body?.offset ?? -1, entry.body?.length ?? -1];
}

function sameItems(a: readonly ShardItem[], b: readonly ShardItem[]): boolean {
  return a.length === b.length && a.every((item, index) => item.every((value, field) => value === b[index]![field]));
}

function sameSources(a: ReadonlyMap<string, SourceStamp>, b: ReadonlyMap<string, SourceStamp>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [name, stamp] of b) {
    const other = a.get(name);
    if (other?.stamp !== stamp.stamp || other.contentHash !== stamp.contentHash) return false;
  }
  return true;
}

/** One body as the body file holds it (read by `readBody`); most are the same for pages and feeds, kept once. */
function serializeBody({html, feedHtml}: ArticleBody): Buffer {
  return v8.serialize(feedHtml === html ? {html} : {html, feedHtml});
}

/** What tells one version of the index file from another: its inode, size and modification time. */
function stampOf(stat: fs.Stats): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
}

/** The file of the search index with key `key` (a base64url hash: safe in a file name). */
function searchFile(key: string): string {
  return `search-${key}.bin`;
}

/** The bundle's version, read when the bundle loads: its folder may be replaced while `serve` runs. */
const bundledVersion = import.meta.url.endsWith('.ts') ? undefined : fs.readFileSync(new URL('./tool-version.txt', import.meta.url), 'utf8');

/**
 * The tool's version for cache keys: a hash of the build code itself, so a changed stage never
 * reuses what an older one made. From the bundle, the hash `scripts/load-cli.js` compiled it
 * from (written beside it); from the sources, the package version and every module's bytes.
 */
export function toolVersion(): string {
  if (bundledVersion !== undefined) return bundledVersion;
  const lib = fileURLToPath(new URL('../', import.meta.url));
  const versionHash = createHash('sha1');
  versionHash.update(JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version);
  for (const name of (fs.readdirSync(lib, {recursive: true}) as string[]).filter((name) => name.endsWith('.ts')).sort()) {
    versionHash.update(name).update(fs.readFileSync(path.join(lib, name)));
  }
  return versionHash.digest('base64url');
}

/** The hash of an article's text, kept per source so an unchanged file need not be read again. */
export function contentHash(text: string): string {
  return hash('sha1', text, 'base64url');
}

/** The key of one article: its path and text (by {@link contentHash}), the settings parsing depends on, and the tool's version. */
export function articleKey(version: string, config: SiteConfig, sourcePath: string, textHash: string): string {
  const keys = keysFor(version, config);
  const known = keys.get(sourcePath);
  if (known?.textHash === textHash) return known.key;
  // One-shot `hash`, not a `createHash` object per key: a cold process makes 10,000 at 10,000 articles.
  const key = hash('sha1', `${version}\0${parseSettings(config)}\0${sourcePath}\0${textHash}`, 'base64url');
  keys.set(sourcePath, {textHash, key});
  return key;
}

/**
 * The article keys made so far under one version and parse settings, by source path: a process
 * that builds again and again (`serve`) makes each key once, not 10,000 hashes on every save.
 * Only the latest settings' keys are kept.
 */
let keyMemo: {readonly settings: string; readonly keys: Map<string, {readonly textHash: string; readonly key: string}>} | undefined;
const keysOf = new WeakMap<SiteConfig, Map<string, {readonly textHash: string; readonly key: string}>>();

function keysFor(version: string, config: SiteConfig): Map<string, {readonly textHash: string; readonly key: string}> {
  let keys = keysOf.get(config);
  if (!keys) {
    const settings = `${version}\0${parseSettings(config)}`;
    if (keyMemo?.settings !== settings) keyMemo = {settings, keys: new Map()};
    keysOf.set(config, (keys = keyMemo.keys));
  }
  return keys;
}

/** The settings that change what parsing an article gives (made once per config: asked for per article). */
function parseSettings(config: SiteConfig): string {
  let settings = settingsOf.get(config);
  if (settings === undefined) {
    const {url, idBase, timezone, permalink, chromePatterns, author, language, articlesDir, gfm, imageWidths, maxImagePixels, editions} = config;
    // The editions' languages and paths place each article (its edition, and so its path).
    const places = editions.map((edition) => [edition.lang, edition.path]);
    settingsOf.set(config, (settings = JSON.stringify({url, idBase, timezone, permalink, chromePatterns, author, language, articlesDir, gfm, imageWidths, maxImagePixels, places})));
  }
  return settings;
}

const settingsOf = new WeakMap<SiteConfig, string>();
