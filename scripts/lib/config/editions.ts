import {isReservedName} from '../slugify.ts';
import type {Edition, SiteConfig} from '../types.ts';

/** An edition as the config file gives it. */
export interface EditionSetting {
  readonly lang: string;
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly path?: string | undefined;
}

/** Top-level folders Dateline keeps for itself: no edition's path may begin with one. */
const keptFolders = new Set(['page', 'section', 'tag', 'author', 'archive', 'assets', 'search', 'pagefind', '__dateline', 'cname']);

/** Languages written right to left (by primary subtag). */
const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** Whether a language tag is written right to left. */
export function isRtl(tag: string): boolean {
  return rtlLanguages.has(primaryTag(tag));
}

/** A language tag's primary subtag, lower case (`fr-CA` → `fr`). */
export function primaryTag(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? '';
}

/**
 * The site's editions from the config's `editions` (none: one, the main, from `language`,
 * `title` and `description`). The main edition is the one in the site's `language`, else the
 * first; it comes first and lives at the root. Each other edition needs its own `path`, a
 * relative folder such as `fr/`.
 *
 * @returns the editions, main first (its language is the site's), or the problems, each with the place in the list it is about.
 */
export function resolveEditions(
  settings: readonly EditionSetting[] | undefined,
  site: {readonly language: string; readonly title: string; readonly description: string; readonly languageSet: boolean},
): {editions: Edition[]} | {problems: {path: (string | number)[]; reason: string}[]} {
  const edition = (lang: string, title: string, description: string, path: string): Edition => ({lang, title, description, path, dir: isRtl(lang) ? 'rtl' : 'ltr', strings: {}});
  if (!settings || settings.length === 0) return {editions: [edition(site.language, site.title, site.description, '')]};
  const problems: {path: (string | number)[]; reason: string}[] = [];
  // The main edition: the site's `language` when it names one (set in the file), else the first.
  let main = site.languageSet ? settings.findIndex((setting) => setting.lang.toLowerCase() === site.language.toLowerCase()) : 0;
  if (main < 0) {
    problems.push({path: [], reason: `no edition has the site's \`language\` (${site.language}); add one, or set \`language\` to the main edition's`});
    main = 0;
  }
  const langs = new Map<string, number>();
  const paths = new Map<string, number>();
  const editions = settings.map((setting, index): Edition => {
    const lang = setting.lang.toLowerCase();
    const earlier = langs.get(lang);
    if (earlier !== undefined) problems.push({path: [index, 'lang'], reason: `\`${setting.lang}\` is the language of edition ${earlier + 1} too; each edition needs its own language`});
    langs.set(lang, index);
    const raw = setting.path ?? '';
    const path = raw === '/' ? '' : raw;
    if (index === main) {
      if (path !== '') problems.push({path: [index, 'path'], reason: `the main edition (${setting.lang}, the site's \`language\`) is at the site root: remove its \`path\``});
    } else if (path === '') {
      problems.push({path: [index, 'path'], reason: `edition ${setting.lang} needs a \`path\`, the folder it is published in, such as ${primaryTag(setting.lang)}/`});
    } else {
      const reason = pathProblem(path);
      if (reason) problems.push({path: [index, 'path'], reason});
      const folded = path.toLowerCase();
      // One edition's folder may not hold another's (`fr/` and `fr/ca/`): their listings would share paths.
      const other = [...paths].find(([taken]) => taken.startsWith(folded) || folded.startsWith(taken));
      if (other) problems.push({path: [index, 'path'], reason: other[0] === folded ? `\`${path}\` is the path of edition ${other[1] + 1} too; each edition needs its own folder` : `\`${path}\` and edition ${other[1] + 1}'s \`${settings[other[1]]!.path}\` nest; each edition needs a folder of its own, beside the others`});
      paths.set(folded, index);
    }
    return edition(setting.lang, setting.title ?? site.title, setting.description ?? site.description, index === main ? '' : path);
  });
  if (problems.length > 0) return {problems};
  return {editions: [editions[main]!, ...editions.filter((_, index) => index !== main)]};
}

/** Why an edition's `path` cannot be used, or undefined when it can. */
function pathProblem(path: string): string | undefined {
  if (!/^[\p{L}\p{N}_-]+(\/[\p{L}\p{N}_-]+)*\/$/u.test(path)) return `\`${path}\` must be a relative folder ending in /, such as fr/ (letters, digits, - and _; no leading /, no . or ..)`;
  if (path.split('/').some((segment) => isReservedName(segment))) return `\`${path}\` holds a name Windows cannot use as a folder (con, prn, aux, nul, com1…, lpt1…); choose another`;
  const first = path.split('/')[0]!.toLowerCase();
  if (keptFolders.has(first) || /^\d+$/.test(first)) return `\`${path}\` begins with ${first}/, which Dateline keeps for ${/^\d+$/.test(first) ? 'article dates' : 'itself'}; choose another folder, such as the language's code`;
  return undefined;
}

/**
 * The edition of an article in language `lang`: the one of that language, else of its
 * primary subtag (`fr-CA` → `fr`), else the main edition (no `lang`, or one without an edition).
 */
export function editionOf(editions: readonly Edition[], lang: string | undefined): Edition {
  if (lang !== undefined && editions.length > 1) {
    const tag = lang.toLowerCase();
    const exact = editions.find((edition) => edition.lang.toLowerCase() === tag);
    if (exact) return exact;
    const primary = editions.find((edition) => primaryTag(edition.lang) === primaryTag(tag));
    if (primary) return primary;
  }
  return editions[0]!;
}

/** The edition whose folder is `folder` (an article's `edition`), the main one when none is. */
export function editionAt(config: Pick<SiteConfig, 'editions'>, folder: string): Edition {
  return config.editions.find((edition) => edition.path === folder) ?? config.editions[0]!;
}

/**
 * The config an edition's pages, listings and feeds are made with: the site's, with the
 * edition's title, description and language. One object per edition and site config, so the
 * memos keyed by a config (article views, groupings) hold for the whole build.
 */
export function editionConfig(config: SiteConfig, edition: Edition): SiteConfig {
  if (edition === config.edition) return config;
  let byEdition = editionConfigs.get(config);
  if (!byEdition) editionConfigs.set(config, (byEdition = new Map()));
  let made = byEdition.get(edition);
  if (!made) byEdition.set(edition, (made = Object.freeze({...config, title: edition.title, description: edition.description, language: edition.lang, edition})));
  return made;
}

const editionConfigs = new WeakMap<SiteConfig, Map<Edition, SiteConfig>>();
