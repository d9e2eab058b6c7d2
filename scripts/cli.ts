import {pathToFileURL} from 'node:url';

const usage = `Usage: dateline <command> [options]

Commands:
  build    build the site into dist/
  serve    preview the site locally, rebuilding and reloading on every change
  new      create a new article file: dateline new "Headline"
  check    build into a temporary folder and check links, images, alt text and feeds
  ping     tell the WebSub hub which feeds the last build changed

Run a command with --help for its options.`;

/**
 * Each command's module is loaded when it runs: a build never loads the server and watcher
 * (sirv) nor the checker's feed parsers (feedsmith), which were a fifth of every
 * command's start.
 */
const commands: Record<string, (argv: readonly string[]) => Promise<number>> = {
  build: async (argv) => (await import('./build.ts')).build(argv),
  serve: async (argv) => (await import('./serve.ts')).serve(argv),
  new: async (argv) => (await import('./new.ts')).newArticle(argv),
  check: async (argv) => (await import('./check.ts')).check(argv),
  ping: async (argv) => (await import('./ping.ts')).ping(argv),
};

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
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    console.error(`dateline: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  return command(rest);
}

// Run directly (`tsx scripts/cli.ts`); no top-level await, which the CommonJS bundle cannot hold.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void cli(process.argv.slice(2)).then((code) => (process.exitCode = code));
