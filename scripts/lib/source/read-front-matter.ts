import type {Point} from 'unist';
import type {VFile} from 'vfile';
import {z} from '../zod.ts';
import {nearest} from '../config/nearest-name.ts';
import {readYaml} from './read-yaml.ts';
import {fail, reportIssues} from '../report/report-issues.ts';
import {isReservedName} from '../slugify.ts';

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const isoDate = z
  .string({error: 'must be an ISO 8601 date in quotes, e.g. "2017-01-16T09:00:00+03:00"'})
  .check(z.regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO 8601 date such as 2017-01-16 or 2017-01-16T09:00:00+03:00'));

/** The front-matter schema, shared by Markdown and wire copy. `title` and `date` are checked per format. */
export const frontMatterSchema = z.object({
  title: z.optional(text),
  date: z.optional(isoDate),
  updated: z.optional(isoDate),
  author: z.optional(z.union([text, z.array(text).check(z.minLength(1))], {error: 'must be a name or a list of names'})),
  summary: z.optional(text),
  section: z.optional(text),
  tags: z.optional(z.array(text, {error: 'must be a list, e.g. [politics, syria]'})),
  image: z.optional(
    z.strictObject({src: z.optional(text), alt: z.optional(z.string()), decorative: z.optional(z.boolean({error: 'must be true or false'})), caption: z.optional(text), credit: z.optional(text)}),
  ),
  slug: z.optional(
    z
      .string()
      .check(
        z.regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, 'must be letters, digits, - and _ only, e.g. astana-talks (no /, . or spaces)'),
        z.refine((slug) => new TextEncoder().encode(slug).length <= 120, 'is too long: at most 120 bytes (about 40 letters of most non-Latin scripts)'),
        z.refine((slug) => !isReservedName(slug), 'is a device name Windows cannot use as a folder (con, prn, aux, nul, com1…, lpt1…); pick another'),
      ),
  ),
  id: z.optional(z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$|^[\w.-]+$/, 'must be a URI (tag:example.com,2017:story) or a simple name'))),
  draft: z.optional(z.boolean({error: 'must be true or false'})),
  /** Place the story was filed from, shown before the body ("KESTREL BAY —"). */
  dateline: z.optional(text),
  /** Language of the article when it differs from the site's (BCP 47: `ar`, `fr-CA`). */
  lang: z.optional(z.string().check(z.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as ar or fr-CA'))),
  /** Links versions of one story in different editions' languages (any name, the same in each version). */
  translationKey: z.optional(z.string().check(z.regex(/^\S(.*\S)?$/, 'must be a name without leading or trailing spaces, e.g. astana-talks'), z.maxLength(200))),
  /** Corrections and updates, each with the date it was made and what changed. */
  corrections: z.optional(z.array(z.strictObject({date: isoDate, text}), {error: 'must be a list of {date, text} entries'})),
});

/** Front matter after validation. */
export type FrontMatter = z.infer<typeof frontMatterSchema>;

const knownKeys = Object.keys(frontMatterSchema.shape);

/** The result of splitting a source into front matter and body. */
export interface SplitSource {
  /** Validated front matter; `{}` when the file has none. Undefined when it has errors (messages are on the file). */
  readonly data: FrontMatter | undefined;
  /** Whether the file had a front-matter block. */
  readonly present: boolean;
  /** The text after the closing fence (or the whole text). */
  readonly body: string;
  /** Line number of the body's first line in the file. */
  readonly bodyLine: number;
  /** Where a front-matter key stands in the file (line 1 when there is no front matter). */
  readonly locate: (key: string) => Point;
}

const top: Point = {line: 1, column: 1};
const atTop = (): Point => top;

/**
 * Split `---` fenced YAML front matter from a source text, parse it with `yaml`
 * and validate it with the schema; problems become messages on `file` with their line and column.
 */
export function readFrontMatter(file: VFile, source: string): SplitSource {
  const open = /^---[ \t]*\n/.exec(source);
  if (!open) return {data: {}, present: false, body: source, bodyLine: 1, locate: atTop};

  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = source.slice(open[0].length);
  const end = close.exec(rest);
  if (!end) {
    fail(file, 'front matter opened with `---` on line 1 is never closed: add a line with `---` after the last key', {line: 1, column: 1}, 'front-matter');
    return {data: undefined, present: true, body: '', bodyLine: 1, locate: atTop};
  }

  const yamlText = rest.slice(0, end.index);
  const afterFence = rest.slice(end.index + end[0].length).replace(/^\n/, '');
  const bodyLine = 2 + countLines(yamlText) + 1;
  const body = afterFence;
  const yaml = readYaml(yamlText, 2);

  if ('problems' in yaml) {
    for (const problem of yaml.problems) fail(file, `invalid YAML in front matter: ${problem.reason}`, problem.place, 'front-matter');
    return {data: undefined, present: true, body, bodyLine, locate: atTop};
  }

  const value = yaml.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail(file, 'front matter must be a mapping of keys to values, e.g. `title: Headline`', {line: 2, column: 1}, 'front-matter');
    return {data: undefined, present: true, body, bodyLine, locate: atTop};
  }

  for (const key of Object.keys(value)) {
    if (!knownKeys.includes(key)) {
      const near = nearest(key, knownKeys);
      file.message(`unknown front-matter key \`${key}\`${near ? `; did you mean \`${near}\`?` : ` (known keys: ${knownKeys.join(', ')})`}`, {
        place: yaml.locate([key], true),
        ruleId: 'front-matter-unknown-key',
        source: 'dateline',
      });
    }
  }

  const parsed = frontMatterSchema.safeParse(value);
  if (!parsed.success) {
    reportIssues(file, parsed.error.issues, yaml, 'front-matter');
    return {data: undefined, present: true, body, bodyLine, locate: atTop};
  }
  return {data: parsed.data, present: true, body, bodyLine, locate: (key) => yaml.locate([key])};
}

function countLines(value: string): number {
  let count = 0;
  for (const char of value) if (char === '\n') count++;
  return count;
}
