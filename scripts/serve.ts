import {pathToFileURL} from 'node:url';
import {checkNow, parseCommandLine} from './lib/cli/parse-command-line.ts';
import {startServer} from './lib/serve/start-server.ts';

export const serveUsage = `Usage: dateline serve [--port N] [--url URL] [--articles DIR] [--config FILE] [--no-drafts] [--no-cache] [--quiet|--verbose]

Build the site into a temporary folder and serve it at http://localhost:PORT/ under the
sub-path of its public URL (so links behave as on GitHub Pages). Watches the articles,
the templates and the config, rebuilds on every change and reloads open pages. While an
article is broken, pages show its errors; fixing the file recovers. Ctrl+C stops.

  --port N         port to listen on, on 127.0.0.1 (default: 4000; 0 picks a free one)
  --url URL        public root URL whose sub-path is served (default: config url)
  --articles DIR   article sources (default: articles/)
  --config FILE    site config (default: dateline.config.yaml)
  --now ISO        the build's notion of now (default: the clock)
  --drafts         show drafts, marked as drafts (the default)
  --no-drafts      leave drafts out, as the published site does
  --no-cache       neither read nor write the build cache
  --quiet          print errors only
  --verbose        print progress lines too
  -h, --help       show this help

Exit status: 0 when stopped (Ctrl+C or SIGTERM), 2 on bad usage or when the port is taken.`;

/** `dateline serve`: start the dev server; resolves with the exit code once stopped by a signal. */
export async function serve(argv: readonly string[]): Promise<number> {
  const line = parseCommandLine(
    'serve',
    argv,
    {port: {type: 'string'}, url: {type: 'string'}, articles: {type: 'string'}, config: {type: 'string'}, now: {type: 'string'}, drafts: {type: 'boolean'}, 'no-drafts': {type: 'boolean'}, 'no-cache': {type: 'boolean'}},
    serveUsage,
  );
  if ('exit' in line) return line.exit;
  const {values} = line;
  const badNow = checkNow('serve', values.now, serveUsage);
  if (badNow !== undefined) return badNow;
  const port = Number(values.port ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`dateline serve: --port must be a whole number from 0 to 65535\n\n${serveUsage}`);
    return 2;
  }

  // Signals are caught from the start, so a Ctrl+C during the first build still stops cleanly.
  let stopRequested = false;
  let wake = (): void => {};
  const request = (): void => {
    stopRequested = true;
    wake();
  };
  process.on('SIGINT', request);
  process.on('SIGTERM', request);
  try {
    const server = await startServer({
      cwd: process.cwd(),
      port,
      url: values.url,
      articles: values.articles,
      config: values.config,
      now: values.now,
      drafts: !values['no-drafts'],
      noCache: values['no-cache'],
      quiet: values.quiet,
      verbose: values.verbose,
      print: {out: (text) => console.log(text), err: (text) => console.error(text)},
    });
    if (!stopRequested) await new Promise<void>((resolve) => (wake = resolve));
    if (!values.quiet) console.log('Stopping.');
    await server.stop();
    return 0;
  } catch (error) {
    console.error(`dateline serve: cannot listen on port ${port}: ${(error as Error).message}; pick another with --port`);
    return 2;
  } finally {
    process.off('SIGINT', request);
    process.off('SIGTERM', request);
  }
}

// Run directly (`tsx scripts/serve.ts`); no top-level await, which the CommonJS bundle cannot hold.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void serve(process.argv.slice(2)).then((code) => (process.exitCode = code));
