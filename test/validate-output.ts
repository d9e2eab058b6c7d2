/**
 * The sample site's and the fixture site's output checked by the reference validators:
 * the Nu Html Checker (vnu-jar, on the machine's Java) for every page of both — articles,
 * listings, archives, authors, the search and 404 pages — and jing with RFC 4287's
 * RELAX NG schema for the Atom feed.
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

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-valid-'));
const out = path.join(temp, 'sample');
const fixtureOut = path.join(temp, 'fixture');

test.before(async () => {
  for (const [cwd, folder] of [[root, out], [fixture('site'), fixtureOut]] as const) {
    const result = await buildSite({cwd, out: folder, env: {}, now: '2017-03-01T00:00:00Z', noCache: true});
    assert.ok(result.ok, JSON.stringify(result.files.flatMap((file) => file.messages.map(String))));
  }
});

test.after(() => fs.rmSync(temp, {recursive: true, force: true}));

test('should emit every kind of page', () => {
  for (const page of ['index.html', '404.html', 'search/index.html', 'archive/index.html', 'archive/2017/index.html', 'archive/2017/01/index.html', 'author/helen-marsh/index.html', 'tag/budget/index.html']) {
    assert.ok(fs.existsSync(path.join(out, page)), page);
  }
});

test('should emit only valid HTML (Nu Html Checker)', () => {
  const jar = createRequire(import.meta.url)('vnu-jar') as string;
  const run = spawnSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'json', out, fixtureOut], {encoding: 'utf8'});
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
