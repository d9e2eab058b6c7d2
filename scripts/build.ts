import {pathToFileURL} from 'node:url';
import {buildSite} from './lib/build/build-site.ts';
import {progressReporter} from './lib/report/build-progress.ts';
import {formatReport} from './lib/report/format-report.ts';
import {writeLines} from './lib/report/write-lines.ts';
import {formatFailure, formatSummary, formatTimings} from './lib/report/format-summary.ts';
import {checkNow, parseCommandLine} from './lib/cli/parse-command-line.ts';

export const buildUsage = `Usage: dateline build [--url URL] [--articles DIR] [--out DIR] [--config FILE] [--now ISO] [--drafts] [--no-cache] [--quiet|--verbose]

Build the site from the articles folder into the output folder.

  --url URL        public root URL with its sub-path (https://owner.github.io/repo/);
                   overrides SITE_URL, which overrides the config file
  --articles DIR   article sources (default: articles/)
  --out DIR        output folder (default: dist/)
  --config FILE    site config (default: dateline.config.yaml)
  --now ISO        the build's notion of now: articles dated later are left out
                   (default: the clock); pin it for reproducible builds
  --drafts         publish drafts too (for previews)
  --no-cache       neither read nor write the build cache (node_modules/.cache/dateline)
  --quiet          print errors only (no notes, warnings, progress or summary)
  --verbose        print progress lines, each build step's time and peak memory too
  -h, --help       show this help

Exit status: 0 on success, 1 when an article or the config has an error, 2 on bad usage.`;

/** `dateline build`: parse flags, build, print the report, return the exit code. */
export async function build(argv: readonly string[]): Promise<number> {
  const line = parseCommandLine(
    'build',
    argv,
    {url: {type: 'string'}, articles: {type: 'string'}, out: {type: 'string'}, config: {type: 'string'}, now: {type: 'string'}, drafts: {type: 'boolean'}, 'no-cache': {type: 'boolean'}},
    buildUsage,
  );
  if ('exit' in line) return line.exit;
  const {values} = line;
  const badNow = checkNow('build', values.now, buildUsage);
  if (badNow !== undefined) return badNow;

  const started = performance.now();
  const progress = progressReporter(process.stderr, {quiet: values.quiet, verbose: values.verbose});
  const result = await buildSite({
    cwd: process.cwd(),
    url: values.url,
    articles: values.articles,
    out: values.out,
    config: values.config,
    now: values.now,
    drafts: values.drafts,
    noCache: values['no-cache'],
    onProgress: progress.onProgress,
  });
  progress.done();
  writeLines(process.stderr, formatReport(result.files, {quiet: values.quiet ?? false}));
  if (!result.ok) {
    console.error(formatFailure(result));
    return 1;
  }
  if (values.verbose) {
    for (const line of formatTimings(result)) console.log(line);
    console.log(`  peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  }
  if (!values.quiet) console.log(formatSummary(result, (performance.now() - started) / 1000));
  return 0;
}

// Run directly (`tsx scripts/build.ts`); no top-level await, which the CommonJS bundle cannot hold.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void build(process.argv.slice(2)).then((code) => (process.exitCode = code));
