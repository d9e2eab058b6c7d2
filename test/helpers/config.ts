import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {configDefaults} from '../../scripts/lib/config/config-defaults.ts';
import type {SiteConfig} from '../../scripts/lib/types.ts';

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
  };
}
