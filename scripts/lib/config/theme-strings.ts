import fs from 'node:fs';
import path from 'node:path';
import type {Point} from 'unist';
import {readYaml} from '../source/read-yaml.ts';
import {primaryTag} from './editions.ts';

/** The theme's words in one language, by key (`related_articles`), as templates get them (`site.strings`). */
export type ThemeStrings = Readonly<Record<string, string>>;

/** Where the theme keeps its strings files: `templates/strings/<lang>.yaml`. */
export const stringsFolder = 'strings';

/** A problem with a strings file, with its path relative to the templates folder's parent and its place. */
export interface StringsProblem {
  readonly file: string;
  readonly reason: string;
  readonly place?: Point | undefined;
  /** Only a warning: the build goes on (a language without a file gets English). */
  readonly warning?: boolean;
}

/**
 * The theme strings of language `lang`: English (`en.yaml`) as the base, then the file of its
 * primary subtag (`fr.yaml` for `fr-CA`), then its own (`fr-CA.yaml`), each overriding the keys
 * it has. A theme without a `strings/` folder has none (its templates use none). A language
 * with no file of its own gets English, and (`warn`: an edition of a site with several) a warning.
 */
export function themeStrings(templatesDir: string, lang: string, warn = true): {strings: ThemeStrings; problems: StringsProblem[]} {
  const folder = path.join(templatesDir, stringsFolder);
  if (!fs.existsSync(folder)) return {strings: {}, problems: []};
  const problems: StringsProblem[] = [];
  const names = [...new Set(['en', primaryTag(lang), lang.toLowerCase()])];
  // The folder's files by lower-case language tag (`fr-ca.yaml` answers `fr-CA`; `.yaml` before `.yml`), read once.
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(folder).sort()) {
    const tag = /^(.+)\.ya?ml$/i.exec(entry)?.[1]?.toLowerCase();
    if (tag !== undefined && !files.has(tag)) files.set(tag, path.join(folder, entry));
  }
  const strings: Record<string, string> = {};
  let own = false;
  for (const name of names) {
    const file = files.get(name);
    if (!file) continue;
    if (name !== 'en' || primaryTag(lang) === 'en') own = true;
    Object.assign(strings, readStrings(file, problems));
  }
  // A language's own name comes from its own file only: else `Intl` names it (never "English").
  if (!own) delete strings['language_name'];
  if (!own && warn) problems.push({file: path.join(path.basename(templatesDir), stringsFolder), reason: `no strings file for the language ${lang}: its pages show the theme's English words; add ${primaryTag(lang)}.yaml (a copy of en.yaml, translated)`, warning: true});
  return {strings, problems};
}

/** One strings file: a flat mapping of keys to text; anything else is a problem at its place. */
function readStrings(file: string, problems: StringsProblem[]): Record<string, string> {
  const shown = path.join(path.basename(path.dirname(path.dirname(file))), stringsFolder, path.basename(file));
  const yaml = readYaml(fs.readFileSync(file, 'utf8'));
  if ('problems' in yaml) {
    for (const problem of yaml.problems) problems.push({file: shown, reason: `invalid YAML: ${problem.reason}`, place: problem.place});
    return {};
  }
  const value = yaml.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({file: shown, reason: 'must be a mapping of keys to text, such as `related_articles: Related articles`'});
    return {};
  }
  const strings: Record<string, string> = {};
  for (const [key, text] of Object.entries(value as Record<string, unknown>)) {
    if (typeof text === 'string' || typeof text === 'number') strings[key] = String(text);
    else problems.push({file: shown, reason: `\`${key}\` must be text`, place: yaml.locate([key], true)});
  }
  return strings;
}
