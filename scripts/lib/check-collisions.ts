import type {VFile} from 'vfile';
import {fail} from './report-issues.ts';
import type {Article} from './types.ts';

/**
 * Two articles may not share an output path or a feed id: report each clash on the
 * later file (in path order), naming the earlier one. Paths that differ only in case or
 * Unicode normalization clash too: macOS and Windows would write them to one folder.
 *
 * @returns the articles that do not clash.
 */
export function checkCollisions(entries: readonly {article: Article; file: VFile}[]): Article[] {
  const byPath = new Map<string, Article>();
  const byId = new Map<string, Article>();
  const kept: Article[] = [];
  for (const {article, file} of entries) {
    const key = folded(article.path);
    const samePath = byPath.get(key);
    const sameId = byId.get(article.id);
    if (samePath) {
      const clash =
        samePath.path === article.path
          ? `same URL (${article.path}) as ${samePath.source}`
          : `URL ${article.path} differs only in case from ${samePath.path} of ${samePath.source}, and macOS and Windows would write both into one folder`;
      fail(file, `${clash}: give one of them another \`slug\``, {line: 1, column: 1}, 'duplicate-slug');
    }
    else if (sameId) fail(file, `same id (${article.id}) as ${sameId.source}: give one of them another \`id\``, {line: 1, column: 1}, 'duplicate-id');
    if (samePath || sameId) continue;
    byPath.set(key, article);
    byId.set(article.id, article);
    kept.push(article);
  }
  return kept;
}

/** A path as a case-insensitive, normalizing file system sees it. */
function folded(value: string): string {
  return value.normalize('NFC').toLowerCase();
}
