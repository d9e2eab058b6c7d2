import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {configDefaults} from '../../scripts/lib/config/config-defaults.ts';
import {isRtl} from '../../scripts/lib/config/editions.ts';
import {themeStrings} from '../../scripts/lib/config/theme-strings.ts';
import type {Edition, SiteConfig} from '../../scripts/lib/types.ts';

/** The repository root. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** A fixture path under `test/fixtures/`. */
export function fixture(...parts: string[]): string {
  return path.join(root, 'test', 'fixtures', ...parts);
}

/** A complete config for unit tests: the defaults, a sub-path URL and the given overrides. */
export function testConfig(overrides: Partial<SiteConfig> = {}): SiteConfig {
  return {
    ...configDefaults,
    chromePatterns: [],
    url: 'https://owner.github.io/repo/',
    basePath: '/repo/',
    idBase: 'tag:fixture.example,2020:',
    articlesDir: fixture('articles'),
    outDir: path.join(root, 'dist-test'),
    templatesDir: path.join(root, 'templates'),
    icon: 'assets/icon.svg',
    logo: 'assets/icon.svg',
    configPath: undefined,
    cacheDir: undefined,
    now: '2030-01-01T00:00:00.000Z',
    drafts: false,
    liveReload: false,
    ...overrides,
    ...editionsOf(overrides),
  };
}

/** The one edition of a site without `editions`, made from the config's language, title and description (as `loadConfig` makes it), unless given. */
function editionsOf(overrides: Partial<SiteConfig>): Pick<SiteConfig, 'editions' | 'edition'> {
  if (overrides.editions) return {editions: overrides.editions, edition: overrides.edition ?? overrides.editions[0]!};
  const language = overrides.language ?? configDefaults.language;
  const edition: Edition = {lang: language, title: overrides.title ?? configDefaults.title, description: overrides.description ?? configDefaults.description, path: '', dir: isRtl(language) ? 'rtl' : 'ltr', strings: themeStrings(path.join(root, 'templates'), language).strings};
  return {editions: [edition], edition};
}
