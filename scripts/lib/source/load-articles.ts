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
export function loadArticles(dir: string, cwd: string, options: LoadOptions): VFile[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    const file = new VFile({path: path.relative(cwd, dir) || dir, cwd});
    fail(file, 'articles folder not found; create it or pass --articles DIR', undefined, 'articles');
    return [file];
  }
  const root = fs.realpathSync(dir);
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isSymbolicLink() || (entry.isFile() && isArticle(full))) found.push(full);
    }
  };
  walk(dir);
  found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return found.map((full) => read(full, root, cwd, options)).filter((file) => file !== undefined);
}

const isArticle = (name: string): boolean => articleExtensions.includes(path.extname(name).toLowerCase());

/** One found entry to a VFile, or undefined for a link that is not an article. */
function read(full: string, root: string, cwd: string, options: LoadOptions): VFile | undefined {
  const file = new VFile({path: path.relative(cwd, full), cwd});
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
  const changed = Number((target.mtimeNs > target.ctimeNs ? target.mtimeNs : target.ctimeNs) / 1_000_000n);
  if (known?.stamp === file.data.stamp && changed < (options.knownAt ?? Infinity) - 1000) {
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
