import fs from 'node:fs';
import path from 'node:path';
import {fixture, root} from './config.ts';
import {tempDir} from './files.ts';

/** A temporary copy of the fixture site (config and articles, no build cache) whose templates are the repository's. */
export function copySite(): string {
  const dir = path.join(tempDir(), 'site');
  fs.cpSync(fixture('site'), dir, {recursive: true, filter: (source) => path.basename(source) !== 'node_modules'});
  const config = path.join(dir, 'dateline.config.yaml');
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^templatesDir: .*$/m, `templatesDir: ${JSON.stringify(path.join(root, 'templates'))}`));
  return dir;
}

/**
 * A temporary copy of the fixture site `test/fixtures/NAME/` (config and articles, no build
 * cache), its `templatesDir` set to the repository's templates, as {@link copySite} does.
 */
export function copyFixture(name: string): string {
  const dir = path.join(tempDir(), name);
  fs.cpSync(fixture(name), dir, {recursive: true, filter: (source) => path.basename(source) !== 'node_modules'});
  const config = path.join(dir, 'dateline.config.yaml');
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^templatesDir: .*$/m, `templatesDir: ${JSON.stringify(path.join(root, 'templates'))}`));
  return dir;
}

/**
 * A temporary copy of the repository's sample site (`articles/`, `templates/`, `dateline.config.yaml`),
 * with `settings` (YAML lines) appended to its config.
 */
export function copySampleSite(settings = ''): string {
  const dir = path.join(tempDir(), 'sample');
  for (const name of ['articles', 'templates', 'dateline.config.yaml']) fs.cpSync(path.join(root, name), path.join(dir, name), {recursive: true});
  if (settings) fs.appendFileSync(path.join(dir, 'dateline.config.yaml'), `\n${settings}\n`);
  return dir;
}
