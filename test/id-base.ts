/**
 * Ids that survive a move: a site without `idBase` builds with one warning giving the exact
 * line to add, that line keeps every id (and every byte of the output) as it is today, and
 * `check` fails until it is added. Through the real command on copies of the fixture site.
 */
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {root} from './helpers/config.ts';
import {copySite} from './helpers/copy-site.ts';
import {removeTempDirs, snapshot, snapshotDifferences, tempDir} from './helpers/files.ts';
import {runCliAsync} from './helpers/run-cli.ts';

const now = ['--now', '2017-02-01T12:00:00Z'];
const suggestion = /^dateline\.config\.yaml: warning: no `idBase`: .*: (idBase: "tag:owner\.github\.io,2000:\/repo\/") \(id-base\)$/m;

/** A copy of the fixture site whose config has no `idBase` line. */
function siteWithoutIdBase(): string {
  const dir = copySite();
  const config = path.join(dir, 'dateline.config.yaml');
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^idBase: .*\n/m, ''));
  return dir;
}

async function build(cwd: string): Promise<{out: string; stdout: string; stderr: string}> {
  const out = path.join(tempDir(), 'out');
  const result = await runCliAsync(['build', '--out', out, '--no-cache', ...now], {cwd});
  assert.is(result.status, 0, result.stderr);
  return {out, stdout: result.stdout, stderr: result.stderr};
}

test.after(() => removeTempDirs());

test('should warn once without idBase, with the line that keeps every id as it is', async () => {
  const site = siteWithoutIdBase();
  const before = await build(site);
  const warnings = before.stderr.split('\n').filter((line) => line.includes('(id-base)'));
  assert.is(warnings.length, 1, before.stderr);
  const line = suggestion.exec(before.stderr)?.[1];
  assert.ok(line, `the warning names the line to add:\n${before.stderr}`);
  assert.match(before.stdout, /; 1 warning\.\n$/);
  assert.match(fs.readFileSync(path.join(before.out, 'atom.xml'), 'utf8'), /<id>tag:owner\.github\.io,2000:\/repo\/night-ferry-timetable<\/id>/, 'ids minted from the URL today');

  fs.appendFileSync(path.join(site, 'dateline.config.yaml'), `${line}\n`);
  const after = await build(site);
  assert.not.match(after.stderr, /id-base/, 'no warning once the line is there');
  assert.match(after.stdout, /; no warnings\.\n$/);
  // Feeds, archives and pages alike: the suggested line changes no id, so no byte.
  assert.equal(snapshotDifferences(snapshot(before.out), snapshot(after.out)), []);
});

test('should say to create the config file when there is none', async () => {
  const site = path.join(tempDir(), 'bare');
  fs.mkdirSync(path.join(site, 'articles'), {recursive: true});
  fs.cpSync(path.join(root, 'templates'), path.join(site, 'templates'), {recursive: true});
  fs.writeFileSync(path.join(site, 'articles', '2017-01-02-first.md'), '---\ntitle: First\ndate: "2017-01-02T10:00:00Z"\n---\n\nText.\n');
  const {stderr} = await build(site);
  assert.match(stderr, /^dateline\.config\.yaml: warning: no `idBase`: .*create dateline\.config\.yaml with this line .*: idBase: "tag:localhost,2000:\/" \(id-base\)$/m);
});

test('should fail check without idBase, and pass it with the suggested line', async () => {
  const site = siteWithoutIdBase();
  const failed = await runCliAsync(['check', '--no-cache', ...now], {cwd: site});
  assert.is(failed.status, 1, failed.stderr);
  assert.match(failed.stderr, /^dateline\.config\.yaml: error: no `idBase`: .*: idBase: "tag:owner\.github\.io,2000:\/repo\/" \(id-base\)$/m);
  assert.match(failed.stderr, /^Check failed: 1 problem in \d+ pages and feeds\.$/m);
  fs.appendFileSync(path.join(site, 'dateline.config.yaml'), 'idBase: "tag:owner.github.io,2000:/repo/"\n');
  const passed = await runCliAsync(['check', '--no-cache', ...now], {cwd: site});
  assert.is(passed.status, 0, passed.stderr);
});

test.run();
