import fs from 'node:fs';
import path from 'node:path';
import type {OutputFile} from './types.ts';

/**
 * The only module that writes the site. Every file goes into a fresh staging folder
 * beside `outDir`; only when all are written is the staging folder swapped into place.
 * A failure or a kill before the swap leaves the previous `outDir` exactly as it was.
 *
 * @param outDir The output folder (`dist/`).
 * @param files Files relative to the output folder; paths are checked to stay inside it.
 */
export function writeOutput(outDir: string, files: readonly OutputFile[]): void {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  fs.mkdirSync(parent, {recursive: true});
  recoverInterruptedSwap(target);

  const staging = fs.mkdtempSync(path.join(parent, `.${base}.tmp-`));
  try {
    const made = new Set<string>();
    for (const file of files) {
      const destination = inside(staging, file.path);
      const folder = path.dirname(destination);
      if (!made.has(folder)) {
        fs.mkdirSync(folder, {recursive: true});
        made.add(folder);
      }
      if ('copyFrom' in file) fs.copyFileSync(file.copyFrom, destination);
      else fs.writeFileSync(destination, file.contents);
    }
    swap(staging, target);
  } catch (error) {
    fs.rmSync(staging, {recursive: true, force: true});
    throw error;
  }
}

/** Resolve `relative` inside `root`, refusing anything that would land outside it. */
export function inside(root: string, relative: string): string {
  const resolved = path.resolve(root, relative);
  if (relative.includes('\0') || path.isAbsolute(relative) || !resolved.startsWith(root + path.sep)) {
    throw new Error(`refusing to write "${relative}": it is outside the output folder`);
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
 * folder: put it back. Leftover staging folders of killed builds are removed.
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
