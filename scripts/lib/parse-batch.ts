import {VFile} from 'vfile';
import {parseArticle} from './parse-article.ts';
import {fail} from './report-issues.ts';
import type {Article, SiteConfig} from './types.ts';

/** A source file as it crosses to a worker: plain data. */
export interface SourceData {
  readonly path: string;
  readonly cwd: string;
  readonly value: string;
}

/** A message as it crosses back from a worker. */
export interface MessageData {
  readonly reason: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly ruleId: string | undefined;
  readonly fatal: boolean | undefined;
}

/** What parsing one file gave: the article (when it has no fatal problem) and every message. */
export interface ParseOutcome {
  readonly article: Article | undefined;
  readonly messages: readonly MessageData[];
}

/**
 * Parse a batch of sources into articles: the unit of work a worker thread runs.
 * Pure over its arguments; a crash in one file becomes that file's error, not the batch's.
 */
export default function parseBatch({sources, config}: {sources: readonly SourceData[]; config: SiteConfig}): ParseOutcome[] {
  return sources.map((source) => {
    const file = new VFile({path: source.path, cwd: source.cwd, value: source.value});
    let article: Article | undefined;
    try {
      article = parseArticle(file, config);
    } catch (error) {
      fail(file, `could not be read: ${(error as Error).message}`, undefined, 'internal');
    }
    return {
      article,
      messages: file.messages.map((message) => ({
        reason: message.reason,
        line: message.line ?? undefined,
        column: message.column ?? undefined,
        ruleId: message.ruleId ?? undefined,
        fatal: message.fatal ?? undefined,
      })),
    };
  });
}
