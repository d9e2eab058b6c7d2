import type {VFile} from 'vfile';
import type {z} from '../zod.ts';
import type {YamlData} from '../source/read-yaml.ts';

/**
 * Turn schema-validation issues into fatal vfile messages placed at the offending key.
 *
 * @param file The file the YAML came from; messages are added to it.
 * @param issues Issues from a failed `safeParse`.
 * @param yaml The parsed YAML, to locate each issue's key.
 * @param ruleId Rule id for the messages (`front-matter`, `config`).
 */
export function reportIssues(file: VFile, issues: readonly z.core.$ZodIssue[], yaml: YamlData, ruleId: string): void {
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    const reason = key ? `\`${key}\`: ${issue.message}` : issue.message;
    const message = file.message(reason, {place: yaml.locate(issue.path), ruleId, source: 'dateline'});
    message.fatal = true;
  }
}

/** Mark a message fatal and return it: a shorthand for errors that stop the build. */
export function fail(file: VFile, reason: string, place: {line: number; column: number} | undefined, ruleId: string): void {
  const message = file.message(reason, {place, ruleId, source: 'dateline'});
  message.fatal = true;
}

/**
 * Run `make` without capturing stack traces. A vfile message is an Error, and capturing its
 * stack costs four times the rest of making it (5.6 against 1.4 µs); a build puts thousands of
 * messages back on files (each cached article's notes, the feeds' budget notes), and no report
 * shows a message's stack.
 */
export function withoutStacks<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
