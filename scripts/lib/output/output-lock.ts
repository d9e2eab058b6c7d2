import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The lock stayed taken for longer than the wait. */
export class LockError extends Error {}

/** Who holds a lock: written into the lock file. */
interface Holder {
  readonly pid: number;
  readonly host: string;
}

/** Options for {@link acquireLock}. */
export interface LockOptions {
  /** How long to wait for another build to finish before giving up, in milliseconds. */
  readonly waitMs?: number;
}

/** A lock file whose holder never wrote its pid is taken to be abandoned after this long. */
const EMPTY_LOCK_STALE_MS = 10_000;
const POLL_MS = 100;

/**
 * Take the lock of one output folder (or of the build cache's folder): a file `.<name>.lock`
 * beside it, created with `O_EXCL` and holding the builder's pid and host. A second build into
 * the same folder waits until the first is done (or fails clearly after `waitMs`); a lock left
 * by a build that was killed — its pid no longer runs on this host — is taken over. The lock
 * is held across asynchronous work (a whole build writing pages as workers render them).
 *
 * Why not `proper-lockfile`: it decides staleness from an mtime refreshed by a timer, and a
 * build's long synchronous stretches would make it look abandoned; a dead pid is a sure sign.
 *
 * @param target Absolute path of the folder (its parent must exist).
 * @returns the function that releases it.
 */
export function acquireLock(target: string, options: LockOptions = {}): () => void {
  const lock = path.join(path.dirname(target), `.${path.basename(target)}.lock`);
  const mine = JSON.stringify({pid: process.pid, host: os.hostname()} satisfies Holder);
  const deadline = Date.now() + (options.waitMs ?? 120_000);
  for (;;) {
    try {
      fs.writeFileSync(lock, mine, {flag: 'wx'});
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = readLock(lock);
    if (held !== undefined && isStale(lock, held)) {
      takeOver(lock, held);
      continue;
    }
    if (Date.now() > deadline) {
      const pid = held === undefined ? undefined : parseHolder(held)?.pid;
      throw new LockError(`another build${pid ? ` (pid ${pid})` : ''} is still using ${target}; if none is running, delete ${lock}`);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, POLL_MS);
  }
  return () => {
    if (readLock(lock) === mine) fs.rmSync(lock, {force: true});
  };
}

function parseHolder(contents: string): Holder | undefined {
  try {
    const holder = JSON.parse(contents) as Partial<Holder>;
    return Number.isInteger(holder.pid) && typeof holder.host === 'string' ? (holder as Holder) : undefined;
  } catch {
    return undefined;
  }
}

function readLock(lock: string): string | undefined {
  try {
    return fs.readFileSync(lock, 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether the lock's holder is gone: its pid does not run on this host, or it never wrote it. */
function isStale(lock: string, contents: string): boolean {
  const holder = parseHolder(contents);
  if (!holder) {
    const age = Date.now() - (fs.statSync(lock, {throwIfNoEntry: false})?.mtimeMs ?? Date.now());
    return age > EMPTY_LOCK_STALE_MS;
  }
  if (holder.host !== os.hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Remove a stale lock without removing a fresh one another build made meanwhile: move it
 * aside under a name of our own (atomic), and if what moved is not the stale lock we read,
 * put it back.
 */
function takeOver(lock: string, stale: string): void {
  const aside = `${lock}.stale-${process.pid}`;
  try {
    fs.renameSync(lock, aside);
  } catch {
    return;
  }
  if (readLock(aside) !== stale) {
    try {
      fs.linkSync(aside, lock);
    } catch {
      // Another build holds the lock now; the one we moved was replaced meanwhile.
    }
  }
  fs.rmSync(aside, {force: true});
}
