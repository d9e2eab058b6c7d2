/**
 * The `dateline` command end to end: spawn the real CLI on the fixture sites under
 * `test/fixtures/` and check exit codes, exact messages and the files it writes.
 *
 * - `site/`: a small valid site (real templates, a draft, a wire-copy article, an image).
 * - `invalid/<case>/`: mini-sites that must fail, each with `expected-stderr.txt`.
 * - `warnings/<case>/`: mini-sites that build with a warning, each with `expected-stderr.txt`.
 *
 * `UPDATE=1` rewrites the `expected-stderr.txt` files from the current output: read the diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {XMLParser} from 'fast-xml-parser';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {copySampleSite} from './helpers/copy-site.ts';
import {expectation, listFiles, paragraphsOf, removeTempDirs, snapshot, snapshotDifferences, tempDir, textOf, urlsOf} from './helpers/files.ts';
import {pool, runCliAsync, type CliOptions, type CliResult} from './helpers/run-cli.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const site = path.join(fixtures, 'site');
const siteUrl = 'https://owner.github.io/repo/';
const idBase = 'tag:fixture.example,2020:';

/** The wire-copy sample, copied verbatim from `/work/shared/samples/`. */
const wireSource = 'articles/2017-01-16-syrian-opposition-to-attend-astana-talks.txt';
const wirePath = '2017/01/syrian-opposition-to-attend-astana-talks/';
const wireHeadline = 'Syrian opposition to attend Astana talks';
const wireCaption = 'Members of the Syrian National Coalition (SNC) meeting in Istanbul.';
const wireCredit = 'File photo: AFP';
/** Page chrome pasted at the end of the sample, which must not be published anywhere. */
const chrome = ['follow us on Twitter', 'Join our Weekly Newsletter', 'Related Items', 'Leave a Reply', 'Your email address', '1 + twenty'];

/** The published articles of the fixture site, newest first (the draft is not among them). */
const published = [
  // `date: "2017-02-01T02:00:00"` has no offset: read in Asia/Kolkata it is still 31 January in
  // UTC, and the URL uses the site's time zone, so the page is under 2017/02/.
  {path: '2017/02/night-ferry-timetable/', slug: 'night-ferry-timetable', title: 'Night ferry timetable changes from February'},
  {path: '2017/01/harbour-lights-restored/', slug: 'harbour-lights-restored', title: 'Harbour lights restored after storm'},
  {path: wirePath, slug: 'syrian-opposition-to-attend-astana-talks', title: wireHeadline},
  {path: '2017/01/winter-market-opens/', slug: 'winter-market-opens', title: 'Winter market opens on the quay'},
  {path: '2016/12/year-in-review/', slug: 'year-in-review', title: 'The year in review: ferries, floods & a new library'},
];
const feedSize = 3;

/** Every file the fixture site builds into, sorted by code point, except Pagefind's index under `pagefind/` (hashed names). */
const siteFiles = [
  '.nojekyll',
  '2016/12/year-in-review/index.html',
  '2017/01/harbour-lights-restored/cable-route.svg',
  '2017/01/harbour-lights-restored/harbour-lights.svg',
  '2017/01/harbour-lights-restored/index.html',
  '2017/01/syrian-opposition-to-attend-astana-talks/index.html',
  '2017/01/winter-market-opens/index.html',
  '2017/02/night-ferry-timetable/index.html',
  '404.html',
  'archive/2016/12/atom.xml',
  'archive/2016/12/feed.xml',
  'archive/2016/12/index.html',
  'archive/2016/index.html',
  'archive/2017/01/atom.xml',
  'archive/2017/01/feed.xml',
  'archive/2017/01/index.html',
  'archive/2017/01/page/1/index.html',
  'archive/2017/02/index.html',
  'archive/2017/index.html',
  'archive/2017/page/1/index.html',
  'archive/index.html',
  'assets/feed.xsl',
  'assets/icon.svg',
  'assets/search.js',
  'assets/style.css',
  'atom.xml',
  'author/arjun-rao/atom.xml',
  'author/arjun-rao/feed.json',
  'author/arjun-rao/feed.xml',
  'author/arjun-rao/index.html',
  'author/fixture-desk/atom.xml',
  'author/fixture-desk/feed.json',
  'author/fixture-desk/feed.xml',
  'author/fixture-desk/index.html',
  'author/fixture-desk/page/1/index.html',
  'author/lena-fischer/atom.xml',
  'author/lena-fischer/feed.json',
  'author/lena-fischer/feed.xml',
  'author/lena-fischer/index.html',
  'author/meera-pillai/atom.xml',
  'author/meera-pillai/feed.json',
  'author/meera-pillai/feed.xml',
  'author/meera-pillai/index.html',
  'feed.json',
  'feed.xml',
  'feeds.opml',
  'index.html',
  'news-sitemap.xml',
  'page/1/index.html',
  'page/2/index.html',
  'robots.txt',
  'search/index.html',
  'section/culture/atom.xml',
  'section/culture/feed.json',
  'section/culture/feed.xml',
  'section/culture/index.html',
  'section/transport/atom.xml',
  'section/transport/feed.json',
  'section/transport/feed.xml',
  'section/transport/index.html',
  'sitemap.xml',
  'tag/ferries/atom.xml',
  'tag/ferries/feed.json',
  'tag/ferries/feed.xml',
  'tag/ferries/index.html',
  'tag/harbour/atom.xml',
  'tag/harbour/feed.json',
  'tag/harbour/feed.xml',
  'tag/harbour/index.html',
  'tag/harbour/page/1/index.html',
  'tag/markets/atom.xml',
  'tag/markets/feed.json',
  'tag/markets/feed.xml',
  'tag/markets/index.html',
  'tag/weather/atom.xml',
  'tag/weather/feed.json',
  'tag/weather/feed.xml',
  'tag/weather/index.html',
];

/** Fixed zone and locale for the reference build; the determinism test changes both. */
const plainEnv = {TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8'};

/** Build `cwd` into a fresh `<tmp>/out` folder. */
async function buildInto(cwd: string, options: CliOptions = {}, flags: readonly string[] = []): Promise<{out: string; result: CliResult}> {
  const out = path.join(tempDir(), 'out');
  const result = await runCliAsync(['build', '--out', out, ...flags], {...options, cwd});
  return {out, result};
}

/** The fixture site built once (notes such as removed chrome are printed by default), shared by the read-only tests. */
let reference: Promise<{out: string; result: CliResult}> | undefined;
function referenceBuild(): Promise<{out: string; result: CliResult}> {
  reference ??= buildInto(site, {env: plainEnv});
  return reference;
}

function assertBuilt(result: CliResult, what: string): void {
  assert.is(result.status, 0, `${what} should exit 0; stderr:\n${result.stderr}`);
}

const read = (out: string, file: string): string => fs.readFileSync(path.join(out, file), 'utf8');

/**
 * The output file a site URL points at (`/repo/x/` → `x/index.html`), or why it points at none.
 * `url` must be absolute and under `base`.
 */
function targetOf(out: string, base: URL, url: URL): string | undefined {
  if (!url.href.startsWith(base.href) && url.href !== base.href.slice(0, -1)) return undefined;
  let relative = decodeURIComponent(url.pathname.slice(base.pathname.length));
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  const file = path.join(out, relative);
  return fs.existsSync(file) && fs.statSync(file).isFile() ? relative : undefined;
}

/** The page URL of an output HTML file (`a/b/index.html` → `<base>a/b/`). */
function pageUrlOf(base: URL, file: string): URL {
  return new URL(file.replace(/(^|\/)index\.html$/, '$1'), base);
}

/**
 * Check every `href`/`src` of every HTML page under `out` for a site at `url`:
 * root-relative ones start with the sub-path, same-site ones resolve to a file of the output,
 * fragments name an `id` of the page. Markdown body links stay relative to their page by design
 * (`Article.html` in scripts/lib/types.ts), so relative URLs are allowed inside the article body
 * only, and are resolved like the rest.
 *
 * @returns the external URLs found, sorted and deduplicated.
 */
function checkPageLinks(out: string, url: string): string[] {
  const base = new URL(url);
  const external = new Set<string>();
  const pages = listFiles(out).filter((file) => file.endsWith('.html'));
  assert.ok(pages.length > 0, 'no HTML pages were built');
  for (const page of pages) {
    const html = read(out, page);
    const pageUrl = pageUrlOf(base, page);
    const body = /<div class="article-body">([\s\S]*?)\n {2}<\/div>/.exec(html)?.[1] ?? '';
    const bodyUrls = new Set(urlsOf(body));
    for (const link of urlsOf(html)) {
      const where = `${page}: ${link}`;
      if (link.startsWith('#')) {
        assert.ok(html.includes(` id="${link.slice(1)}"`), `${where}: no element has this id`);
        continue;
      }
      const hasScheme = /^[a-z][a-z\d+.-]*:/i.test(link) || link.startsWith('//');
      if (link.startsWith('/') && !link.startsWith('//')) assert.ok(link.startsWith(base.pathname), `${where}: does not start with ${base.pathname}`);
      else if (!hasScheme) assert.ok(bodyUrls.has(link), `${where}: a relative URL outside the article body`);
      const resolved = new URL(link, pageUrl);
      if (resolved.origin !== base.origin) {
        external.add(link);
        continue;
      }
      assert.ok(resolved.href.startsWith(base.href), `${where}: outside the site ${base.href}`);
      assert.ok(targetOf(out, base, resolved), `${where}: no such file in the output`);
    }
  }
  return [...external].sort();
}

// fast-xml-parser returns untyped trees; these helpers give the few shapes the tests read.
type XmlNode = Record<string, unknown>;
const xml = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false});
const list = (value: unknown): XmlNode[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as XmlNode[];
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'object' && value !== null ? String((value as XmlNode)['#text'] ?? '') : '');

/** One feed item, the same shape for every format. */
interface FeedItem {
  readonly title: string;
  readonly link: string;
  readonly id: string;
  /** The item's HTML content. */
  readonly content: string;
}

/** A feed document: its own links (home, self) and its items. */
interface FeedDocument {
  readonly links: string[];
  readonly items: FeedItem[];
}

/** Parse `feed.xml`, `atom.xml` and `feed.json` of an output folder into one shape. */
function readFeeds(out: string): Record<'rss' | 'atom' | 'json', FeedDocument> {
  const channel = (xml.parse(read(out, 'feed.xml')) as {rss: {channel: XmlNode}}).rss.channel;
  const rss: FeedDocument = {
    links: [text(channel['link']), ...list(channel['atom:link']).map((link) => String(link['@_href']))],
    items: list(channel['item']).map((item) => ({
      title: text(item['title']),
      link: text(item['link']),
      id: text(item['guid']),
      content: text(item['content:encoded']),
    })),
  };

  const feed = (xml.parse(read(out, 'atom.xml')) as {feed: XmlNode}).feed;
  const atom: FeedDocument = {
    links: list(feed['link']).map((link) => String(link['@_href'])),
    items: list(feed['entry']).map((entry) => ({
      // `type="html"`: the title is HTML, so decode it once.
      title: textOf(text(entry['title'])),
      link: String(list(entry['link'])[0]?.['@_href']),
      id: text(entry['id']),
      content: text(entry['content']),
    })),
  };

  const data = JSON.parse(read(out, 'feed.json')) as {home_page_url: string; feed_url: string; items: {title: string; url: string; id: string; content_html: string}[]};
  const json: FeedDocument = {
    links: [data.home_page_url, data.feed_url],
    items: data.items.map((item) => ({title: item.title, link: item.url, id: item.id, content: item.content_html})),
  };
  return {rss, atom, json};
}

/** Every feed carries the newest articles with absolute links under `url` that resolve in `out`. */
function checkFeeds(out: string, url: string): Record<'rss' | 'atom' | 'json', FeedDocument> {
  const base = new URL(url);
  const feeds = readFeeds(out);
  for (const [format, feed] of Object.entries(feeds)) {
    assert.equal(
      feed.items.map((item) => item.link),
      published.slice(0, feedSize).map((article) => url + article.path),
      `${format}: items should be the ${feedSize} newest published articles, newest first`,
    );
    // Ids come from idBase, not from the URL: they must not change when the site moves.
    assert.equal(
      feed.items.map((item) => item.id),
      published.slice(0, feedSize).map((article) => idBase + article.slug),
      `${format}: ids`,
    );
    const urls = [...feed.links, ...feed.items.flatMap((item) => [item.link, ...urlsOf(item.content)])];
    for (const link of urls) {
      assert.match(link, /^https?:\/\//, `${format}: ${link} should be absolute`);
      const resolved = new URL(link);
      if (resolved.origin !== base.origin) continue;
      assert.ok(link.startsWith(url), `${format}: ${link} should start with ${url}`);
      assert.ok(targetOf(out, base, resolved), `${format}: ${link} points at no file of the output`);
    }
  }
  assert.ok(feeds.rss.links.includes(url), 'rss: channel link is the home page');
  assert.ok(feeds.atom.links.includes(`${url}atom.xml`), 'atom: self link');
  assert.ok(feeds.json.links.includes(`${url}feed.json`), 'json: feed_url');
  return feeds;
}

/** The article pages linked from listing cards, in order (`<h2><a href>` in templates/partials/card.liquid). */
function cardLinks(html: string): string[] {
  return [...html.matchAll(/<h2><a href="([^"]*)">/g)].map((match) => match[1] ?? '');
}

/** Text files of the output (pages, feeds, styles). */
function textFiles(out: string): string[] {
  return listFiles(out).filter((file) => /\.(html|xml|json|opml|xsl|css|svg)$/.test(file));
}

test.after(() => {
  removeTempDirs();
});

test('should build the fixture site', async () => {
  const {out, result} = await referenceBuild();
  assertBuilt(result, 'the fixture site');
  const files = listFiles(out);
  const pages = files.filter((file) => file.endsWith('.html')).length;
  assert.match(result.stdout, new RegExp(`^Built 5 articles, ${pages} pages, \\d+ feeds, ${files.length} files into .+ in \\d+\\.\\d\\ds; no warnings\\.\\n$`));
  assert.equal(files.filter((file) => !file.startsWith('pagefind/')), siteFiles);
  assert.ok(files.includes('pagefind/pagefind-entry.json') && files.includes('pagefind/pagefind-ui.js'), 'the search index');
  assert.is(read(out, '.nojekyll'), '');
  assert.equal(fs.readFileSync(path.join(out, 'assets/style.css')), fs.readFileSync(path.join(site, '../../../templates/assets/style.css')));
  for (const image of ['harbour-lights.svg', 'cable-route.svg']) {
    assert.equal(fs.readFileSync(path.join(out, '2017/01/harbour-lights-restored', image)), fs.readFileSync(path.join(site, 'articles', image)), image);
  }

  // The draft (articles/2017-01-25-embargoed-budget-leak.md) is nowhere: no page, no
  // section or tag page, not in a listing, not in a feed.
  assert.ok(!listFiles(out).some((file) => /embargoed/i.test(file)), 'a file of the draft was written');
  for (const file of textFiles(out)) {
    const contents = read(out, file);
    assert.not.ok(contents.includes('DRAFT-MARKER') || /embargoed/i.test(contents), `${file} mentions the draft`);
  }

  // Listings: two articles a page, newest first; the first page shows the newest two, and
  // page/N/ the N-th two counted from the oldest (so a new article shifts none of them).
  assert.equal(
    ['index.html', 'page/2/index.html', 'page/1/index.html'].map((page) => cardLinks(read(out, page))),
    [published.slice(0, 2), published.slice(1, 3), published.slice(3, 5)].map((articles) => articles.map((article) => `/repo/${article.path}`)),
  );
  for (const article of published) {
    assert.ok(read(out, `${article.path}index.html`).includes(`<h1>${article.title.replaceAll('&', '&amp;')}</h1>`), `${article.path}: headline`);
  }

  assert.equal(checkPageLinks(out, siteUrl), ['https://port.example.org/notices/42']);
  checkFeeds(out, siteUrl);

  // Section, tag and author pages (every page of them) link their own feeds for autodiscovery, and the site's.
  for (const [page, base] of [
    ['section/transport/index.html', 'section/transport/'],
    ['tag/harbour/page/1/index.html', 'tag/harbour/'],
    ['author/fixture-desk/page/1/index.html', 'author/fixture-desk/'],
  ] as const) {
    const html = read(out, page);
    for (const [type, name] of [
      ['application/rss+xml', 'feed.xml'],
      ['application/atom+xml', 'atom.xml'],
      ['application/feed+json', 'feed.json'],
    ] as const) {
      for (const href of [siteUrl + name, siteUrl + base + name]) {
        assert.match(html, new RegExp(`<link rel="alternate" type="${type.replace('+', '\\+')}" title="[^"]*" href="${href}">`), `${page}: ${href}`);
      }
    }
  }
  // The OPML list names every feed file the build wrote, archives aside.
  const opml = [...read(out, 'feeds.opml').matchAll(/xmlUrl="([^"]*)"/g)].map((match) => match[1]!.slice(siteUrl.length)).sort();
  assert.equal(opml, listFiles(out).filter((file) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file) && !file.startsWith('archive/')));
  // Feeds name the theme's stylesheet, so a browser shows a page with a subscribe hint.
  for (const feed of ['feed.xml', 'atom.xml', 'archive/2017/01/atom.xml', 'tag/harbour/feed.xml']) {
    assert.ok(read(out, feed).startsWith(`<?xml version="1.0" encoding="utf-8"?><?xml-stylesheet href="${siteUrl}assets/feed.xsl" type="text/xsl"?>\n`), feed);
  }
  assert.match(read(out, 'assets/feed.xsl'), /This is a web feed/);
});

test('should publish the wire-copy sample without its page chrome, on its page and in every feed', async () => {
  const {out, result} = await referenceBuild();
  assertBuilt(result, 'the fixture site');

  // The sample by hand: headline, caption, fifteen paragraphs, then the chrome.
  const blocks = fs.readFileSync(path.join(site, wireSource), 'utf8').split(/\n[ \t]*\n/).map((block) => block.trim()).filter(Boolean);
  assert.is(blocks[0], wireHeadline);
  assert.is(blocks[1], `${wireCaption} ${wireCredit}`);
  const paragraphs = blocks.slice(2, 17);
  assert.is(paragraphs.length, 15);
  assert.ok(paragraphs.at(-1)?.startsWith('Syria has been enguled by violence'));
  assert.is(blocks[17], 'For the latest news follow us on Twitter');

  const html = read(out, `${wirePath}index.html`);
  const h1 = [...html.matchAll(/<h1(?:\s[^>]*)?>([\s\S]*?)<\/h1>/g)].map((match) => textOf(match[1] ?? ''));
  assert.equal(h1, [wireHeadline]);
  const body = /<div class="article-body">([\s\S]*?)<\/div>/.exec(html)?.[1];
  assert.ok(body, 'the page has an article body');
  assert.equal(paragraphsOf(body), paragraphs);
  assert.not.ok(body.includes('<a '), '`[to Astana]` must stay text, not become a link');
  const page = textOf(html);
  assert.ok(page.includes('“All the rebel groups are going [to Astana]. Everyone has agreed,”'), 'literal brackets and curly quotes');
  assert.ok(page.includes('to “neutralise the criminal role” of Iran in Syria’s conflict'), 'curly quotes and apostrophe');
  const figcaption = /<figcaption>([\s\S]*?)<\/figcaption>/.exec(html)?.[1];
  assert.ok(figcaption, 'the page has a figcaption');
  assert.is(textOf(figcaption).replace(/\s+/g, ' ').trim(), `${wireCaption} ${wireCredit}`);

  for (const file of textFiles(out)) {
    const contents = read(out, file);
    for (const line of chrome) assert.not.ok(contents.includes(line), `${file} contains the page chrome "${line}"`);
  }

  for (const [format, feed] of Object.entries(readFeeds(out))) {
    const item = feed.items.find((entry) => entry.link === siteUrl + wirePath);
    assert.ok(item, `${format}: the wire article is an item`);
    assert.is(item.title, wireHeadline, `${format}: title`);
    assert.equal(paragraphsOf(item.content), paragraphs, `${format}: every paragraph`);
    const content = textOf(item.content);
    assert.ok(content.includes(wireCaption) && content.includes(wireCredit), `${format}: caption and credit`);
  }

  // The build names each removed chunk of chrome with its file and line (notes, printed by default).
  const lines = result.stderr.split('\n').filter(Boolean);
  assert.equal(
    lines.map((line) => /^(.+?):(\d+):1: note: removed page chrome: .*\(wire-chrome\)$/.exec(line)?.slice(1, 3)),
    [37, 39, 42, 44, 46, 48].map((line) => [wireSource, String(line)]),
    `stderr:\n${result.stderr}`,
  );
  chrome.forEach((snippet, index) => assert.ok(lines[index]?.includes(snippet), `note ${index + 1} quotes "${snippet}"`));
});

test('should honour --url over SITE_URL over the config url', async () => {
  const [fromEnv, fromFlag] = await Promise.all([
    buildInto(site, {env: {SITE_URL: 'https://a.example/x/'}}),
    buildInto(site, {env: {SITE_URL: 'https://a.example/x/'}}, ['--url', 'https://b.example/y/']),
  ]);
  const cases = [
    {build: fromEnv, url: 'https://a.example/x/', others: ['owner.github.io', '/repo/', 'b.example']},
    {build: fromFlag, url: 'https://b.example/y/', others: ['owner.github.io', '/repo/', 'a.example', '/x/']},
  ];
  for (const {build, url, others} of cases) {
    assertBuilt(build.result, url);
    assert.ok(read(build.out, 'index.html').includes(`href="${new URL(url).pathname}assets/style.css"`), `${url}: stylesheet under the sub-path`);
    assert.equal(checkPageLinks(build.out, url), ['https://port.example.org/notices/42']);
    checkFeeds(build.out, url);
    for (const file of textFiles(build.out)) {
      const contents = read(build.out, file);
      for (const other of others) assert.not.ok(contents.includes(other), `${url}: ${file} mentions ${other}`);
    }
  }
});

test('should build byte-identical output whatever the machine time zone and locale', async () => {
  const [{out: first, result}, {out: second, result: again}] = await Promise.all([
    referenceBuild(),
    buildInto(site, {env: {TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8'}}),
  ]);
  assertBuilt(result, 'the first build');
  assertBuilt(again, 'the second build');
  const a = snapshot(first);
  const b = snapshot(second);
  assert.equal([...b.keys()], [...a.keys()]);
  assert.equal(snapshotDifferences(a, b), []);
});

test('should build the sample site byte-identical whatever the machine time zone and locale', async () => {
  const sample = path.join(fixtures, '../..');
  const flags = ['--now', '2017-03-01T00:00:00Z'];
  const [utc, kiritimati] = await Promise.all([
    buildInto(sample, {env: {TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8'}}, flags),
    buildInto(sample, {env: {TZ: 'Pacific/Kiritimati', LANG: 'ar_EG.UTF-8', LC_ALL: 'ar_EG.UTF-8'}}, flags),
  ]);
  assertBuilt(utc.result, 'the sample site under UTC');
  assertBuilt(kiritimati.result, 'the sample site under Pacific/Kiritimati');
  const a = snapshot(utc.out);
  const b = snapshot(kiritimati.out);
  assert.ok(a.size > 10, 'the sample site built');
  assert.equal([...b.keys()], [...a.keys()]);
  assert.equal(snapshotDifferences(a, b), []);
});

test('should fail each invalid site with its exact messages and leave the previous output untouched', async () => {
  const parent = tempDir();
  const out = path.join(parent, 'out');
  const first = await runCliAsync(['build', '--out', out], {cwd: site});
  assertBuilt(first, 'the fixture site');
  const before = snapshot(out);

  const root = path.join(fixtures, 'invalid');
  const cases = fs.readdirSync(root).filter((name) => fs.statSync(path.join(root, name)).isDirectory()).sort();
  assert.ok(cases.length >= 13, `only ${cases.length} invalid cases`);
  const results = await pool(cases, 2, (name) => runCliAsync(['build', '--out', out], {cwd: path.join(root, name)}));

  // Expectations first (with UPDATE=1 every file is rewritten before any assertion can stop the loop).
  const expected = cases.map((name, index) => expectation(path.join(root, name, 'expected-stderr.txt'), results[index]?.stderr ?? ''));
  cases.forEach((name, index) => {
    const result = results[index]!;
    assert.is(result.status, 1, `${name}: exit code; stderr:\n${result.stderr}`);
    assert.fixture(result.stderr, expected[index]!, `${name}: stderr`);
    assert.is(result.stdout, '', `${name}: stdout`);
  });

  assert.equal(snapshotDifferences(before, snapshot(out)), [], 'the output folder changed');
  assert.equal(fs.readdirSync(parent), ['out'], 'staging or backup folders were left next to the output');
});

test('should build each warning site with its exact messages and files', async () => {
  const root = path.join(fixtures, 'warnings');
  const cases = fs.readdirSync(root).filter((name) => fs.statSync(path.join(root, name)).isDirectory()).sort();
  const builds = await pool(cases, 2, (name) => buildInto(path.join(root, name), {env: plainEnv}));
  const expected = cases.map((name, index) => {
    const {out, result} = builds[index]!;
    // Article pages only: what these cases are about (other outputs have their own tests).
    const files = result.status === 0 ? listFiles(out).filter((file) => /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(file)).join('\n') + '\n' : '';
    return {
      stderr: expectation(path.join(root, name, 'expected-stderr.txt'), result.stderr),
      files: expectation(path.join(root, name, 'expected-files.txt'), files),
      actualFiles: files,
    };
  });
  cases.forEach((name, index) => {
    const {result} = builds[index]!;
    assertBuilt(result, name);
    assert.fixture(result.stderr, expected[index]!.stderr, `${name}: stderr`);
    assert.fixture(expected[index]!.actualFiles, expected[index]!.files, `${name}: files`);
  });
  const unknownKey = builds[cases.indexOf('unknown-key')];
  assert.ok(read(unknownKey!.out, '2020/02/typo/index.html').includes('<h1>The real title</h1>'));
});

test('should print the usage with --help and exit 0', async () => {
  const [build, top] = await Promise.all([runCliAsync(['build', '--help']), runCliAsync(['--help'])]);
  assert.is(build.status, 0);
  assert.match(build.stdout, /^Usage: dateline build \[--url URL\]/);
  assert.ok(build.stdout.includes('--out DIR'));
  assert.is(build.stderr, '');
  assert.is(top.status, 0);
  assert.match(top.stdout, /^Usage: dateline <command>/);
  assert.is(top.stderr, '');
});

test('should print --help for every command, and list them all in the top usage', async () => {
  const names = ['build', 'serve', 'new', 'check', 'ping'];
  const [top, ...helps] = await Promise.all([runCliAsync(['--help']), ...names.map((name) => runCliAsync([name, '--help']))]);
  names.forEach((name, index) => {
    const help = helps[index]!;
    assert.is(help.status, 0, help.stderr);
    assert.match(help.stdout, new RegExp(`^Usage: dateline ${name} `));
    assert.ok(help.stdout.includes('--quiet') && help.stdout.includes('--verbose') && help.stdout.includes('--help'), `${name} documents --quiet, --verbose and --help`);
    assert.match(top.stdout, new RegExp(`^  ${name} `, 'm'));
  });
});

test('should exit 2 with the usage on stderr for an unknown flag or command', async () => {
  const cwd = tempDir();
  const [flag, command] = await Promise.all([runCliAsync(['build', '--no-such-flag'], {cwd}), runCliAsync(['frobnicate'], {cwd})]);
  assert.is(flag.status, 2);
  assert.is(flag.stdout, '');
  assert.ok(flag.stderr.includes('--no-such-flag'), flag.stderr);
  assert.ok(flag.stderr.includes('Usage: dateline build'), flag.stderr);
  assert.is(command.status, 2);
  assert.is(command.stdout, '');
  assert.ok(command.stderr.includes('unknown command "frobnicate"'), command.stderr);
  assert.ok(command.stderr.includes('Usage: dateline <command>'), command.stderr);
  assert.equal(fs.readdirSync(cwd), [], 'nothing is written on bad usage');
});

test('should refuse an output folder that would replace the sources', async () => {
  const cwd = tempDir();
  fs.cpSync(site, cwd, {recursive: true});
  fs.writeFileSync(path.join(cwd, 'dateline.config.yaml'), fs.readFileSync(path.join(site, 'dateline.config.yaml'), 'utf8').replace(/^templatesDir:.*$/m, `templatesDir: ${path.resolve(site, '../../../templates')}`));
  const before = snapshot(cwd);
  const results = await Promise.all(['articles', '.', '..', 'articles/out'].map((out) => runCliAsync(['build', '--out', out], {cwd})));
  for (const result of results) {
    assert.is(result.status, 1, result.stderr);
    assert.match(result.stderr, /^dateline.config.yaml: error: output folder .* (overlaps the articles folder|contains the site folder); choose another --out/m);
  }
  assert.equal(snapshotDifferences(before, snapshot(cwd)), []);
});

test('should take the last build\'s page plans and feed sets when the structure stays, and fingerprint again only the pages and feeds an edit reaches (--verbose)', async () => {
  const cwd = copySampleSite(`cacheDir: ${JSON.stringify(path.join(tempDir(), 'cache'))}`);
  const planLine = (result: CliResult): string => {
    assert.is(result.status, 0, result.stderr);
    return /^ *\d+ ms {2}plan .*$/m.exec(result.stdout + result.stderr)?.[0] ?? '';
  };
  assert.match(planLine(await runCliAsync(['build', '--verbose'], {cwd})), /plan \(\d+ pages planned\)/);
  assert.match(planLine(await runCliAsync(['build', '--verbose'], {cwd})), /plan \(pages from the last build, 0 of \d+ fingerprinted again; 0 of \d+ feed sets planned again\)/);
  fs.appendFileSync(path.join(cwd, 'articles', '2017-01-29-frost-half-marathon.md'), '\nA late addition to the race report.\n');
  assert.match(planLine(await runCliAsync(['build', '--verbose'], {cwd})), /plan \(pages from the last build, [1-9]\d* of \d+ fingerprinted again; [1-9]\d* of \d+ feed sets planned again\)/);
});

test('should run through the package bin entry (node scripts/bin.js)', async () => {
  const [viaBin, viaTsx] = await Promise.all([runCliAsync(['build', '--help'], {bin: true}), runCliAsync(['build', '--help'])]);
  assert.is(viaBin.status, 0, viaBin.stderr);
  assert.is(viaBin.stderr, '');
  assert.is(viaBin.stdout, viaTsx.stdout);
});

/** Flags for a sample-site build whose output depends on nothing but its sources. */
const sampleFlags = ['--url', siteUrl, '--now', '2026-01-01T00:00:00Z', '--no-cache'];

test('should build no search page, index, link or sitemap entry with `search: false`, and all of them by default', async () => {
  const [on, off] = await Promise.all([
    buildInto(copySampleSite(), {env: plainEnv}, sampleFlags),
    buildInto(copySampleSite('search: false'), {env: plainEnv}, sampleFlags),
  ]);
  assertBuilt(on.result, 'the sample site');
  assertBuilt(off.result, 'the sample site with search: false');
  const searchPage = `${siteUrl}search/`;
  const base = new URL(siteUrl);
  const pages = (out: string) => listFiles(out).filter((file) => file.endsWith('.html'));
  // A link to the search page, or one named for it (the templates hide it when `site.search_url` is blank).
  const linksToSearch = (out: string, page: string) => {
    const html = read(out, page);
    return /<a\b[^>]*>\s*Search\b/.test(html) || urlsOf(html).some((link) => new URL(link, pageUrlOf(base, page)).href === searchPage);
  };
  const sitemapHasSearch = (out: string) => read(out, 'sitemap.xml').includes(`<loc>${searchPage}</loc>`);

  const withSearch = listFiles(on.out);
  assert.ok(withSearch.includes('search/index.html'), 'the search page is built by default');
  assert.ok(withSearch.includes('pagefind/pagefind-entry.json'), 'the index is built by default');
  assert.ok(pages(on.out).length > 10);
  assert.equal(pages(on.out).filter((page) => !linksToSearch(on.out, page)), [], 'pages without a link to the search page');
  assert.ok(read(on.out, '404.html').includes('Search the articles'));
  assert.ok(sitemapHasSearch(on.out), 'the sitemap lists the search page');

  const withoutSearch = listFiles(off.out);
  assert.equal(withoutSearch, withSearch.filter((file) => file !== 'search/index.html' && !file.startsWith('pagefind/')), 'the same files but the search page and the index');
  assert.not.ok(fs.existsSync(path.join(off.out, 'pagefind')), 'no pagefind/ folder');
  assert.equal(pages(off.out).filter((page) => linksToSearch(off.out, page)), [], 'pages with a link to the search page');
  for (const file of textFiles(off.out)) assert.not.ok(read(off.out, file).includes(searchPage), `${file} mentions the search page`);
  assert.not.ok(read(off.out, '404.html').includes('Search the articles'));
  assert.not.ok(sitemapHasSearch(off.out), 'the sitemap lists the search page');
});

test('should build the same bytes from the bundle on worker threads as from the TypeScript sources on the main thread', async () => {
  const cwd = copySampleSite();
  const [bundled, sources] = await Promise.all([
    // NODE_DEBUG: Node's module loaders print every ES module they load and every require() with the file that asks, worker threads' too.
    buildInto(cwd, {bin: true, env: {...plainEnv, DATELINE_BUNDLE: undefined, DATELINE_WORKERS: 'always', NODE_DEBUG: 'esm,module'}}, sampleFlags),
    buildInto(cwd, {bin: true, env: {...plainEnv, DATELINE_BUNDLE: 'never', DATELINE_WORKERS: 'never'}}, sampleFlags),
  ]);
  assertBuilt(bundled.result, 'the build from the bundle');
  assertBuilt(sources.result, 'the build from the sources');

  // The command ran from the bundle, and worker threads ran its task modules (the command holds neither): each required Node's modules.
  const ran = (module: string) => new RegExp(`parent: /\\S*/node_modules/\\.cache/dateline-cli/cli-[\\w-]+/${module}\\.cjs\\n`).test(bundled.result.stderr);
  for (const module of ['cli', 'parse-batch', 'render-batch']) assert.ok(ran(module), `${module}.cjs did not run from the bundle`);
  // Each kept V8's code for the next start (see scripts/run-cached.cjs).
  const bundle = /parent: (\/\S*\/node_modules\/\.cache\/dateline-cli\/cli-[\w-]+)\/cli\.cjs\n/.exec(bundled.result.stderr)![1]!;
  for (const cache of ['cli.cjs.build.v8cache', 'parse-batch.cjs.run.v8cache', 'render-batch.cjs.run.v8cache']) assert.ok(fs.statSync(path.join(bundle, cache)).size > 100_000, `${cache} was not made`);
  assert.not.ok(/\/scripts\/\S*\.ts\b/.test(bundled.result.stderr), 'a TypeScript source was loaded');

  const a = snapshot(bundled.out);
  const b = snapshot(sources.out);
  assert.ok([...a.keys()].some((file) => file.startsWith('pagefind/')) && a.has('search/index.html') && a.size > 100, 'the whole sample site was built');
  assert.equal([...a.keys()], [...b.keys()]);
  assert.equal(snapshotDifferences(a, b), []);
});

test.run();
