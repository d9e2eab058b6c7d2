import fs from 'node:fs';
import path from 'node:path';
import {XMLValidator} from 'fast-xml-parser';
import type {OutputProblem} from './check-links.ts';

/**
 * Check that every feed of the output is well-formed: `.xml` files with fast-xml-parser's
 * validator, `.json` feeds with `JSON.parse` (and a JSON Feed `version` and `items`).
 *
 * @param outDir The built site.
 * @param feeds Output paths of the feeds (`feed.xml`, `atom.xml`, `feed.json`, …).
 */
export function checkFeeds(outDir: string, feeds: readonly string[]): OutputProblem[] {
  const problems: OutputProblem[] = [];
  for (const feed of feeds) {
    const text = fs.readFileSync(path.join(outDir, feed), 'utf8');
    const problem = feed.endsWith('.json') ? jsonProblem(text) : xmlProblem(text);
    if (problem) problems.push({page: feed, subject: '', reason: `feed is not well-formed: ${problem}`, rule: 'feed'});
  }
  return problems;
}

/** Why an XML text is not well-formed, or undefined. */
export function xmlProblem(text: string): string | undefined {
  const result = XMLValidator.validate(text);
  return result === true ? undefined : `${result.err.msg} (line ${result.err.line}, column ${result.err.col})`;
}

/** Why a JSON Feed text is not well-formed, or undefined. */
export function jsonProblem(text: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  const feed = data as {version?: unknown; items?: unknown};
  if (typeof feed !== 'object' || feed === null || typeof feed.version !== 'string' || !Array.isArray(feed.items)) return 'not a JSON Feed (needs "version" and "items")';
  return undefined;
}
