import fs from 'node:fs';
import path from 'node:path';
import {VFile} from 'vfile';
import {z} from '../zod.ts';
import {configDefaults, configFileName} from './config-defaults.ts';
import {parseDate} from '../dates.ts';
import {nearest} from './nearest-name.ts';
import {resolveEditions} from './editions.ts';
import {themeStrings} from './theme-strings.ts';
import {readYaml} from '../source/read-yaml.ts';
import type {Point} from 'unist';
import {fail, reportIssues} from '../report/report-issues.ts';
import type {SiteConfig} from '../types.ts';

/** Settings given on the command line; each overrides the config file. */
export interface ConfigOverrides {
  readonly url?: string | undefined;
  readonly articles?: string | undefined;
  readonly out?: string | undefined;
  readonly config?: string | undefined;
  /** `--now`: ISO 8601 instant the build treats as now. */
  readonly now?: string | undefined;
  /** `--drafts`: publish drafts too. */
  readonly drafts?: boolean | undefined;
  /** `dateline serve`: pages load the live-reload script. */
  readonly liveReload?: boolean | undefined;
  /** `--no-cache`: neither read nor write the build cache. */
  readonly noCache?: boolean | undefined;
}

const httpUrl = z.url({protocol: /^https?$/, error: 'must be an absolute http(s) URL with a scheme, e.g. https://owner.github.io/repo/'});

const timezone = z.string().check(
  z.refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', {timeZone: zone});
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as UTC or Europe/Berlin'),
);

const regexString = z.string().check(
  z.refine((source) => {
    try {
      new RegExp(source, 'iu');
      return true;
    } catch {
      return false;
    }
  }, 'must be a valid regular expression'),
);

/** The config file's schema: every key optional, unknown keys refused. */
const fileSchema = z.strictObject({
  title: z.optional(z.string().check(z.minLength(1))),
  description: z.optional(z.string()),
  url: z.optional(httpUrl),
  language: z.optional(z.string().check(z.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as en or en-GB'))),
  timezone: z.optional(timezone),
  author: z.optional(z.string().check(z.minLength(1))),
  copyright: z.optional(z.string()),
  idBase: z.optional(z.string().check(z.regex(/^(tag|urn|https?):\S+$/, 'must be a URI prefix such as tag:example.com,2017:'))),
  feedSize: z.optional(z.int({error: 'must be a whole number, e.g. 20'}).check(z.minimum(1), z.maximum(1000))),
  feedMaxBytes: z.optional(z.int({error: 'must be a whole number of bytes, e.g. 1048576'}).check(z.minimum(16_384, 'must be at least 16384 bytes, room for a feed and a few summaries'))),
  pageSize: z.optional(z.int({error: 'must be a whole number, e.g. 10'}).check(z.minimum(1), z.maximum(1000))),
  permalink: z.optional(
    z.string().check(
      z.regex(/^[\w:-]+(?:\/[\w:-]+)*\/$/, 'must be a relative path pattern ending in / such as :year/:month/:slug/ (letters, digits, _, - and :tokens; no leading /, no . or ..)'),
      z.refine((p) => p.includes(':slug'), 'must contain :slug'),
    ),
  ),
  chromePatterns: z.optional(z.array(regexString)),
  gfm: z.optional(z.boolean({error: 'must be true or false'})),
  search: z.optional(z.boolean({error: 'must be true or false'})),
  searchShardSize: z.optional(z.int({error: 'must be a whole number, e.g. 1000'}).check(z.minimum(1))),
  icon: z.optional(z.string().check(z.regex(/^$|^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[^\\]+$/, 'must be a file name in the theme\'s assets/ folder, such as icon.svg (no leading /, no . or ..), or "" for none'))),
  logo: z.optional(z.string().check(z.regex(/^$|^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[^\\]+$/, 'must be a file name in the theme\'s assets/ folder, such as logo.png (no leading /, no . or ..), or "" for the icon'))),
  websubHub: z.optional(z.url({protocol: /^https?$/, error: 'must be the absolute http(s) URL of a WebSub hub, e.g. https://pubsubhubbub.appspot.com/'})),
  cname: z.optional(z.string().check(z.regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/i, 'must be a bare domain name such as news.example.com (no scheme, no path)'))),
  maxArticleBytes: z.optional(z.int({error: 'must be a whole number of bytes, e.g. 10000000'}).check(z.minimum(1))),
  imageWidths: z.optional(z.array(z.int({error: 'must be a whole number of pixels, e.g. 800'}).check(z.minimum(16), z.maximum(8192))).check(z.minLength(1), z.maxLength(16))),
  publishOriginals: z.optional(z.boolean({error: 'must be true or false'})),
  maxImagePixels: z.optional(z.int({error: 'must be a whole number of pixels, e.g. 100000000'}).check(z.minimum(1))),
  articlesDir: z.optional(z.string().check(z.minLength(1))),
  outDir: z.optional(z.string().check(z.minLength(1))),
  templatesDir: z.optional(z.string().check(z.minLength(1))),
  cacheDir: z.optional(z.string().check(z.minLength(1))),
  editions: z.optional(
    z.array(
      z.strictObject({
        lang: z.string().check(z.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as fr or pt-BR')),
        title: z.optional(z.string().check(z.minLength(1))),
        description: z.optional(z.string()),
        path: z.optional(z.string()),
      }),
      {error: 'must be a list of editions such as {lang: fr, title: La Gazette, path: fr/}'},
    ),
  ),
});

const knownKeys = Object.keys(fileSchema.shape);

/**
 * Load the site config: defaults < config file < `SITE_URL` < flags, validated and frozen.
 *
 * @param cwd The site folder.
 * @param overrides Command-line flags.
 * @param env Environment (for `SITE_URL`).
 * @returns the config (undefined when it has errors) and the file carrying its messages.
 */
export function loadConfig(cwd: string, overrides: ConfigOverrides, env: NodeJS.ProcessEnv): {config: SiteConfig | undefined; file: VFile} {
  const configPath = path.resolve(cwd, overrides.config ?? configFileName);
  const file = new VFile({path: path.relative(cwd, configPath) || configPath, cwd});
  let fromFile: z.infer<typeof fileSchema> = {};
  /** Where a key of the config file is, for messages found after validation. */
  let yamlPlace: ((path: readonly PropertyKey[]) => Point) | undefined;

  if (fs.existsSync(configPath)) {
    const text = fs.readFileSync(configPath, 'utf8');
    const yaml = readYaml(text);
    if ('problems' in yaml) {
      for (const problem of yaml.problems) fail(file, `invalid YAML: ${problem.reason}`, problem.place, 'config');
      return {config: undefined, file};
    }
    const value = yaml.value ?? {};
    // Unknown keys at their own line and column, with the nearest known key (as front matter does).
    const unknown = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).filter((key) => !Object.hasOwn(fileSchema.shape, key)) : [];
    for (const key of unknown) {
      const near = nearest(key, knownKeys);
      fail(file, `unknown key \`${key}\`${near ? `; did you mean \`${near}\`?` : ` (known keys: ${knownKeys.join(', ')})`}`, yaml.locate([key], true), 'config');
    }
    const parsed = fileSchema.safeParse(value);
    if (!parsed.success || unknown.length > 0) {
      if (!parsed.success) reportIssues(file, parsed.error.issues.filter((issue) => issue.code !== 'unrecognized_keys'), yaml, 'config');
      return {config: undefined, file};
    }
    fromFile = parsed.data;
    yamlPlace = (path) => yaml.locate(path, false);
  } else if (overrides.config) {
    fail(file, `config file not found; check the --config path`, undefined, 'config');
    return {config: undefined, file};
  }

  const url = overrides.url ?? (env['SITE_URL'] || undefined) ?? fromFile.url ?? configDefaults.url;
  const checkedUrl = httpUrl.safeParse(url);
  if (!checkedUrl.success) {
    const origin = overrides.url ? '--url' : env['SITE_URL'] ? 'SITE_URL' : 'url';
    fail(file, `${origin} "${url}" ${checkedUrl.error.issues[0]?.message ?? 'is invalid'}`, undefined, 'config');
    return {config: undefined, file};
  }
  const siteUrl = new URL(checkedUrl.data);
  siteUrl.search = '';
  siteUrl.hash = '';
  if (!siteUrl.pathname.endsWith('/')) siteUrl.pathname += '/';

  const merged = {...configDefaults, ...definedOnly(fromFile)};
  let now = new Date().toISOString();
  if (overrides.now !== undefined) {
    const pinned = parseDate(overrides.now, merged.timezone);
    if ('reason' in pinned) {
      fail(file, `--now ${pinned.reason}; use ISO 8601 such as 2017-02-01T12:00:00Z`, undefined, 'config');
      return {config: undefined, file};
    }
    now = pinned.iso;
  }
  const resolved = resolveEditions(fromFile.editions, {language: merged.language, title: merged.title, description: merged.description, languageSet: fromFile.language !== undefined});
  if ('problems' in resolved) {
    for (const problem of resolved.problems) {
      const place = yamlPlace?.(['editions', ...problem.path]);
      fail(file, `\`editions\`${problem.path.length > 0 ? ` (edition ${Number(problem.path[0]) + 1})` : ''}: ${problem.reason}`, place, 'config');
    }
    return {config: undefined, file};
  }
  // Each edition's theme strings, read once here, where a broken strings file is reported.
  const templatesDir = path.resolve(cwd, merged.templatesDir);
  let stringsFailed = false;
  const editions = resolved.editions.map((edition) => {
    const {strings, problems} = themeStrings(templatesDir, edition.lang, resolved.editions.length > 1);
    for (const problem of problems) {
      const where = problem.place ? `${problem.file}:${problem.place.line}:${problem.place.column}` : problem.file;
      const message = file.message(`${where}: ${problem.reason}`, {ruleId: 'theme-strings', source: 'dateline'});
      message.fatal = !problem.warning;
      stringsFailed ||= !problem.warning;
    }
    return {...edition, strings};
  });
  if (stringsFailed) return {config: undefined, file};
  const mintedIdBase = `tag:${siteUrl.hostname},2000:${siteUrl.pathname}`;
  if (!merged.idBase) warnIdBase(file, mintedIdBase, fs.existsSync(configPath));
  const config: SiteConfig = {
    ...merged,
    chromePatterns: [...merged.chromePatterns],
    imageWidths: [...merged.imageWidths],
    url: siteUrl.href,
    basePath: siteUrl.pathname,
    idBase: merged.idBase || mintedIdBase,
    articlesDir: path.resolve(cwd, overrides.articles ?? merged.articlesDir),
    outDir: path.resolve(cwd, overrides.out ?? merged.outDir),
    templatesDir: path.resolve(cwd, merged.templatesDir),
    cacheDir: overrides.noCache ? undefined : path.resolve(cwd, merged.cacheDir),
    configPath: fs.existsSync(configPath) ? configPath : undefined,
    now,
    drafts: overrides.drafts ?? false,
    liveReload: overrides.liveReload ?? false,
    // The main edition's words are the site's (its `title` and `description` in `editions`, which default to the top-level ones).
    title: editions[0]!.title,
    description: editions[0]!.description,
    language: editions[0]!.lang,
    editions,
    edition: editions[0]!,
  };
  const assets = themeAssets(config.templatesDir, fromFile, file);
  if (!assets) return {config: undefined, file};
  Object.assign(config, assets);
  const clash = outputClash(config, path.resolve(cwd));
  if (clash) {
    fail(file, `output folder ${config.outDir} ${clash}; choose another --out (such as dist)`, undefined, 'config');
    return {config: undefined, file};
  }
  return {config: Object.freeze(config), file};
}

/**
 * The icon and the logo as site paths (`assets/icon.svg`): files of the theme's `assets/` folder,
 * which the build copies there. One the config names must exist; the default icon is used only
 * when the theme has it (an older theme without one links none).
 */
function themeAssets(templatesDir: string, fromFile: {icon?: string | undefined; logo?: string | undefined}, file: VFile): {icon: string; logo: string} | undefined {
  const exists = (name: string) => fs.existsSync(path.join(templatesDir, 'assets', name));
  for (const key of ['icon', 'logo'] as const) {
    const name = fromFile[key];
    if (name && !exists(name)) {
      fail(file, `\`${key}\`: ${path.join(path.basename(templatesDir), 'assets', name)} does not exist; put the file in the theme's assets/ folder, or set ${key}: "" ${key === 'icon' ? 'for none' : 'to use the icon'}`, undefined, 'config');
      return undefined;
    }
  }
  const iconName = fromFile.icon ?? (exists(configDefaults.icon) ? configDefaults.icon : '');
  const icon = iconName ? `assets/${iconName}` : '';
  return {icon, logo: fromFile.logo ? `assets/${fromFile.logo}` : icon};
}

/** The rule of the warning that a site has no `idBase`; `check` makes it an error. */
export const idBaseRule = 'id-base';

/**
 * Without `idBase`, feed ids are minted from the URL's host, so a move (to a custom domain)
 * changes every id and readers show every entry twice. Warn once, with the exact line that
 * keeps today's ids: the minted prefix itself (its year is 2000, whatever the articles' years,
 * since another year would change every id now).
 */
function warnIdBase(file: VFile, minted: string, hasFile: boolean): void {
  const line = `idBase: ${JSON.stringify(minted)}`;
  const message = file.message(
    `no \`idBase\`: feed ids are made from the URL's host (${minted}…), so moving the site (to a custom domain) would change every id and feed readers would show every article again; ${hasFile ? 'add this line to the config' : `create ${configFileName} with this line`} to keep today's ids for good: ${line}`,
    {ruleId: idBaseRule, source: 'dateline'},
  );
  message.fatal = false;
}

/** Why the output folder may not be used: the build replaces it whole, so it must hold nothing else. */
function outputClash(config: SiteConfig, siteDir: string): string | undefined {
  const within = (child: string, parent: string): boolean => child === parent || child.startsWith(parent + path.sep);
  const out = config.outDir;
  if (within(siteDir, out)) return 'contains the site folder';
  if (within(config.articlesDir, out) || within(out, config.articlesDir)) return 'overlaps the articles folder';
  if (within(config.templatesDir, out) || within(out, config.templatesDir)) return 'overlaps the templates folder';
  if (config.configPath && within(config.configPath, out)) return 'contains the config file';
  return undefined;
}

/** Drop keys whose value is undefined, so they don't hide a default when spread. */
function definedOnly<T extends object>(value: T): {[K in keyof T]?: Exclude<T[K], undefined>} {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {[K in keyof T]?: Exclude<T[K], undefined>};
}
