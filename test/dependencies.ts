/**
 * Every package the commands load at run time must be a runtime dependency, so that
 * `npm ci --omit=dev && npm run build` works as it does on a production host. The modules are
 * walked by esbuild from the same entry points `scripts/load-cli.js` bundles (the `dateline`
 * bin, which reaches build, serve, new and check, and the worker threads' task modules).
 */
import fs from 'node:fs';
import {builtinModules} from 'node:module';
import path from 'node:path';
import {build} from 'esbuild';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {root} from './helpers/config.ts';

const entryPoints = ['scripts/bin.js', 'scripts/lib/article/parse-batch.ts', 'scripts/lib/render/render-batch.ts'].map((file) => path.join(root, file));

/** The package a bare import names (`@scope/name/sub` → `@scope/name`), or undefined for a relative path or a Node built-in. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every package imported (statically, dynamically or through `require.resolve`) by a module the entry points reach. */
async function runtimePackages(): Promise<{packages: Map<string, string>; modules: number}> {
  const result = await build({entryPoints, bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', target: 'node20', outdir: 'unused', splitting: true, packages: 'external', logLevel: 'silent'});
  const packages = new Map<string, string>();
  const inputs = Object.entries(result.metafile.inputs);
  for (const [file, input] of inputs) {
    for (const imported of input.imports) {
      // Packages stay external (`packages: 'external'`): their specifier is the path; the project's own modules are followed.
      if (!imported.external) continue;
      const name = packageOf(imported.path);
      if (name && !packages.has(name)) packages.set(name, file);
    }
    // Resolved at run time, not imported: the worker pool hands tsx's URL to its threads.
    for (const match of fs.readFileSync(path.join(root, file), 'utf8').matchAll(/\.resolve\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const name = packageOf(match[1]!);
      if (name && !packages.has(name)) packages.set(name, file);
    }
  }
  return {packages, modules: inputs.length};
}

test('should list every package the commands import at run time under `dependencies`', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {dependencies: Record<string, string>; devDependencies: Record<string, string>};
  const {packages, modules} = await runtimePackages();
  assert.ok(modules > 50, `only ${modules} modules were walked`);
  for (const expected of ['liquidjs', 'sirv', 'feedsmith', 'pagefind', 'esbuild', 'tsx']) assert.ok(packages.has(expected), `${expected} was not found among the imports`);
  const missing = [...packages].filter(([name]) => !Object.hasOwn(manifest.dependencies, name)).map(([name, file]) => `${name} (imported by ${file})`);
  assert.equal(missing, [], 'imported at run time but not in `dependencies`');
});

test('should list no package twice', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {dependencies: Record<string, string>; devDependencies: Record<string, string>};
  assert.equal(Object.keys(manifest.dependencies).filter((name) => Object.hasOwn(manifest.devDependencies, name)), []);
});

test.run();
