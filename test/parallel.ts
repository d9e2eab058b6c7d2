/**
 * Parsing and rendering on worker threads give the same bytes as doing it all on the main
 * thread: builds of a generated corpus with DATELINE_WORKERS=always and =never are compared.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {writeCorpus} from '../scripts/bench/generate-corpus.ts';
import {root} from './helpers/config.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-parallel-'));

function build(workers: 'always' | 'never', viaBin = false): Map<string, Buffer> {
  const out = path.join(dir, `out-${workers}-${viaBin}`);
  const args = ['--no-cache', '--out', out, '--now', '2030-01-01T00:00:00Z', '--verbose'];
  const [command, entry] = viaBin ? [process.execPath, [path.join(root, 'scripts/bin.js'), 'build']] : [path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'scripts/build.ts')]];
  const run = spawnSync(command, [...entry, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {...process.env, DATELINE_WORKERS: workers, SITE_URL: ''},
  });
  assert.is(run.status, 0, run.stderr);
  const names = (fs.readdirSync(out, {recursive: true}) as string[]).filter((name) => fs.statSync(path.join(out, name)).isFile()).sort();
  return new Map(names.map((name) => [name, fs.readFileSync(path.join(out, name))]));
}

test('should build byte-identical output on worker threads and on the main thread', () => {
  writeCorpus(dir, 60);
  fs.writeFileSync(path.join(dir, 'dateline.config.yaml'), `title: Parallel\nurl: https://owner.github.io/repo/\npageSize: 5\ntemplatesDir: ${path.join(root, 'templates')}\n`);
  const threaded = build('always');
  const single = build('never');
  assert.ok(threaded.size > 100, `only ${threaded.size} files`);
  assert.equal([...threaded.keys()], [...single.keys()]);
  for (const [name, bytes] of single) assert.ok(bytes.equals(threaded.get(name)!), `${name} differs`);
  const viaBin = build('always', true);
  assert.equal([...viaBin.keys()], [...single.keys()], 'workers start under the dateline bin too');
});

test.after(() => fs.rmSync(dir, {recursive: true, force: true}));

test.run();
