import fs from 'node:fs';
import path from 'node:path';
import {withOutputLock, type LockOptions} from './output-lock.ts';
import type {OutputFile} from './types.ts';

/** A failure to write the output, its message naming the path and the cause. */
export class OutputError extends Error {}

/**
 * The only module that writes the site. Every file goes into a fresh staging folder
 * beside `outDir`; only when all are written is the staging folder swapped into place.
 * A failure or a kill before the swap leaves the previous `outDir` exactly as it was.
 * Builds into the same folder take turns (see {@link withOutputLock}).
 *
 * @param outDir The output folder (`dist/`).
 * @param files Files relative to the output folder; paths are checked to stay inside it.
 * @throws {OutputError} naming the file or folder that could not be written.
 */
export function writeOutput(outDir: string, files: readonly OutputFile[], options: LockOptions = {}): void {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  const blocker = fileOnTheWay(parent);
  if (blocker) throw new OutputError(`could not write ${target}: ${blocker} is a file, not a folder`);
  attempt(parent, () => fs.mkdirSync(parent, {recursive: true}));
  attempt(target, () => withOutputLock(target, () => {
    recoverInterruptedSwap(target);
    const staging = attempt(parent, () => fs.mkdtempSync(path.join(parent, `.${base}.tmp-`)));
    try {
      const made = new Set<string>();
      for (const file of files) {
        const destination = inside(staging, file.path);
        attempt(path.join(target, file.path), () => {
          const folder = path.dirname(destination);
          if (!made.has(folder)) {
            fs.mkdirSync(folder, {recursive: true});
            made.add(folder);
          }
          if ('copyFrom' in file) fs.copyFileSync(file.copyFrom, destination);
          else fs.writeFileSync(destination, file.contents);
        });
      }
      swap(staging, target);
    } catch (error) {
      fs.rmSync(staging, {recursive: true, force: true});
      throw error;
    }
  }, options));
}

/** The nearest existing ancestor of `folder` (or itself) when it is not a folder. */
function fileOnTheWay(folder: string): string | undefined {
  for (let at = folder; ; at = path.dirname(at)) {
    const stat = fs.statSync(at, {throwIfNoEntry: false});
    if (stat) return stat.isDirectory() ? undefined : at;
    if (path.dirname(at) === at) return undefined;
  }
}

/** Run `write`; turn a file-system error into an {@link OutputError} naming `where`. */
function attempt<T>(where: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof OutputError) throw error;
    const {code, message} = error as NodeJS.ErrnoException;
    const reason = code ? message.replace(/^\w+: /, '').replace(/, \w+(?: '.*')?$/, '') : message;
    throw new OutputError(`could not write ${where}: ${reason}${code ? ` (${code})` : ''}`, {cause: error});
  }
}

/** Resolve `relative` inside `root`, refusing anything that would land outside it. */
export function inside(root: string, relative: string): string {
  const resolved = path.resolve(root, relative);
  if (relative.includes('\0') || path.isAbsolute(relative) || !resolved.startsWith(root + path.sep)) {
    throw new OutputError(`refusing to write "${relative}": it is outside the output folder`);
  }
  return resolved;
}

/** Move the old output aside, the new one in, then delete the old one. */
function swap(staging: string, target: string): void {
  const old = `${path.join(path.dirname(target), `.${path.basename(target)}.old`)}-${process.pid}`;
  const hadOld = fs.existsSync(target);
  if (hadOld) fs.renameSync(target, old);
  try {
    fs.renameSync(staging, target);
  } catch (error) {
    if (hadOld) fs.renameSync(old, target);
    throw error;
  }
  if (hadOld) fs.rmSync(old, {recursive: true, force: true});
}

/**
 * A build killed between the two renames of a swap leaves no `outDir` but a `.<out>.old-*`
 * folder: put it back. Leftover staging folders of killed builds are removed. Only called
 * while holding the output lock, so no other build is using them.
 */
function recoverInterruptedSwap(target: string): void {
  const parent = path.dirname(target);
  const base = path.basename(target);
  const leftovers = fs.readdirSync(parent).filter((name) => name.startsWith(`.${base}.old-`) || name.startsWith(`.${base}.tmp-`));
  for (const name of leftovers.sort()) {
    const full = path.join(parent, name);
    if (name.startsWith(`.${base}.old-`) && !fs.existsSync(target)) fs.renameSync(full, target);
    else fs.rmSync(full, {recursive: true, force: true});
  }
}
