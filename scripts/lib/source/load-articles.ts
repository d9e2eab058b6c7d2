import fs from 'node:fs';
import path from 'node:path';
import {VFile} from 'vfile';
import {decodeSource} from './decode-source.ts';
import {fail} from '../report/report-issues.ts';

/** Article sources the build reads. */
export const articleExtensions = ['.md', '.txt'];

/** Options for {@link loadArticles}. */
export interface LoadOptions {
  /** Largest article file read, in bytes; a larger one is an error (it is never read). */
  readonly maxBytes: number;
  /**
   * What the last build saw of each file (by path relative to `cwd`): its stamp and the hash of
   * its text. A file whose stamp is unchanged is not read; it comes back with `data.contentHash`
   * and no value (read it with {@link readText} if it must be parsed after all).
   */
  readonly known?: ReadonlyMap<string, SourceStamp> | undefined;
  /**
   * When the scan that saw `known` began (ms since the epoch). A file changed less than a
   * second before it is read again even if its stamp matches: file times tick in steps of a
   * few milliseconds, so a second edit of the same size right after the scan could keep them
   * (git's "racily clean" files). Without it, a matching stamp is trusted.
   */
  readonly knownAt?: number | undefined;
  /**
   * The absolute paths that may have changed since `known` was seen, when something watched
   * the folder since (`serve`'s watcher): a known regular file not among them is taken as it
   * was, without a look at the disk, unless it was racily clean then. Without it, every file is looked at.
   */
  readonly changedSince?: ReadonlySet<string> | undefined;
}

/** What {@link loadArticles} found: the files, and how many it looked at on disk (the others were known unchanged). */
export interface LoadedArticles {
  readonly files: VFile[];
  readonly checked: number;
}

/** A file as the last build saw it: size, times and inode (`stamp`), and its text's hash. */
export interface SourceStamp {
  readonly stamp: string;
  readonly contentHash: string;
}

declare module 'vfile' {
  interface DataMap {
    /** The source file's size, times and inode when it was found: it changes whenever the file does. */
    stamp: string;
    /** Hash of the text, carried over from the last build when the file was not read again. */
    contentHash: string;
  }
}

/**
 * Find every article source under `dir` (recursively; names starting with `.` or `_`
 * are skipped) and read it into a VFile whose path is relative to `cwd` and whose value
 * is its text (see {@link decodeSource}). Files that cannot be articles — too large, empty,
 * binary, not UTF-8, or a symbolic link leading out of `dir` — come back with a fatal message
 * and no value. A symbolic link to a file inside `dir` is read; one to a folder is skipped
 * with a warning (following it could loop).
 * The list is sorted by path with a plain code-point comparison, so the order
 * never depends on the file system or the locale.
 */
export function loadArticles(dir: string, cwd: string, options: LoadOptions): LoadedArticles {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    const file = new VFile({path: path.relative(cwd, dir) || dir, cwd});
    fail(file, 'articles folder not found; create it or pass --articles DIR', undefined, 'articles');
    return {files: [file], checked: 0};
  }
  const root = fs.realpathSync(dir);
  /** Each entry found, and whether it is a symbolic link (always looked at: its target may have changed unseen). */
  const found: [string, boolean][] = [];
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isSymbolicLink() || (entry.isFile() && isArticle(full))) found.push([full, entry.isSymbolicLink()]);
    }
  };
  walk(dir);
  found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let checked = 0;
  const files: VFile[] = [];
  const relative = relativeTo(cwd, dir);
  for (const [full, link] of found) {
    const at = relative(full);
    const unseen = link ? undefined : knownUnchanged(full, at, cwd, options);
    if (!unseen) checked++;
    const file = unseen ?? read(full, at, root, cwd, options);
    if (file) files.push(file);
  }
  return {files, checked};
}

/**
 * A regular file the watcher saw no change to since its known stamp, as that stamp says it was
 * (its size checked against today's limit); none when it must be looked at: not known, named
 * in `changedSince`, or changed less than a second before the scan that saw it (see `knownAt`).
 */
function knownUnchanged(full: string, relative: string, cwd: string, options: LoadOptions): VFile | undefined {
  // The watcher leaves `node_modules` folders out (see `watchSources`): what is in one is looked at.
  if (!options.changedSince || options.changedSince.has(full) || full.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
  const known = options.known?.get(relative);
  const parts = known?.stamp.split(':');
  if (!known || parts?.length !== 4) return undefined;
  // Milliseconds are enough here, and Numbers (not BigInts) keep this cheap at 10,000 files a save.
  const [size, mtimeNs, ctimeNs] = parts as [string, string, string];
  const changed = Math.max(nanosToMillis(mtimeNs), nanosToMillis(ctimeNs));
  if (!(changed < (options.knownAt ?? Infinity) - 1000) || Number(size) > options.maxBytes) return undefined;
  const file = new VFile({path: relative, cwd});
  file.data.stamp = known.stamp;
  file.data.contentHash = known.contentHash;
  return file;
}

/** `path.relative(cwd, full)` for paths found under `dir`, made once per scan rather than resolved per file. */
function relativeTo(cwd: string, dir: string): (full: string) => string {
  const prefix = path.join(dir, '.', path.sep);
  const base = path.relative(cwd, dir);
  return (full) => (full.startsWith(prefix) && base !== '' && !path.isAbsolute(base) ? base + path.sep + full.slice(prefix.length) : path.relative(cwd, full));
}

/** A stamp's nanoseconds (a decimal string) as whole milliseconds. */
const nanosToMillis = (nanos: string): number => (nanos.length > 6 ? Number(nanos.slice(0, -6)) : 0);

/** Whether a file last changed at these times (ns) is surely unchanged if its stamp is: it changed over a second before the scan (`knownAt`, ms), so it is not racily clean. */
function settledBefore(mtimeNs: bigint, ctimeNs: bigint, knownAt: number | undefined): boolean {
  const changed = Number((mtimeNs > ctimeNs ? mtimeNs : ctimeNs) / 1_000_000n);
  return changed < (knownAt ?? Infinity) - 1000;
}

const isArticle = (name: string): boolean => articleExtensions.includes(path.extname(name).toLowerCase());

/** One found entry to a VFile, or undefined for a link that is not an article. */
function read(full: string, relative: string, root: string, cwd: string, options: LoadOptions): VFile | undefined {
  const file = new VFile({path: relative, cwd});
  const stat = fs.lstatSync(full, {bigint: true});
  if (stat.isSymbolicLink()) {
    let target: string;
    try {
      target = fs.realpathSync(full);
    } catch {
      if (!isArticle(full)) return undefined;
      fail(file, `broken symbolic link (to ${fs.readlinkSync(full)}): remove it or point it at a file`, undefined, 'symlink');
      return file;
    }
    const folder = fs.statSync(target).isDirectory();
    if (!folder && !isArticle(full)) return undefined;
    if (target !== root && !target.startsWith(root + path.sep)) {
      fail(file, `symbolic link to ${fs.readlinkSync(full)}, outside the articles folder: copy the ${folder ? 'folder' : 'file'} in instead of linking it`, undefined, 'symlink');
      return file;
    }
    if (folder) {
      file.message('symbolic link to a folder is not followed: move the folder here instead', {ruleId: 'symlink', source: 'dateline'}).fatal = false;
      return file;
    }
  }
  const target = stat.isSymbolicLink() ? fs.statSync(full, {bigint: true}) : stat;
  const size = Number(target.size);
  if (size > options.maxBytes) {
    fail(file, `too large: ${megabytes(size)}, over the ${megabytes(options.maxBytes)} limit; split the article, or raise \`maxArticleBytes\` in the config`, undefined, 'too-large');
    return file;
  }
  // Any write changes the size, the modification time or the change time (which no tool can set back).
  file.data.stamp = `${target.size}:${target.mtimeNs}:${target.ctimeNs}:${target.ino}`;
  const known = options.known?.get(file.path);
  if (known?.stamp === file.data.stamp && settledBefore(target.mtimeNs, target.ctimeNs, options.knownAt)) {
    file.data.contentHash = known.contentHash;
    return file;
  }
  readText(file);
  return file;
}

/** Read a found file's text into `file.value` (or report why it is not an article). */
export function readText(file: VFile): void {
  const text = decodeSource(fs.readFileSync(path.resolve(file.cwd, file.path)), file);
  if (text !== undefined) file.value = text;
}

/** A byte count as megabytes with one decimal, the same on every machine (no locale). */
function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
