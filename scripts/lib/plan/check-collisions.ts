import fs from 'node:fs';
import path from 'node:path';
import type {Point} from 'unist';
import type {VFile} from 'vfile';
import {articleClaims, describeClash, type BatchClaim, type Clash, type OutputClaims} from './claim-outputs.ts';
import {fail} from '../report/report-issues.ts';
import type {Article} from '../types.ts';

/**
 * Every article claims its output paths (its page and images) in the registry, in path order,
 * and its feed id: a path another article or Dateline itself has (the registry also folds case
 * and Unicode normalization, as macOS and Windows do), or an id another article has, is an
 * error on the later file, naming the earlier owner. Drafts and articles dated later claim
 * theirs too, so publishing one can never take another's place.
 *
 * The paths are offered to the registry as one batch first: when it is the last clean build's,
 * none clashes, and only the ids are compared.
 *
 * @param claims The registry, holding Dateline's reserved paths already.
 * @returns the articles that do not clash.
 */
export function checkCollisions(entries: readonly {article: Article; file: VFile}[], claims: OutputClaims): Article[] {
  const batch: BatchClaim[] = [];
  for (const {article} of entries) {
    const {owner, paths} = articleClaims(article);
    for (const path of paths) batch.push({path, owner});
  }
  const trusted = claims.trust(batch);
  const byId = new Map<string, Article>();
  const kept: Article[] = [];
  for (const {article, file} of entries) {
    let clash: Clash | undefined;
    if (!trusted) {
      const {owner, paths} = articleClaims(article);
      for (const outputPath of paths) {
        clash = claims.claim(outputPath, owner);
        if (clash) break;
      }
    }
    if (clash) {
      reportClash(file, clash);
      continue;
    }
    const sameId = byId.get(article.id);
    if (sameId) {
      fail(file, `same id (${article.id}) as ${sameId.source}: give one of them another \`id\``, {line: 1, column: 1}, 'duplicate-id');
      continue;
    }
    byId.set(article.id, article);
    kept.push(article);
  }
  return kept;
}

/** Report `clash` on an article's file: at its front matter's `slug:`, where it has one, else at line 1. */
export function reportClash(file: VFile, clash: Clash): void {
  const {reason, rule} = describeClash(clash);
  fail(file, reason, frontMatterPlace(file, 'slug') ?? {line: 1, column: 1}, rule);
}

/** Where the front matter sets `key:` (the file is read again: a cached article's text was never read). */
export function frontMatterPlace(file: VFile, key: string): Point | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(file.cwd, file.path), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return undefined;
  for (let index = 1; index < lines.length && !/^(?:---|\.\.\.)[ \t]*$/.test(lines[index]!); index++) {
    if (lines[index]!.startsWith(key) && /^[ \t]*:/.test(lines[index]!.slice(key.length))) return {line: index + 1, column: 1};
  }
  return undefined;
}
