import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {inside, OutputError, writeOutput} from '../scripts/lib/write-output.ts';

function tempOut(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-write-')), 'dist');
}

test('should write files and replace the previous output whole', () => {
  const out = tempOut();
  writeOutput(out, [{path: 'old.html', contents: 'old'}]);
  writeOutput(out, [{path: 'a/b/index.html', contents: 'new'}, {path: '.nojekyll', contents: ''}]);
  assert.is(fs.readFileSync(path.join(out, 'a/b/index.html'), 'utf8'), 'new');
  assert.ok(fs.existsSync(path.join(out, '.nojekyll')));
  assert.not.ok(fs.existsSync(path.join(out, 'old.html')));
  assert.equal(fs.readdirSync(path.dirname(out)), ['dist']);
});

test('should leave the previous output untouched when a write fails', () => {
  const out = tempOut();
  writeOutput(out, [{path: 'index.html', contents: 'good'}]);
  assert.throws(() => writeOutput(out, [{path: 'x.html', contents: 'x'}, {path: 'y.png', copyFrom: path.join(out, 'missing.png')}]));
  assert.is(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'good');
  assert.equal(fs.readdirSync(out), ['index.html']);
  assert.equal(fs.readdirSync(path.dirname(out)), ['dist']);
});

test('should refuse paths that leave the output folder', () => {
  const out = tempOut();
  for (const bad of ['../escape.html', '/etc/passwd', 'a/../../x', 'nul\0byte']) {
    assert.throws(() => writeOutput(out, [{path: bad, contents: 'x'}]), /outside the output folder/, bad);
  }
  assert.not.ok(fs.existsSync(out));
  assert.throws(() => inside('/tmp/root', '../x'));
  assert.is(inside('/tmp/root', 'a/b'), '/tmp/root/a/b');
});

test('should put back the previous output when a swap was interrupted', () => {
  const out = tempOut();
  writeOutput(out, [{path: 'index.html', contents: 'kept'}]);
  fs.renameSync(out, path.join(path.dirname(out), '.dist.old-12345'));
  fs.mkdirSync(path.join(path.dirname(out), '.dist.tmp-abc'));
  assert.throws(() => writeOutput(out, [{path: '../bad', contents: 'x'}]));
  assert.is(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'kept');
  assert.equal(fs.readdirSync(path.dirname(out)), ['dist']);
});

test('should report a full disk with the path, and keep the previous output', () => {
  const out = tempOut();
  writeOutput(out, [{path: 'index.html', contents: 'good'}]);
  // Inject the failure: as root, permissions do not stop writes, and no tiny file system is at hand.
  const original = fs.writeFileSync;
  let calls = 0;
  fs.writeFileSync = ((...args: Parameters<typeof fs.writeFileSync>) => {
    if (String(args[0]).endsWith('.html') && ++calls === 2) throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'});
    return original(...args);
  }) as typeof fs.writeFileSync;
  try {
    assert.throws(
      () => writeOutput(out, [{path: 'index.html', contents: 'new'}, {path: '2020/01/story/index.html', contents: 'new'}]),
      (error: Error) => error instanceof OutputError && error.message === `could not write ${path.join(out, '2020/01/story/index.html')}: no space left on device (ENOSPC)`,
    );
  } finally {
    fs.writeFileSync = original;
  }
  assert.is(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'good');
  assert.equal(fs.readdirSync(path.dirname(out)), ['dist'], 'no staging folder or lock is left');
});

test('should not delete the staging folder of a build that holds the lock', () => {
  const out = tempOut();
  const parent = path.dirname(out);
  writeOutput(out, [{path: 'index.html', contents: 'first'}]);
  // Another build is writing: it holds the lock and has a staging folder.
  fs.mkdirSync(path.join(parent, '.dist.tmp-other'));
  fs.writeFileSync(path.join(parent, '.dist.lock'), JSON.stringify({pid: process.ppid, host: os.hostname()}));
  assert.throws(() => writeOutput(out, [{path: 'index.html', contents: 'second'}], {waitMs: 200}), /another build .* is still writing/);
  assert.ok(fs.existsSync(path.join(parent, '.dist.tmp-other')), "the other build's staging folder is still there");
  assert.is(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'first');
});

test.run();
