import {pathToFileURL} from 'node:url';
import {buildSite} from './lib/build-site.ts';
import {progressReporter} from './lib/build-progress.ts';
import {formatReport} from './lib/format-report.ts';
import {formatFailure, formatSummary} from './lib/format-summary.ts';
import {parseCommandLine} from './lib/parse-command-line.ts';

export const buildUsage = `Usage: dateline build [--url URL] [--articles DIR] [--out DIR] [--config FILE] [--now ISO] [--drafts] [--quiet|--verbose]

Build the site from the articles folder into the output folder.

  --url URL        public root URL with its sub-path (https://owner.github.io/repo/);
                   overrides SITE_URL, which overrides the config file
  --articles DIR   article sources (default: articles/)
  --out DIR        output folder (default: dist/)
  --config FILE    site config (default: dateline.config.yaml)
  --now ISO        the build's notion of now: articles dated later are left out
                   (default: the clock); pin it for reproducible builds
  --drafts         publish drafts too (for previews)
  --quiet          print errors only (no notes, warnings, progress or summary)
  --verbose        print progress lines and each build step's time too
  -h, --help       show this help

Exit status: 0 on success, 1 when an article or the config has an error, 2 on bad usage.`;

/** `dateline build`: parse flags, build, print the report, return the exit code. */
export function build(argv: readonly string[]): number {
  const line = parseCommandLine(
    'build',
    argv,
    {url: {type: 'string'}, articles: {type: 'string'}, out: {type: 'string'}, config: {type: 'string'}, now: {type: 'string'}, drafts: {type: 'boolean'}},
    buildUsage,
  );
  if ('exit' in line) return line.exit;
  const {values} = line;

  const started = performance.now();
  const progress = progressReporter(process.stderr, {quiet: values.quiet, verbose: values.verbose});
  const result = buildSite({cwd: process.cwd(), url: values.url, articles: values.articles, out: values.out, config: values.config, now: values.now, drafts: values.drafts, onProgress: progress.onProgress});
  progress.done();
  for (const line of formatReport(result.files, {quiet: values.quiet ?? false})) console.error(line);
  if (!result.ok) {
    console.error(formatFailure(result));
    return 1;
  }
  if (values.verbose) {
    for (const step of result.timings) console.log(`  ${step.name.padEnd(8)} ${step.ms.toFixed(0).padStart(6)} ms`);
  }
  if (!values.quiet) console.log(formatSummary(result, (performance.now() - started) / 1000));
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = build(process.argv.slice(2));
