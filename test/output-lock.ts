import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {acquireLock, type LockOptions} from '../scripts/lib/output/output-lock.ts';
import {removeTempDirs, tempDir} from './helpers/files.ts';

/** Run `work` holding the lock, as the writer does from opening the output to committing it. */
function withOutputLock<T>(out: string, work: () => T, options?: LockOptions): T {
  const release = acquireLock(out, options);
  try {
    return work();
  } finally {
    release();
  }
}

const lockOf = (out: string): string => path.join(path.dirname(out), `.${path.basename(out)}.lock`);
/** The pid of a process that has finished: nothing runs under it now (barring reuse). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'});
  return Number(child.stdout);
}

test.after(() => {
  removeTempDirs();
});

test('should hold the lock while working and release it after, even on a throw', () => {
  const out = path.join(tempDir(), 'dist');
  const seen = withOutputLock(out, () => JSON.parse(fs.readFileSync(lockOf(out), 'utf8')) as {pid: number});
  assert.is(seen.pid, process.pid);
  assert.not.ok(fs.existsSync(lockOf(out)));
  assert.throws(() => withOutputLock(out, () => {
    throw new Error('boom');
  }), /boom/);
  assert.not.ok(fs.existsSync(lockOf(out)));
});

test('should fail clearly when a live build holds the lock past the wait', () => {
  const out = path.join(tempDir(), 'dist');
  fs.writeFileSync(lockOf(out), JSON.stringify({pid: process.ppid, host: os.hostname()}));
  let ran = false;
  assert.throws(() => withOutputLock(out, () => (ran = true), {waitMs: 300}), (error: Error) => {
    assert.is(error.message, `another build (pid ${process.ppid}) is still using ${out}; if none is running, delete ${lockOf(out)}`);
    return true;
  });
  assert.not.ok(ran);
  assert.ok(fs.existsSync(lockOf(out)), "another build's lock is left alone");
});

test('should take over the lock of a build that was killed', () => {
  const out = path.join(tempDir(), 'dist');
  fs.writeFileSync(lockOf(out), JSON.stringify({pid: deadPid(), host: os.hostname()}));
  assert.is(withOutputLock(out, () => 'ran', {waitMs: 0}), 'ran');
  assert.equal(fs.readdirSync(path.dirname(out)), []);
});

test('should take over an empty lock file only once it is old', () => {
  const out = path.join(tempDir(), 'dist');
  fs.writeFileSync(lockOf(out), '');
  assert.throws(() => withOutputLock(out, () => 'ran', {waitMs: 0}), /another build is still using/);
  const old = new Date(Date.now() - 60_000);
  fs.utimesSync(lockOf(out), old, old);
  assert.is(withOutputLock(out, () => 'ran', {waitMs: 0}), 'ran');
});

test.run();
