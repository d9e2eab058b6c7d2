/**
 * Messages on the right file, at the right line, through the real command line: a template's
 * error on the template, and a bad `--now` as bad usage. (A misspelled config key at its own
 * line is the `invalid/config-typo/` case of test/cli.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {copySampleSite} from './helpers/copy-site.ts';
import {removeTempDirs, tempDir} from './helpers/files.ts';
import {runCliAsync} from './helpers/run-cli.ts';
import {spawnServe, within} from './helpers/serve-process.ts';

test('should report a template error on the template file, at its line, with a relative path', async () => {
  const cwd = copySampleSite();
  const footer = path.join(cwd, 'templates/partials/footer.liquid');
  const lines = fs.readFileSync(footer, 'utf8').split('\n');
  lines.splice(7, 0, '{% if x %}');
  fs.writeFileSync(footer, lines.join('\n'));
  const result = await runCliAsync(['build', '--quiet', '--no-cache', '--out', path.join(tempDir(), 'out')], {cwd});
  assert.is(result.status, 1, result.stderr);
  assert.is(result.stderr, 'templates/partials/footer.liquid:8:1: error: template error: tag {% if x %} not closed (template)\nBuild failed: 1 error; nothing was written, the previous output is unchanged.\n');
});

test('should treat a --now that is not a date as bad usage (exit 2) in every command that takes it', async () => {
  const cwd = copySampleSite();
  const before = fs.readdirSync(cwd).sort();
  // `serve` would keep running if it took the date: spawned so it can be stopped, and waited for with a bound.
  const server = spawnServe(cwd, ['--port', '0', '--now', 'tomorrow']);
  let served: {status: number | null; stdout: string; stderr: string};
  try {
    const code = await within('serve to exit on a bad --now', server.exited);
    served = {status: typeof code === 'number' ? code : null, ...server.output};
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
  const commands = ['build', 'check', 'new'];
  const results = [...(await Promise.all(commands.map((command) => runCliAsync([command, ...(command === 'new' ? ['Headline'] : []), '--now', 'tomorrow'], {cwd})))), served];
  for (const [index, command] of [...commands, 'serve'].entries()) {
    const result = results[index]!;
    assert.is(result.status, 2, `${command}: ${result.stderr}`);
    assert.is(result.stdout, '', command);
    assert.ok(result.stderr.startsWith(`dateline ${command}: --now "tomorrow" is not a real date (`), `${command}: ${result.stderr}`);
    assert.match(result.stderr, /; use ISO 8601 such as 2017-02-01T12:00:00Z\n\nUsage: dateline /, command);
    assert.not.match(result.stderr, /^dateline\.config\.yaml:/m, `${command}: reported as a config error`);
  }
  assert.equal(fs.readdirSync(cwd).sort(), before, 'nothing is written on bad usage');
});

test.after(removeTempDirs);
test.run();
