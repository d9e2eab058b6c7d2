/**
 * The output is for a web server or `rsync -a` running as another user: `dist/` itself, every
 * folder and every file in it must get the modes the umask gives, on the first build and on the
 * builds that reuse the spare folder. The real command runs under `umask` in a shell.
 */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {root} from './helpers/config.ts';
import {copySite} from './helpers/copy-site.ts';
import {removeTempDirs} from './helpers/files.ts';

/** Run `dateline build` in `cwd` under `umask`, through `sh`, as a user's shell would. */
function buildUnder(umask: string, cwd: string): Promise<{status: number | null; stderr: string}> {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const env = {...process.env};
  delete env['SITE_URL'];
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', `umask ${umask} && exec "$@"`, 'sh', tsx, path.join(root, 'scripts', 'cli.ts'), 'build', '--now', '2030-01-01T00:00:00Z'], {cwd, env, stdio: ['ignore', 'ignore', 'pipe']});
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({status, stderr}));
  });
}

/** Every folder (`dist/` itself first) and file under `dir` whose mode is not the expected one, with its mode. */
function wrongModes(dir: string, folderMode: number, fileMode: number): string[] {
  const wrong: string[] = [];
  const visit = (at: string): void => {
    const stat = fs.statSync(at);
    const expected = stat.isDirectory() ? folderMode : fileMode;
    if ((stat.mode & 0o7777) !== expected) wrong.push(`${path.relative(dir, at) || '.'}: ${(stat.mode & 0o7777).toString(8)}, not ${expected.toString(8)}`);
    if (stat.isDirectory()) for (const name of fs.readdirSync(at).sort()) visit(path.join(at, name));
  };
  visit(dir);
  return wrong;
}

for (const [umask, folderMode, fileMode] of [
  ['022', 0o755, 0o644],
  ['027', 0o750, 0o640],
] as const) {
  test(`should give dist/, its folders and its files the modes of umask ${umask}, on every build`, async () => {
    const cwd = copySite();
    const dist = path.join(cwd, 'dist');
    const spare = path.join(cwd, '.dist.spare');
    // First build: a new folder. Second: another new one, the first kept as the spare.
    for (const build of ['first', 'second']) {
      const result = await buildUnder(umask, cwd);
      assert.is(result.status, 0, `${build} build: ${result.stderr}`);
      assert.equal(wrongModes(dist, folderMode, fileMode), [], `${build} build`);
    }
    assert.ok(fs.existsSync(spare), 'the second build kept a spare folder');
    // Third: the spare becomes dist/. Made 0700 by an older Dateline, it must be readable now.
    fs.chmodSync(spare, 0o700);
    const result = await buildUnder(umask, cwd);
    assert.is(result.status, 0, result.stderr);
    assert.equal(wrongModes(dist, folderMode, fileMode), [], 'the build that reused the spare folder');
  });
}

test.after(removeTempDirs);
test.run();
