/**
 * The sample site's output checked by the reference validators: the Nu Html
 * Checker (vnu-jar, on the machine's Java) for every page, and jing with
 * RFC 4287's RELAX NG schema for the Atom feed.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {createRequire} from 'node:module';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildSite} from '../scripts/lib/build-site.ts';
import {fixture, root} from './helpers/config.ts';

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-valid-')), 'dist');
let result: Awaited<ReturnType<typeof buildSite>>;

test.before(async () => {
  result = await buildSite({cwd: root, out, env: {}, noCache: true});
});

test('should build the sample site', () => {
  assert.ok(result.ok, JSON.stringify(result.files.flatMap((file) => file.messages.map(String))));
});

test('should emit only valid HTML (Nu Html Checker)', () => {
  const jar = createRequire(import.meta.url)('vnu-jar') as string;
  const run = spawnSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'json', out], {encoding: 'utf8'});
  assert.is(run.error, undefined, 'java must be installed');
  const messages = (JSON.parse(run.stderr) as {messages: {type: string; url: string; message: string}[]}).messages;
  assert.equal(messages.map((message) => `${message.url}: ${message.message}`), []);
  assert.is(run.status, 0);
});

test('should emit Atom valid against the RFC 4287 schema (jing)', () => {
  const run = spawnSync('jing', ['-c', fixture('schemas', 'atom.rnc'), path.join(out, 'atom.xml')], {encoding: 'utf8'});
  assert.is(run.error, undefined, 'jing must be installed (apt-get install jing)');
  // Debian's jing wrapper warns about optional jars it cannot find; only the checker's own lines count.
  const problems = (run.stdout + run.stderr).split('\n').filter((line) => line && !line.startsWith('[warning] /usr/bin/jing'));
  assert.equal(problems, []);
  assert.is(run.status, 0);
});

test.run();
