import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A fresh, empty folder under the system temp dir; {@link removeTempDirs} deletes them all. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-'));
  made.push(dir);
  return dir;
}

/** Delete every folder {@link tempDir} made. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
}

/**
 * Rewrite `file` with `text` of the same byte length and set its modification time back, so
 * only its change time (which no tool can set back) tells the edit: size, modification time
 * and inode stay as they were. The modification time must be a whole second beforehand (set it
 * with `fs.utimesSync`), since `utimesSync` takes seconds as a float and cannot restore
 * nanoseconds. File system clocks may be coarse: the write is repeated until the change time moves.
 */
export async function rewriteKeepingSizeAndTime(file: string, text: string): Promise<void> {
  const before = fs.statSync(file, {bigint: true});
  if (before.mtimeNs % 1_000_000_000n !== 0n) throw new Error(`${file}: set its modification time to a whole second first`);
  if (BigInt(Buffer.byteLength(text)) !== before.size) throw new Error(`${file}: the new text is ${Buffer.byteLength(text)} bytes, not ${before.size}`);
  if (fs.readFileSync(file, 'utf8') === text) throw new Error(`${file}: the new text is the old one`);
  const seconds = Number(before.mtimeNs / 1_000_000_000n);
  for (let tries = 0; ; tries++) {
    fs.writeFileSync(file, text);
    fs.utimesSync(file, seconds, seconds);
    const after = fs.statSync(file, {bigint: true});
    if (after.size !== before.size || after.mtimeNs !== before.mtimeNs || after.ino !== before.ino) throw new Error(`${file}: the rewrite changed its size, modification time or inode`);
    if (after.ctimeNs > before.ctimeNs) return;
    if (tries === 400) throw new Error(`${file}: the change time never moved past ${before.ctimeNs}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Every file under `dir` (dotfiles included), as `/`-separated relative paths,
 * sorted by code point so the order never depends on the file system or locale.
 */
export function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, {recursive: true, withFileTypes: true}) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every file under `dir` with its bytes, keyed by relative path in {@link listFiles} order. */
export function snapshot(dir: string): Map<string, Buffer> {
  return new Map(listFiles(dir).map((file) => [file, fs.readFileSync(path.join(dir, file))]));
}

/** The relative paths whose bytes differ between two snapshots, or that only one of them has. */
export function snapshotDifferences(a: ReadonlyMap<string, Buffer>, b: ReadonlyMap<string, Buffer>): string[] {
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((file) => {
    const left = a.get(file);
    const right = b.get(file);
    return left === undefined || right === undefined || !left.equals(right);
  });
}

/** Whether expectation files are being rewritten (`UPDATE=1`). */
export const updating = process.env['UPDATE'] === '1';

/**
 * The expected text stored in `file`; with `UPDATE=1`, `actual` is written there first,
 * so the caller's comparison passes and `git diff` shows what changed.
 */
export function expectation(file: string, actual: string): string {
  if (updating) fs.writeFileSync(file, actual);
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist: run the tests with UPDATE=1 to create it, then read it`);
  return fs.readFileSync(file, 'utf8');
}

const named: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0'};

/** Decode HTML character references (named ones that HTML serializers emit, and numeric ones). */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10));
    return named[ref.toLowerCase()] ?? whole;
  });
}

/** The text of an HTML fragment: tags dropped, references decoded. */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''));
}

/** The decoded text of every `<p>` in an HTML fragment, in order. */
export function paragraphsOf(html: string): string[] {
  return [...html.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/g)].map((match) => textOf(match[1] ?? ''));
}

/** Every URL in `href`, `src` and `srcset` attributes of an HTML document, decoded. */
export function urlsOf(html: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(/\s(href|src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const value = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
    if (match[1]?.toLowerCase() === 'srcset') urls.push(...value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '').filter(Boolean));
    else urls.push(value);
  }
  return urls;
}
