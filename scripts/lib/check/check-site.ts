import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {VFile} from 'vfile';
import {buildSite, type BuildOptions, type BuildResult} from '../build/build-site.ts';
import {idBaseRule} from '../config/config.ts';
import {checkFeeds} from './check-feeds.ts';
import {checkLinks, type OutputProblem} from './check-links.ts';
import {readPage, type PageFacts} from './read-page.ts';

/** What `dateline check` found: the build's messages plus the output checks', by file. */
export interface CheckResult {
  readonly ok: boolean;
  readonly build: BuildResult;
  readonly files: readonly VFile[];
  /** HTML pages and feeds checked (0 when the build failed). */
  readonly checked: number;
}

/**
 * Build the site into a temporary folder (never the real output), then check the output:
 * internal links, anchors and images, `alt` text, well-formed feeds. Problems in an
 * article's page are reported on the article's file, at the line where the URL appears;
 * others on the output page. The temporary folder is removed.
 */
export async function checkSite(options: Omit<BuildOptions, 'out'>): Promise<CheckResult> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-check-'));
  try {
    const out = path.join(temp, 'site');
    // A check's build is never published: it leaves the record of changed feeds (`ping`'s) as the last real build wrote it.
    const build = await buildSite({...options, out, recordFeeds: false});
    // A site without `idBase` builds, but its feed ids would not survive a move: before publishing, that is a problem.
    const unstableIds = build.files.flatMap((file) => file.messages).filter((message) => message.ruleId === idBaseRule);
    for (const message of unstableIds) message.fatal = true;
    if (!build.ok || !build.config) return {ok: false, build, files: build.files, checked: 0};

    const outputs = (fs.readdirSync(out, {recursive: true, encoding: 'utf8'}) as string[]).map((file) => file.split(path.sep).join('/')).sort();
    const pages = new Map<string, PageFacts>(outputs.filter((file) => file.endsWith('.html')).map((file) => [file, readPage(fs.readFileSync(path.join(out, file), 'utf8'))]));
    // Every XML file (feeds, sitemaps, OPML) must be well-formed; of JSON files, only JSON Feeds (not the search index).
    const feeds = outputs.filter((file) => file.endsWith('.xml') || file.endsWith('.opml') || /(^|\/)feed\.json$/.test(file));
    const problems = [...checkLinks(out, build.config.url, pages), ...checkFeeds(out, feeds)];

    const sources = new Map(build.published.map((article) => [`${article.path}index.html`, path.resolve(options.cwd, article.source)]));
    const files = [...build.files, ...problemFiles(problems, sources, options.cwd)];
    return {ok: problems.length === 0 && unstableIds.length === 0, build, files, checked: pages.size + feeds.length};
  } finally {
    fs.rmSync(temp, {recursive: true, force: true});
  }
}

/** Group problems into one VFile per source article (or output page), each message placed where its URL first appears in the source. */
function problemFiles(problems: readonly OutputProblem[], sources: ReadonlyMap<string, string>, cwd: string): VFile[] {
  const files = new Map<string, VFile>();
  const seen = new Map<string, {count: number; message: ReturnType<VFile['message']>}>();
  for (const problem of problems) {
    const source = sources.get(problem.page);
    const name = source ? path.relative(cwd, source) : problem.page;
    let file = files.get(name);
    if (!file) {
      file = new VFile({path: name, cwd, value: source ? fs.readFileSync(source, 'utf8') : ''});
      files.set(name, file);
    }
    const key = source ? `${name}\0${problem.reason}` : `\0${problem.reason}`;
    const earlier = seen.get(key);
    if (earlier) {
      earlier.count += 1;
      if (!source) earlier.message.reason = `${problem.reason} (and on ${earlier.count - 1} other page${earlier.count === 2 ? '' : 's'})`;
      continue;
    }
    const message = file.message(problem.reason, {place: source ? locate(String(file.value), problem.subject) : undefined, ruleId: problem.rule, source: 'dateline-check'});
    message.fatal = true;
    seen.set(key, {count: 1, message});
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Line and column of the first occurrence of `subject` in `text` (as written, or percent-decoded). */
function locate(text: string, subject: string): {line: number; column: number} | undefined {
  if (!subject) return undefined;
  let offset = text.indexOf(subject);
  if (offset < 0) {
    try {
      offset = text.indexOf(decodeURIComponent(subject));
    } catch {
      offset = -1;
    }
  }
  if (offset < 0) return undefined;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return {line, column: offset - before.lastIndexOf('\n')};
}
