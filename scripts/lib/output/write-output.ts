import {hash, randomBytes} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {acquireLock, type LockOptions} from './output-lock.ts';
import {WriteBehind} from './write-behind.ts';

/** A failure to write the output, its message naming the path and the cause. */
export class OutputError extends Error {}

/**
 * A file given as unchanged whose last version was removed from the output since (by hand):
 * the caller renders it and writes it again. Nothing of it was recorded.
 */
export class PreviousFileGone extends OutputError {}

/**
 * What a build wrote into one output folder: path → the file's content hash followed by its
 * fingerprint ('' for a file without one), one string per file: a pair of fields would be an
 * object and two strings, some 54,000 values to read back from the cache at 10,000 articles
 * for each manifest. Ask it with {@link hasHash} and {@link hasFingerprint}, which compare
 * without cutting the string.
 */
export type Manifest = Map<string, string>;

/** The length of every content hash ({@link hashOf}), where a manifest entry's fingerprint begins. */
const hashLength = hashOf('').length;

/** Whether `manifest` has the file `relative` with the content hash `hash`. */
export function hasHash(manifest: Manifest, relative: string, hash: string): boolean {
  return manifest.get(relative)?.startsWith(hash) ?? false;
}

/** Whether the file `relative` has the same bytes in both manifests (not when `before` has no such file). */
export function sameBytes(before: Manifest | undefined, after: Manifest, relative: string): boolean {
  const was = before?.get(relative);
  const is = after.get(relative);
  return was !== undefined && is !== undefined && was.slice(0, hashLength) === is.slice(0, hashLength);
}

/** Whether `manifest` has the file `relative` with the fingerprint `key`. */
export function hasFingerprint(manifest: Manifest | undefined, relative: string, key: string): boolean {
  const entry = manifest?.get(relative);
  return entry !== undefined && fingerprinted(entry, key);
}

/** Whether a manifest entry's fingerprint is `key`. */
function fingerprinted(entry: string, key: string): boolean {
  return entry.length === hashLength + key.length && entry.endsWith(key);
}

/** A folder's manifest, tied to the folder by its inode so a replaced folder is never trusted. */
export interface Generation {
  /** The folder's inode and birth time: a folder made anew at the same path is a stranger. */
  readonly identity: string;
  readonly manifest: Manifest;
}

/** What the writer knows of the output and spare folders from the last build (kept in the build cache). */
export interface OutputState {
  readonly current: Generation | undefined;
  readonly spare: Generation | undefined;
}

/** Counts of what the writer did, for the report and the benchmark. */
export interface WriteStats {
  written: number;
  linked: number;
  kept: number;
  deleted: number;
}

/**
 * What the writer is given for one path, and all it is given: the bytes, a file to copy, or
 * word that the previous build's file there still stands (its fingerprint `key` is unchanged,
 * so nothing was rendered). Rendering happens before (`render-due.ts`), never here.
 */
export type WriteItem =
  | {readonly path: string; readonly contents: string | Uint8Array; readonly key?: string | undefined}
  | {readonly path: string; readonly copyFrom: string}
  | {readonly path: string; readonly key: string; readonly unchanged: true};

/**
 * The only module that writes the site. The new output is assembled in a staging folder
 * beside `outDir` — the spare folder left by the build before last when its manifest is
 * known, so only files that differ are touched — and swapped into place by renames when
 * complete. Files whose bytes did not change are hard links to the previous output, so
 * they keep their time stamps and static hosts and rsync see small diffs. A failure or a
 * kill before the swap leaves the previous `outDir` exactly as it was. Builds into the same
 * folder take turns (see {@link acquireLock}); a file-system error becomes an
 * {@link OutputError} naming the path, and any other error (a template's) passes through.
 *
 * @param outDir The output folder (`dist/`).
 * @param files Files relative to the output folder; paths are checked to stay inside it.
 * @param state The manifests of the last build, when a cache is in use.
 * @param lock How long to wait for another build writing into the same folder.
 * @returns the state to keep for the next build, and what was done.
 */
export function writeOutput(outDir: string, files: Iterable<WriteItem>, state?: OutputState, lock: LockOptions = {}): {state: OutputState; stats: WriteStats} {
  const session = OutputSession.open(outDir, state, lock);
  try {
    for (const file of files) session.write(file);
  } catch (error) {
    session.abort();
    throw error;
  }
  return session.commit();
}

/**
 * {@link writeOutput} one file at a time, for a build that writes pages as worker threads
 * finish them: `open` takes the lock and prepares the staging folder, `write` adds a file,
 * `commit` swaps the output in, `abort` drops the staging folder. The lock is held from
 * `open` until `commit` or `abort`.
 */
export class OutputSession {
  readonly stats: WriteStats = {written: 0, linked: 0, kept: 0, deleted: 0};
  private readonly manifest: Manifest = new Map();
  private readonly made = new Set<string>();
  private done = false;
  /** New files' folders and bytes go to a thread of their own once there are many (see {@link WriteBehind}). */
  private behind: WriteBehind | undefined;
  private newFiles = 0;

  private constructor(
    private readonly target: string,
    private readonly staging: string,
    private readonly staged: Manifest,
    private readonly current: Generation | undefined,
    private readonly release: () => void,
  ) {}

  /** Take the output lock and prepare the staging folder (the spare one when it can be trusted). */
  static open(outDir: string, state?: OutputState, lock: LockOptions = {}): OutputSession {
    const target = path.resolve(outDir);
    const parent = path.dirname(target);
    const blocker = fileOnTheWay(parent);
    if (blocker) throw new OutputError(`could not write ${target}: ${blocker} is a file, not a folder`);
    attempt(parent, () => fs.mkdirSync(parent, {recursive: true}));
    const release = attempt(target, () => acquireLock(target, lock));
    try {
      return attempt(target, () => OutputSession.prepare(target, state, release));
    } catch (error) {
      release();
      throw error;
    }
  }

  private static prepare(target: string, state: OutputState | undefined, release: () => void): OutputSession {
    const parent = path.dirname(target);
    recoverInterruptedSwap(target);
    const spareDir = sibling(target, 'spare');
    const current = trusted(target, state?.current);
    const spare = trusted(spareDir, state?.spare);
    if (spare) {
      // Move the spare into a staging name before touching it: a build killed while updating it
      // leaves a `.tmp-` folder the next build deletes, never a half-updated spare whose
      // manifest would still be trusted (a revert to the old content would then keep new bytes).
      const staging = path.join(parent, `.${path.basename(target)}.tmp-${process.pid}-spare`);
      attempt(parent, () => fs.renameSync(spareDir, staging));
      // The spare was an earlier output, perhaps made under another umask (or 0700 by an older
      // Dateline, which made it with mkdtemp): its root gets the mode a new folder gets now.
      attempt(parent, () => fs.chmodSync(staging, newFolderMode(target)));
      return new OutputSession(target, staging, spare.manifest, current, release);
    }
    discard(spareDir, `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}-discarded`);
    // Not mkdtemp, which makes the folder 0700 whatever the umask: the output is for a web
    // server or rsync running as another user, so its folders follow the umask like its files.
    const staging = path.join(parent, `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    attempt(parent, () => fs.mkdirSync(staging));
    return new OutputSession(target, staging, new Map(), current, release);
  }

  /**
   * What the last build wrote here, when the folder is the very one it wrote (else nothing):
   * a file whose fingerprint matches its entry need not be rendered (see `renderDue`).
   */
  get previous(): Manifest | undefined {
    return this.current?.manifest;
  }

  /** Add one file to the new output, written only when its bytes changed. */
  write(file: WriteItem): void {
    attempt(this.target, () => this.add(file));
  }

  private add(file: WriteItem): void {
    const {target, staging, stats} = this;
    // A second file at one path would leave the manifest describing one and the folder holding
    // the other, and later builds would trust the wrong bytes: the build's registry of output
    // paths (claim-outputs.ts) prevents it, and this refuses it if it ever got through.
    if (this.manifest.has(file.path)) throw new OutputError(`refusing to write "${file.path}" twice in one build`);
    const previous = this.current?.manifest.get(file.path);
    let entry: string;
    let hash: string;
    let contents: Uint8Array | undefined;
    if ('unchanged' in file) {
      if (previous === undefined || !fingerprinted(previous, file.key)) throw new OutputError(`"${file.path}" was not rendered, but the last build's file there is not the same`);
      entry = previous;
      hash = previous.slice(0, hashLength);
    } else {
      // Text is encoded once, here: hashing and writing a string would each encode it again.
      contents = 'contents' in file ? (typeof file.contents === 'string' ? Buffer.from(file.contents) : file.contents) : fs.readFileSync(file.copyFrom);
      hash = hashOf(contents);
      entry = hash + ('key' in file ? (file.key ?? '') : '');
    }
    this.manifest.set(file.path, entry);
    if (hasHash(this.staged, file.path, hash)) {
      // Nothing to touch on disk: the path was checked when this file was first written.
      stats.kept++;
      return;
    }
    const destination = inside(staging, file.path);
    if (contents && !previous?.startsWith(hash) && !this.staged.has(file.path) && (this.behind || ++this.newFiles > manyFiles)) {
      // Nothing to link or remove first, and no answer needed: the file is written behind.
      this.behind ??= new WriteBehind();
      const where = path.join(target, file.path);
      this.makeFolder(path.dirname(destination), {behind: this.behind, where});
      this.behind.write(destination, where, contents);
      stats.written++;
      return;
    }
    // What follows may need what was queued already (a folder, a file to link to).
    this.settle();
    const linked = attempt(path.join(target, file.path), () => {
      this.makeFolder(path.dirname(destination));
      // Only a file the staging folder already has needs removing (it may be a hard link into the output).
      if (this.staged.has(file.path)) fs.rmSync(destination, {force: true});
      return previous !== undefined && previous.startsWith(hash) && linkFrom(path.join(target, file.path), destination);
    });
    if (linked) {
      stats.linked++;
      return;
    }
    // Not linked (no hard links here, or the last build's file is gone): an unchanged file's bytes come from the last output.
    const bytes = contents ?? this.readPrevious(file.path);
    attempt(path.join(target, file.path), () => fs.writeFileSync(destination, bytes));
    stats.written++;
  }

  /** The last build's file at `relative`; {@link PreviousFileGone} when it was removed since (by hand). */
  private readPrevious(relative: string): Buffer {
    try {
      return fs.readFileSync(path.join(this.target, relative));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.manifest.delete(relative);
      throw new PreviousFileGone(`the last build's "${relative}" is gone: render it again`);
    }
  }

  /**
   * Make a folder in the staging folder once, its parents first: one `mkdir` each, no walk up
   * the path every time; queued on `queue.behind` for a file written there, a failure reported
   * on that file's output path (`queue.where`), as one on this thread is.
   */
  private makeFolder(folder: string, queue?: {readonly behind: WriteBehind; readonly where: string}): void {
    if (folder === this.staging || this.made.has(folder)) return;
    this.makeFolder(path.dirname(folder), queue);
    if (queue) {
      queue.behind.folder(folder, queue.where);
    } else {
      try {
        fs.mkdirSync(folder);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    this.made.add(folder);
  }

  /** Wait for what was written behind; its first failure is thrown as this thread's would be. */
  private settle(): void {
    const failure = this.behind?.drain();
    if (!failure) return;
    const {where, code, syscall, message} = failure;
    attempt(where || this.target, () => {
      throw Object.assign(new Error(message), {code, syscall});
    });
  }

  /** Remove what the new output no longer has, swap it into place, release the lock. */
  commit(): {state: OutputState; stats: WriteStats} {
    const {target, staging, stats} = this;
    let result: {state: OutputState; stats: WriteStats};
    try {
      this.settle();
      result = attempt(target, () => {
        for (const stale of this.staged.keys()) {
          if (this.manifest.has(stale)) continue;
          removeWithEmptyParents(inside(staging, stale), staging);
          stats.deleted++;
        }
        const spareDir = sibling(target, 'spare');
        const old = swap(staging, target, spareDir);
        return {
          state: {current: {identity: identity(target), manifest: this.manifest}, spare: old && this.current ? {identity: identity(spareDir), manifest: this.current.manifest} : undefined},
          stats,
        };
      });
    } catch (error) {
      this.abort();
      throw error;
    }
    this.done = true;
    this.behind?.close();
    this.release();
    return result;
  }

  /** Drop the staging folder (a half-updated spare is no longer what its manifest says) and release the lock. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    // Nothing may still be writing into the folder as it is removed.
    this.behind?.drain();
    this.behind?.close();
    fs.rmSync(this.staging, {recursive: true, force: true});
    this.release();
  }
}

/**
 * Give the output folder a spare copy of itself (hard links to its files, copies where links
 * cannot be made) when it has none it can trust, so the next build updates only the files that
 * change instead of linking every one into a new staging folder. After a build that wrote the
 * whole output (the first of a `serve` session's new folder), that linking was the next build's:
 * 2.5 s of the first save at 10,000 articles. The output itself is not touched; the spare is
 * made under a staging name and renamed into place whole, under the output lock.
 *
 * @returns the state with the new spare and how many files it holds; the state as it was (and
 *   0) when the output is unknown, the spare already trusted, or anything failed (the next
 *   build then stages as before).
 */
export function prepareSpare(outDir: string, state: OutputState, lock: LockOptions = {}): {state: OutputState; files: number} {
  const target = path.resolve(outDir);
  if (!state.current) return {state, files: 0};
  let release: () => void;
  try {
    release = acquireLock(target, lock);
  } catch {
    return {state, files: 0};
  }
  const spareDir = sibling(target, 'spare');
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const current = trusted(target, state.current);
    if (!current || trusted(spareDir, state.spare)) return {state, files: 0};
    fs.mkdirSync(staging);
    const made = new Set<string>([staging]);
    const folder = (dir: string): void => {
      if (made.has(dir)) return;
      folder(path.dirname(dir));
      fs.mkdirSync(dir);
      made.add(dir);
    };
    for (const relative of current.manifest.keys()) {
      const destination = inside(staging, relative);
      folder(path.dirname(destination));
      if (!linkFrom(path.join(target, relative), destination)) fs.copyFileSync(path.join(target, relative), destination);
    }
    discard(spareDir, `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}-discarded`);
    fs.renameSync(staging, spareDir);
    return {state: {current, spare: {identity: identity(spareDir), manifest: current.manifest}}, files: current.manifest.size};
  } catch {
    fs.rmSync(staging, {recursive: true, force: true});
    return {state, files: 0};
  } finally {
    release();
  }
}

/** How many new files a session writes on its own thread before it starts writing behind (a thread costs a few milliseconds to start). */
const manyFiles = 64;

/** Resolve `relative` inside `root`, refusing anything that would land outside it. */
export function inside(root: string, relative: string): string {
  const resolved = path.resolve(root, relative);
  if (relative.includes('\0') || path.isAbsolute(relative) || !resolved.startsWith(root + path.sep)) {
    throw new OutputError(`refusing to write "${relative}": it is outside the output folder`);
  }
  return resolved;
}

/** The nearest existing ancestor of `folder` (or itself) when it is not a folder. */
function fileOnTheWay(folder: string): string | undefined {
  for (let at = folder; ; at = path.dirname(at)) {
    const stat = fs.statSync(at, {throwIfNoEntry: false});
    if (stat) return stat.isDirectory() ? undefined : at;
    if (path.dirname(at) === at) return undefined;
  }
}

/** Run `write`; turn a file-system error (one with an errno code) into an {@link OutputError} naming `where`. */
function attempt<T>(where: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const {code, message, syscall} = error as NodeJS.ErrnoException;
    if (error instanceof OutputError || typeof code !== 'string' || syscall === undefined) throw error;
    const reason = message.replace(/^\w+: /, '').replace(/, \w+(?: '.*')?$/, '');
    throw new OutputError(`could not write ${where}: ${reason} (${code})`, {cause: error});
  }
}

/**
 * The mode `mkdir` gives a new folder beside `target` under the current umask: probed, since
 * reading `process.umask()` sets it too, racing other threads. The probe is named like a staging
 * folder, so a kill before it is removed leaves nothing the next build does not clear.
 */
function newFolderMode(target: string): number {
  const probe = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-mode`);
  fs.mkdirSync(probe);
  try {
    return fs.statSync(probe).mode & 0o7777;
  } finally {
    fs.rmdirSync(probe);
  }
}

function sibling(target: string, kind: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${kind}`);
}

function hashOf(contents: string | Uint8Array): string {
  return hash('sha1', contents, 'base64url');
}

/**
 * Remove a folder without waiting for it: renamed out of the way now (a spare of thousands of
 * files took 1.6 s to remove at 4,000 articles, on the main thread, before the build could
 * begin), then removed on libuv's threads while the build goes on; the process ends only once
 * it is gone. Named like a staging folder, so a build killed meanwhile leaves nothing the next
 * build does not clear.
 */
function discard(folder: string, name: string): void {
  if (!fs.existsSync(folder)) return;
  const away = path.join(path.dirname(folder), name);
  fs.renameSync(folder, away);
  fs.promises.rm(away, {recursive: true, force: true}).catch(() => undefined);
}

/** A generation is trusted only if its folder is the very one the manifest describes. */
function trusted(folder: string, generation: Generation | undefined): Generation | undefined {
  if (!generation) return undefined;
  try {
    return identity(folder) === generation.identity ? generation : undefined;
  } catch {
    return undefined;
  }
}

function identity(folder: string): string {
  const stat = fs.statSync(folder, {bigint: true});
  return `${stat.dev}:${stat.ino}:${stat.birthtimeNs}`;
}

function linkFrom(existing: string, destination: string): boolean {
  try {
    fs.linkSync(existing, destination);
    return true;
  } catch {
    return false;
  }
}

function removeWithEmptyParents(file: string, root: string): void {
  fs.rmSync(file, {force: true});
  for (let folder = path.dirname(file); folder !== root && folder.startsWith(root); folder = path.dirname(folder)) {
    if (fs.readdirSync(folder).length > 0) break;
    fs.rmdirSync(folder);
  }
}

/**
 * Three renames: the output aside, the staging folder in, the old output to the spare slot.
 * @returns whether there was an old output (now the spare folder).
 */
function swap(staging: string, target: string, spareDir: string): boolean {
  const aside = sibling(target, 'old');
  const hadOld = fs.existsSync(target);
  if (hadOld) fs.renameSync(target, aside);
  try {
    fs.renameSync(staging, target);
  } catch (error) {
    if (hadOld) fs.renameSync(aside, target);
    throw error;
  }
  if (hadOld) fs.renameSync(aside, spareDir);
  return hadOld;
}

/**
 * A build killed between the renames of a swap leaves no `outDir` but a `.<out>.old` folder:
 * put it back. Staging folders of killed builds are removed. Only called while holding the
 * output lock, so no other build is using them.
 */
function recoverInterruptedSwap(target: string): void {
  const parent = path.dirname(target);
  const base = path.basename(target);
  const aside = sibling(target, 'old');
  if (fs.existsSync(aside)) {
    if (fs.existsSync(target)) fs.renameSync(aside, `${aside}-${process.pid}`);
    else fs.renameSync(aside, target);
  }
  for (const name of fs.readdirSync(parent)) {
    if (name.startsWith(`.${base}.tmp-`) || name.startsWith(`.${base}.old-`)) fs.rmSync(path.join(parent, name), {recursive: true, force: true});
  }
}
