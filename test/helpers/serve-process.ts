import {spawn, type ChildProcess} from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsxLoader = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

/** A `dateline serve` child process and everything it has printed so far. */
export interface ServeProcess {
  readonly child: ChildProcess;
  readonly output: {stdout: string; stderr: string};
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  readonly exited: Promise<number | string | null>;
}

/** Spawn the real `dateline serve` in `cwd` with `args`. */
export function spawnServe(cwd: string, args: readonly string[]): ServeProcess {
  const env = {...process.env};
  delete env['SITE_URL'];
  // One process (node with tsx's loader, not the tsx wrapper), so a signal reaches the server itself.
  const child = spawn(process.execPath, ['--import', tsxLoader, path.join(root, 'scripts', 'cli.ts'), 'serve', ...args], {cwd, env, stdio: ['ignore', 'pipe', 'pipe']});
  const output = {stdout: '', stderr: ''};
  child.stdout!.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return {child, output, exited};
}

/**
 * Poll `probe` until it returns a value other than undefined; throw after `timeout` ms,
 * saying what was awaited. Every wait in the serve tests is bounded by one of these.
 */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeout = 45_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** `promise`, or a rejection naming `what` after `timeout` ms. */
export function within<T>(what: string, promise: Promise<T>, timeout = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${timeout} ms waiting for ${what}`)), timeout)));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** Fetch a URL without following redirects: status, `location` and body. */
export async function get(url: string): Promise<{status: number; location: string | null; body: string}> {
  const response = await fetch(url, {redirect: 'manual', signal: AbortSignal.timeout(20_000)});
  return {status: response.status, location: response.headers.get('location'), body: await response.text()};
}

/** An open Server-Sent Events stream: all the text received so far, and `close`. */
export function openEvents(url: string): {readonly text: () => string; readonly close: () => void} {
  let text = '';
  const request = http.get(url, (response) => response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8'))));
  request.on('error', () => {});
  return {text: () => text, close: () => request.destroy()};
}
