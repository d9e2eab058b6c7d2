import fs from 'node:fs';
import path from 'node:path';
import {VFile} from 'vfile';

/** Article sources the build reads. */
export const articleExtensions = ['.md', '.txt'];

/**
 * Find every article source under `dir` (recursively; names starting with `.` or `_`
 * are skipped) and read it into a VFile whose path is relative to `cwd`.
 * The list is sorted by path with a plain code-point comparison, so the order
 * never depends on the file system or the locale.
 */
export function loadArticles(dir: string, cwd: string): VFile[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    const file = new VFile({path: path.relative(cwd, dir) || dir, cwd});
    const message = file.message('articles folder not found; create it or pass --articles DIR', {ruleId: 'articles', source: 'dateline'});
    message.fatal = true;
    return [file];
  }
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && articleExtensions.includes(path.extname(entry.name).toLowerCase())) files.push(full);
    }
  };
  walk(dir);
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return files.map((full) => new VFile({path: path.relative(cwd, full), cwd, value: fs.readFileSync(full, 'utf8')}));
}
