/**
 * Hostile content: `test/fixtures/hostile/` puts scripts, event handlers, `javascript:` and
 * `data:` URLs, iframes, CSS expressions and feed-breaking text into every field of Markdown
 * and wire-copy articles and the config. The real command builds it, and every page and every
 * feed item is parsed as a browser or feed reader would and searched for anything executable.
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {listFiles, removeTempDirs, tempDir, textOf} from './helpers/files.ts';
import {runCliAsync, type CliResult} from './helpers/run-cli.ts';
import {executableMarkup} from './helpers/scan-markup.ts';

const site = fileURLToPath(new URL('./fixtures/hostile/', import.meta.url));
let out = '';
let built: Promise<CliResult> | undefined;
/** The hostile site built once, on first use (temp folders are made when the suite runs, not when it loads). */
function build(): Promise<CliResult> {
  if (!built) {
    out = path.join(tempDir(), 'out');
    built = runCliAsync(['build', '--out', out, '--now', '2021-01-01T00:00:00Z'], {cwd: site, env: {TZ: 'UTC'}});
  }
  return built;
}
const read = (file: string): string => fs.readFileSync(path.join(out, file), 'utf8');

type XmlNode = Record<string, unknown>;
const xml = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, processEntities: true, htmlEntities: false});
const list = (value: unknown): XmlNode[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as XmlNode[];
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'object' && value !== null ? String((value as XmlNode)['#text'] ?? '') : '');

/** The titles the articles give, as a reader must see them: literally. */
const titles = ["<script>alert('title')</script> Council </title><svg onload=alert(1)>", `"><script>alert('wire title')</script>`, "<script>alert('wire headline')</script> Wire headline"];

test.after(() => {
  removeTempDirs();
});

test('should build the hostile site', async () => {
  const result = await build();
  assert.is(result.status, 0, result.stderr);
});

test('should leave nothing executable in any page', async () => {
  await build();
  const pages = listFiles(out).filter((file) => file.endsWith('.html'));
  assert.ok(pages.length >= 8, `only ${pages.length} pages`);
  for (const page of pages) {
    assert.equal(executableMarkup(read(page), {allowedScripts: ['/repo/assets/', '/repo/pagefind/']}), [], page);
  }
});

test('should show hostile titles, captions and bylines as text', async () => {
  await build();
  const page = textOf(read('2020/02/markdown/index.html'));
  for (const literal of [titles[0]!, "<img src=x onerror=alert('caption')>", "<img src=x onerror=alert('by')>", "<script>alert('correction')</script>"]) {
    assert.ok(page.includes(literal), `the page should show ${literal} as text`);
  }
  assert.ok(read('2020/02/markdown/index.html').includes('<b>bold</b>'), 'harmless markup in the Markdown body stays');
  assert.ok(textOf(read('2020/02/wire-script/index.html')).includes(`<iframe src="javascript:alert('wire')"></iframe> A paragraph`), 'wire copy is text');
  assert.ok(textOf(read('2020/02/wire-front/index.html')).includes('{{ site.title }} {% raw %}'), 'Liquid in an article is text');
});

test('should leave nothing executable in the RSS feed, and keep it well-formed', async () => {
  await build();
  const source = read('feed.xml');
  assert.is(XMLValidator.validate(source), true, 'feed.xml is well-formed');
  const channel = (xml.parse(source) as {rss: {channel: XmlNode}}).rss.channel;
  const items = list(channel['item']);
  assert.is(items.length, 3);
  // RSS titles are plain text (RSS Best Practices Profile); descriptions and content are HTML.
  assert.equal(items.map((item) => text(item['title'])).sort(), [...titles].sort());
  for (const item of items) {
    for (const field of ['description', 'content:encoded']) {
      assert.equal(executableMarkup(text(item[field]), {fragment: true}), [], `${text(item['title'])}: ${field}`);
    }
  }
});

test('should leave nothing executable in the Atom feed, and keep it well-formed', async () => {
  await build();
  const source = read('atom.xml');
  assert.is(XMLValidator.validate(source), true, 'atom.xml is well-formed');
  const feed = (xml.parse(source) as {feed: XmlNode}).feed;
  const entries = list(feed['entry']);
  assert.is(entries.length, 3);
  for (const entry of entries) {
    for (const field of ['title', 'summary', 'content']) {
      const node = entry[field];
      if (node === undefined) continue;
      const html = typeof node === 'object' && (node as XmlNode)['@_type'] === 'html';
      if (html || field === 'content') assert.equal(executableMarkup(text(node), {fragment: true}), [], `atom ${field}: ${text(node)}`);
    }
  }
  assert.equal(entries.map((entry) => textOf(text(entry['title']))).sort(), [...titles].sort(), 'Atom html titles decode to the literal titles');
});

test('should leave nothing executable in the JSON feed', async () => {
  await build();
  const data = JSON.parse(read('feed.json')) as {items: {title: string; content_html?: string; summary?: string}[]};
  assert.is(data.items.length, 3);
  assert.equal(data.items.map((item) => item.title).sort(), [...titles].sort());
  for (const item of data.items) assert.equal(executableMarkup(item.content_html ?? '', {fragment: true}), [], item.title);
});

test('should find what it looks for (the scanner itself)', () => {
  const bad = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="data:text/html,x">x</a>',
    '<iframe src="https://x.example/"></iframe>',
    '<div style="width: expression(alert(1))"></div>',
    '<svg><script>alert(1)</script></svg>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  ];
  for (const html of bad) assert.ok(executableMarkup(html, {fragment: true}).length > 0, html);
  assert.equal(executableMarkup('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script type="application/ld+json">{}</script>', {fragment: true}), []);
});

test.run();
