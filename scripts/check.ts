import {pathToFileURL} from 'node:url';
import {progressReporter} from './lib/report/build-progress.ts';
import {checkSite} from './lib/check/check-site.ts';
import {formatReport} from './lib/report/format-report.ts';
import {writeLines} from './lib/report/write-lines.ts';
import {checkNow, parseCommandLine} from './lib/cli/parse-command-line.ts';

export const checkUsage = `Usage: dateline check [--url URL] [--articles DIR] [--config FILE] [--now ISO] [--drafts] [--no-cache] [--quiet|--verbose]

Build the site into a temporary folder (dist/ is never touched) and check it without
publishing: the articles' front matter and the config (the build's own errors), links
and #anchors inside the site, missing images, images without alt text, and whether the
feeds are well-formed.

  --url URL        public root URL with its sub-path; overrides SITE_URL and the config
  --articles DIR   article sources (default: articles/)
  --config FILE    site config (default: dateline.config.yaml)
  --now ISO        the build's notion of now (default: the clock)
  --drafts         check drafts too
  --no-cache       neither read nor write the build cache
  --quiet          print errors only
  --verbose        print progress lines too
  -h, --help       show this help

Exit status: 0 when nothing is wrong, 1 with the list of problems, 2 on bad usage.`;

/** `dateline check`: build into a temporary folder, check the output, list the problems. */
export async function check(argv: readonly string[]): Promise<number> {
  const line = parseCommandLine(
    'check',
    argv,
    {url: {type: 'string'}, articles: {type: 'string'}, config: {type: 'string'}, now: {type: 'string'}, drafts: {type: 'boolean'}, 'no-cache': {type: 'boolean'}},
    checkUsage,
  );
  if ('exit' in line) return line.exit;
  const {values} = line;
  const badNow = checkNow('check', values.now, checkUsage);
  if (badNow !== undefined) return badNow;
  const started = performance.now();
  const progress = progressReporter(process.stderr, {quiet: values.quiet, verbose: values.verbose});
  const result = await checkSite({cwd: process.cwd(), url: values.url, articles: values.articles, config: values.config, now: values.now, drafts: values.drafts, noCache: values['no-cache'], onProgress: progress.onProgress});
  progress.done();
  writeLines(process.stderr, formatReport(result.files, {quiet: values.quiet ?? false}));
  const errors = result.files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal).length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!result.ok) {
    console.error(`Check failed: ${errors} problem${errors === 1 ? '' : 's'}${result.checked ? ` in ${result.checked} pages and feeds` : ' (the site does not build)'}.`);
    return 1;
  }
  if (!values.quiet) console.log(`Checked ${result.build.articles} articles, ${result.checked} pages and feeds in ${seconds}s: no problems.`);
  return 0;
}

// Run directly (`tsx scripts/check.ts`); no top-level await, which the CommonJS bundle cannot hold.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void check(process.argv.slice(2)).then((code) => (process.exitCode = code));
