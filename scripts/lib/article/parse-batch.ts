import {VFile} from 'vfile';
import {readCredit} from '../images/read-credit.ts';
import {parseArticle} from './parse-article.ts';
import {loadWireTools} from './wire/wire-tools.ts';
import {fail} from '../report/report-issues.ts';
import type {Article, ArticleBody, SiteConfig} from '../types.ts';

/** A source file as it crosses to a worker: plain data. */
export interface SourceData {
  /** The article's cache key (see `articleKey`). */
  readonly key: string;
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

/**
 * What parsing one file gave: the article (when it has no fatal problem) and every message,
 * and the article's body when it was parsed now (a cached outcome's body is in the cache's body file).
 */
export interface ParseOutcome {
  readonly article: Article | undefined;
  readonly messages: readonly MessageData[];
  readonly body?: ArticleBody | undefined;
}

/**
 * Parse a batch of sources into articles: the unit of work a worker thread runs.
 * Pure over its arguments; a crash in one file becomes that file's error, not the batch's.
 * A lead photo without a caption or credit in front matter takes the ones embedded in the file (IPTC/XMP).
 */
export default async function parseBatch({sources, config}: {sources: readonly SourceData[]; config: SiteConfig}): Promise<ParseOutcome[]> {
  const outcomes: ParseOutcome[] = [];
  if (sources.some((source) => source.path.toLowerCase().endsWith('.txt'))) await loadWireTools();
  for (const source of sources) {
    const file = new VFile({path: source.path, cwd: source.cwd, value: source.value});
    let article: Article | undefined;
    let body: ArticleBody | undefined;
    try {
      const parsed = parseArticle(file, config, source.key);
      article = parsed?.article;
      body = parsed?.body;
      const image = article?.image;
      if (article && image?.plan && (image.caption === undefined || image.credit === undefined)) {
        const embedded = await readCredit(image.plan.source);
        const caption = image.caption ?? embedded.caption;
        const credit = image.credit ?? embedded.credit;
        article = {...article, image: {...image, ...(caption === undefined ? {} : {caption}), ...(credit === undefined ? {} : {credit})}};
      }
    } catch (error) {
      fail(file, `could not be read: ${(error as Error).message}`, undefined, 'internal');
    }
    outcomes.push({
      article,
      body: article && body,
      messages: file.messages.map((message) => ({
        reason: message.reason,
        line: message.line ?? undefined,
        column: message.column ?? undefined,
        ruleId: message.ruleId ?? undefined,
        fatal: message.fatal ?? undefined,
      })),
    });
  }
  return outcomes;
}
