import {pathToFileURL} from 'node:url';
import {build} from './build.ts';

const usage = `Usage: dateline <command> [options]

Commands:
  build    build the site into dist/ (dateline build --help)

Run a command with --help for its options.`;

const commands: Record<string, (argv: readonly string[]) => Promise<number>> = {build};

/** `dateline <command>`: dispatch to the command, return its exit code. */
export async function cli(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    console.error(usage);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(usage);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`dateline: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  return command(rest);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await cli(process.argv.slice(2));
