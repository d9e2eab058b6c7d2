import {pathToFileURL} from 'node:url';
import {loadConfig} from './lib/config/config.ts';
import {formatReport} from './lib/report/format-report.ts';
import {parseCommandLine} from './lib/cli/parse-command-line.ts';
import {changedFeedsPath, readChangedFeeds} from './lib/websub/changed-feeds.ts';
import {hubRequest, publishToHub} from './lib/websub/publish-to-hub.ts';

/** Tries after the first for a feed the hub could not take (5xx, 429, no answer). */
const retries = 3;

export const pingUsage = `Usage: dateline ping [--dry-run] [--config FILE] [--quiet|--verbose]

Tell the site's WebSub hub (config websubHub) which feeds the last build changed, so
subscribers get new stories at once instead of at their next poll. Run it once the
site is live: the hub fetches each feed it is told about. It sends one request per
feed, POST application/x-www-form-urlencoded hub.mode=publish&hub.url=FEED, for each
feed the last \`dateline build\` recorded as changed in changed-feeds.json in the build
cache (node_modules/.cache/dateline, or config cacheDir). Without websubHub it says
so and sends nothing.

  --dry-run        print the requests it would send, and send none
  --config FILE    site config (default: dateline.config.yaml)
  --quiet          print errors only
  --verbose        also print the record's file and each answer's status
  -h, --help       show this help

A feed the hub answers with 5xx or 429, or does not answer, is sent again ${retries} times,
after 1 s, 2 s and 4 s. DATELINE_PING_BACKOFF_MS sets the first wait in milliseconds
(default 1000); each further wait is twice the one before.

Exit status: 0 when the hub accepted every changed feed, or there was nothing to send
(no websubHub, or the last build changed no feed); 1 when the hub refused a feed or
could not be reached, the config has an error, or no build has recorded its feeds;
2 on bad usage.`;

/** `dateline ping`: tell the WebSub hub which feeds the last build changed. */
export async function ping(argv: readonly string[]): Promise<number> {
  const line = parseCommandLine('ping', argv, {'dry-run': {type: 'boolean'}, config: {type: 'string'}}, pingUsage);
  if ('exit' in line) return line.exit;
  const {values} = line;
  const backoffMs = backoff(process.env['DATELINE_PING_BACKOFF_MS']);
  if (backoffMs === undefined) {
    console.error(`dateline ping: DATELINE_PING_BACKOFF_MS must be a whole number of milliseconds, such as 1000, not "${process.env['DATELINE_PING_BACKOFF_MS']}"\n\n${pingUsage}`);
    return 2;
  }
  const say = (text: string): void => {
    if (!values.quiet) console.log(text);
  };

  const {config, file} = loadConfig(process.cwd(), {config: values.config}, process.env);
  if (!config) {
    for (const message of formatReport([file])) console.error(message);
    return 1;
  }
  const hub = config.websubHub;
  if (!hub) {
    say(`No websubHub is set in ${file.path}, so there is no hub to ping.`);
    return 0;
  }
  // loadConfig leaves cacheDir undefined only for --no-cache, which ping does not take.
  const cacheDir = config.cacheDir as string;
  const record = readChangedFeeds(cacheDir);
  if ('reason' in record) {
    console.error(`dateline ping: ${record.reason}; run \`dateline build\` first (with its cache: not --no-cache), then ping.`);
    return 1;
  }
  const site = new URL(record.site);
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(site.hostname)) {
    console.error(`dateline ping: the last build was for ${record.site}, a local address no hub can fetch; build with the public URL (\`npm run build -- --url https://owner.github.io/repo/\`, or \`url\` in the config), then ping.`);
    return 1;
  }
  if (values.verbose) say(`The last build of ${record.site} recorded ${count(record.feeds.length, 'changed feed')} in ${changedFeedsPath(cacheDir)}.`);
  if (record.feeds.length === 0) {
    say(`The last build changed no feed: nothing to send to ${hub}.`);
    return 0;
  }

  if (values['dry-run']) {
    // Printed even with --quiet: the requests are what a dry run is for.
    console.log(`Dry run: would send ${count(record.feeds.length, 'request')} to ${hub} (Content-Type: application/x-www-form-urlencoded), and sends none:`);
    for (const feed of record.feeds) {
      const request = hubRequest(hub, feed);
      console.log(`${request.method} ${request.url} ${request.body}`);
    }
    return 0;
  }

  const outcomes = await publishToHub(hub, record.feeds, {retries, backoffMs});
  for (const outcome of outcomes) {
    const tries = outcome.attempts > 1 ? `after ${outcome.attempts} tries` : '';
    if (outcome.accepted) {
      const notes = [values.verbose ? String(outcome.status) : '', tries].filter(Boolean).join(', ');
      say(`Pinged ${outcome.feed}${notes ? ` (${notes})` : ''}`);
    } else {
      const status = outcome.status;
      const what = status === undefined ? `could not be reached for ${outcome.feed}` : status >= 500 || status === 429 ? `could not take ${outcome.feed}` : `refused ${outcome.feed}`;
      console.error(`dateline ping: the hub ${hub} ${what}${tries ? ` (${tries})` : ''}: ${outcome.detail}`);
    }
  }
  const failed = outcomes.filter((outcome) => !outcome.accepted).length;
  if (failed > 0) {
    console.error(`Ping failed: ${hub} took ${outcomes.length - failed} of ${count(outcomes.length, 'changed feed')}; ${failed} failed (above). Once the cause is fixed, run \`dateline ping\` again: it sends the whole record again.`);
    return 1;
  }
  say(`Told ${hub} about ${count(outcomes.length, 'changed feed')}: all accepted.`);
  return 0;
}

/** The first retry's wait: the environment's `DATELINE_PING_BACKOFF_MS`, or 1000; undefined when it is not a whole number. */
function backoff(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return 1000;
  return /^\d{1,7}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

// Run directly (`tsx scripts/ping.ts`); no top-level await, which the CommonJS bundle cannot hold.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void ping(process.argv.slice(2)).then((code) => (process.exitCode = code));
