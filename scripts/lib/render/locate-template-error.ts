import path from 'node:path';
import type {Point} from 'unist';

/** A template error as messages report it: the template file (relative to the site), the place in it, and the reason alone. */
export interface TemplateProblem {
  readonly file: string | undefined;
  readonly place: Point | undefined;
  readonly reason: string;
}

interface LiquidToken {
  readonly file?: string;
  readonly getPosition?: () => [number, number];
}

/**
 * Where a LiquidJS error happened: its innermost error that carries a token (a partial's
 * error inside the page that includes it) gives the template file and its line and column;
 * LiquidJS's own ", file:…, line:…, col:…" suffixes are taken off the reason.
 *
 * @param cwd The site folder, which the file's path is made relative to.
 */
export function locateTemplateError(error: unknown, cwd: string): TemplateProblem {
  let token: LiquidToken | undefined;
  for (let at = error as {token?: LiquidToken; originalError?: unknown; cause?: unknown} | undefined; at && typeof at === 'object'; at = (at.originalError ?? at.cause) as typeof at) {
    if (at.token?.file && typeof at.token.getPosition === 'function') token = at.token;
  }
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.replace(/, (?:file:.*?, )?line:\d+, col:\d+/g, '');
  if (!token?.file) return {file: undefined, place: undefined, reason};
  const [line, column] = token.getPosition!();
  return {file: path.relative(cwd, token.file).split(path.sep).join('/') || token.file, place: {line, column}, reason};
}
