import {spawn, spawnSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The repository root. */
const root = fileURLToPath(new URL('../../', import.meta.url));

/** `tsx` from the project's own `node_modules`, and the two entry points it can run. */
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const cliScript = path.join(root, 'scripts', 'cli.ts');
const binScript = path.join(root, 'scripts', 'bin.js');

/** What a finished command left behind. */
export interface CliResult {
  /** Exit code; `null` when the process was killed by a signal. */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where and how to run the command. */
export interface CliOptions {
  /** Working directory: the site folder (config, `articles/`). */
  readonly cwd?: string;
  /** Variables set on top of the test's own environment (`undefined` unsets one). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Run `node scripts/bin.js` (the package's `bin` entry) instead of `tsx scripts/cli.ts`. */
  readonly bin?: boolean;
}

/**
 * The environment of a spawned build: the test's own, without `SITE_URL` (so a value
 * set in the shell cannot leak into the URL tests), with `overrides` applied.
 */
function environment(overrides: CliOptions['env'] = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env};
  delete env['SITE_URL'];
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

function command(args: readonly string[], options: CliOptions): {file: string; argv: string[]} {
  return options.bin ? {file: process.execPath, argv: [binScript, ...args]} : {file: tsx, argv: [cliScript, ...args]};
}

/**
 * Spawn the real `dateline` command and wait for it.
 *
 * @param args Arguments after the command name, e.g. `['build', '--out', dir]`.
 */
export function runCli(args: readonly string[], options: CliOptions = {}): CliResult {
  const {file, argv} = command(args, options);
  const result = spawnSync(file, argv, {cwd: options.cwd ?? root, env: environment(options.env), encoding: 'utf8'});
  if (result.error) throw result.error;
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** {@link runCli}, without blocking: several builds can run side by side. */
export function runCliAsync(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const {file, argv} = command(args, options);
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {cwd: options.cwd ?? root, env: environment(options.env), stdio: ['ignore', 'pipe', 'pipe']});
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8')});
    });
  });
}

/**
 * Map `items` through `run` with at most `limit` at a time, results in the order of `items`.
 * Builds are CPU-bound, so a small limit is as fast as a large one and kinder to CI.
 */
export async function pool<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
  return results;
}
