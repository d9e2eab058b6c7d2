import type {VFile} from 'vfile';
import {fail} from './report-issues.ts';
import type {Article} from './types.ts';

/**
 * Two articles may not share an output path or a feed id: report each clash on the
 * later file (in path order), naming the earlier one.
 *
 * @returns the articles that do not clash.
 */
export function checkCollisions(entries: readonly {article: Article; file: VFile}[]): Article[] {
  const byPath = new Map<string, Article>();
  const byId = new Map<string, Article>();
  const kept: Article[] = [];
  for (const {article, file} of entries) {
    const samePath = byPath.get(article.path);
    const sameId = byId.get(article.id);
    if (samePath) fail(file, `same URL (${article.path}) as ${samePath.source}: give one of them another \`slug\``, {line: 1, column: 1}, 'duplicate-slug');
    else if (sameId) fail(file, `same id (${article.id}) as ${sameId.source}: give one of them another \`id\``, {line: 1, column: 1}, 'duplicate-id');
    if (samePath || sameId) continue;
    byPath.set(article.path, article);
    byId.set(article.id, article);
    kept.push(article);
  }
  return kept;
}
