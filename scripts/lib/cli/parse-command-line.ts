import {parseArgs, type ParseArgsConfig} from 'node:util';
import {parseDate} from '../dates.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The flags every command accepts. */
export const commonOptions = {
  quiet: {type: 'boolean', short: 'q'},
  verbose: {type: 'boolean', short: 'v'},
  help: {type: 'boolean', short: 'h'},
} as const satisfies Options;

type Config<O extends Options> = {args: string[]; options: O & typeof commonOptions; strict: true; allowPositionals: true};

/** A parsed command line, or the exit code to return at once (`--help`: 0, bad usage: 2). */
export type CommandLine<O extends Options> = {values: ReturnType<typeof parseArgs<Config<O>>>['values']; positionals: string[]} | {exit: number};

/**
 * Parse a command's flags (plus `--quiet`, `--verbose`, `--help`) strictly. Prints the usage
 * for `--help` (stdout) and, with the problem, for bad usage (stderr).
 *
 * @param name The command (`build`), for messages.
 * @param positionals How many positional arguments the command takes at most.
 */
export function parseCommandLine<O extends Options>(name: string, argv: readonly string[], options: O, usage: string, positionals = 0): CommandLine<O> {
  const config: Config<O> = {args: [...argv], options: {...options, ...commonOptions}, strict: true, allowPositionals: true};
  let parsed;
  try {
    parsed = parseArgs<Config<O>>(config);
  } catch (error) {
    console.error(`dateline ${name}: ${(error as Error).message}\n\n${usage}`);
    return {exit: 2};
  }
  if ((parsed.values as {help?: boolean}).help) {
    console.log(usage);
    return {exit: 0};
  }
  if (parsed.positionals.length > positionals) {
    console.error(`dateline ${name}: unexpected argument "${parsed.positionals[positionals]}"\n\n${usage}`);
    return {exit: 2};
  }
  return {values: parsed.values, positionals: parsed.positionals};
}

/**
 * Check a `--now` value before anything runs: one that is not an ISO 8601 date is bad usage
 * (exit 2, with the usage), not a problem of the site's config. Returns the exit code, or
 * undefined when the value is fine (or absent). Without an offset, the site's time zone applies later.
 */
export function checkNow(name: string, now: string | undefined, usage: string): number | undefined {
  if (now === undefined) return undefined;
  const parsed = parseDate(now, 'UTC');
  if (!('reason' in parsed)) return undefined;
  console.error(`dateline ${name}: --now ${parsed.reason}; use ISO 8601 such as 2017-02-01T12:00:00Z\n\n${usage}`);
  return 2;
}
