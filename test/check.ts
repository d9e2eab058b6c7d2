/** `dateline check` through the real command line, on fixture sites. */
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {fixture} from './helpers/config.ts';
import {expectation, removeTempDirs, tempDir} from './helpers/files.ts';
import {runCliAsync} from './helpers/run-cli.ts';

test('should pass a clean site, and never write dist/', async () => {
  const cwd = path.join(tempDir(), 'site');
  fs.cpSync(fixture('site'), cwd, {recursive: true, filter: (source) => path.basename(source) !== 'node_modules'});
  fs.writeFileSync(path.join(cwd, 'dateline.config.yaml'), fs.readFileSync(fixture('site', 'dateline.config.yaml'), 'utf8').replace(/^templatesDir: .*$/m, `templatesDir: ${JSON.stringify(path.resolve(fixture('site'), '../../../templates'))}`));
  const result = await runCliAsync(['check', '--quiet'], {cwd});
  assert.is(result.status, 0, result.stderr);
  assert.is(result.stderr, '');
  assert.not.ok(fs.existsSync(path.join(cwd, 'dist')), 'check must not write dist/');
  const loud = await runCliAsync(['check'], {cwd});
  assert.match(loud.stdout, /^Checked 5 articles, \d+ pages and feeds in \d+\.\d\ds: no problems\.\n$/);
});

test('should list broken links, anchors, missing images and missing alt text, and exit 1', async () => {
  const cwd = fixture('check', 'broken');
  const result = await runCliAsync(['check', '--no-cache'], {cwd});
  assert.is(result.status, 1);
  assert.is(result.stdout, '');
  assert.is(result.stderr, expectation(path.join(cwd, 'expected-stderr.txt'), result.stderr));
  assert.not.ok(fs.existsSync(path.join(cwd, 'dist')));
  assert.not.ok(fs.existsSync(path.join(cwd, 'node_modules')), '--no-cache writes no cache');
});

test('should report what makes the build fail, such as a missing local image', async () => {
  const result = await runCliAsync(['check', '--no-cache'], {cwd: fixture('invalid', 'missing-image')});
  assert.is(result.status, 1);
  assert.match(result.stderr, /articles\/2020-02-01-missing-image\.md:\d+:\d+: error: .*image "not-there\.svg" not found; /);
  assert.match(result.stderr, /Check failed: 1 problem \(the site does not build\)\.\n$/);
});

test('should check under the URL given with --url', async () => {
  const result = await runCliAsync(['check', '--no-cache', '--url', 'https://news.example.com/'], {cwd: fixture('check', 'broken')});
  assert.is(result.status, 1);
  assert.match(result.stderr, /"\/repo\/2020\/01\/target\/" is outside the site's sub-path \/; |broken link: "\/repo\/2020\/01\/target\/"/);
});

test('--help should print the usage', async () => {
  const help = await runCliAsync(['check', '--help']);
  assert.is(help.status, 0);
  assert.match(help.stdout, /^Usage: dateline check /);
});

test.after(removeTempDirs);
test.run();
