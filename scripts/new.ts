import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {loadConfig} from './lib/config/config.ts';
import {formatReport} from './lib/report/format-report.ts';
import {articleExtensions} from './lib/source/load-articles.ts';
import {checkNow, parseCommandLine} from './lib/cli/parse-command-line.ts';
import {planNewArticle, slugOfFileName} from './lib/plan/plan-new-article.ts';

export const newUsage = `Usage: dateline new "Headline" [--section S] [--txt] [--articles DIR] [--config FILE] [--now ISO] [--quiet]

Create a draft article dated now (in the site's time zone) in the articles folder and print
its path: YYYY-MM-DD-slug.md with front matter, or with --txt a wire-copy file
YYYY-MM-DD-slug.txt with the headline under its front matter. It has \`draft: true\`, so
builds leave it out until you delete that line (serve shows it). The slug comes from the
headline; when another article has it, -2, -3 … is added. No file is ever overwritten.

  --section S      the article's section
  --txt            write plain-text wire copy instead of Markdown
  --articles DIR   article sources (default: articles/)
  --config FILE    site config (default: dateline.config.yaml)
  --now ISO        the date to use instead of the clock
  --quiet          print nothing but errors
  --verbose        print the new file's text too
  -h, --help       show this help

Exit status: 0 when the file was created, 1 when the config has an error, 2 on bad usage.`;

/** `dateline new`: create a new article file and print its path. */
export function newArticle(argv: readonly string[]): number {
  const line = parseCommandLine(
    'new',
    argv,
    {section: {type: 'string'}, txt: {type: 'boolean'}, articles: {type: 'string'}, config: {type: 'string'}, now: {type: 'string'}},
    newUsage,
    1,
  );
  if ('exit' in line) return line.exit;
  const {values} = line;
  const badNow = checkNow('new', values.now, newUsage);
  if (badNow !== undefined) return badNow;
  const headline = line.positionals[0]?.trim();
  if (!headline) {
    console.error(`dateline new: give the headline, in quotes\n\n${newUsage}`);
    return 2;
  }
  const cwd = process.cwd();
  const {config, file} = loadConfig(cwd, {articles: values.articles, config: values.config, now: values.now}, process.env);
  if (!config) {
    for (const message of formatReport([file])) console.error(message);
    return 1;
  }
  fs.mkdirSync(config.articlesDir, {recursive: true});
  const existing = fs.readdirSync(config.articlesDir, {recursive: true, encoding: 'utf8'}).filter((name) => articleExtensions.includes(path.extname(name).toLowerCase()));
  const taken = new Set(existing.map((name) => slugOfFileName(path.basename(name))));
  const planned = planNewArticle({headline, section: values.section, format: values.txt ? 'wire' : 'markdown', now: config.now, timezone: config.timezone, taken});
  const target = path.join(config.articlesDir, planned.name);
  fs.writeFileSync(target, planned.contents, {flag: 'wx'});
  if (!values.quiet) {
    console.log(path.relative(cwd, target));
    // On stderr: stdout stays the path alone, for scripts that open it.
    const line = planned.contents.split('\n').indexOf('draft: true') + 1;
    console.error(`It is a draft: \`npm run serve\` shows it, builds leave it out. To publish it, delete \`draft: true\` (line ${line}) and build.`);
  }
  if (values.verbose) console.error(planned.contents);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = newArticle(process.argv.slice(2));
