/**
 * Multilingual editions end to end: the fixture site `test/fixtures/editions/` (an English
 * edition at the root, a French one under `fr/`, translated pairs) built by the real command
 * line, then its output read as crawlers, feed readers and validators read it: the file layout
 * of both editions, hreflang sets (reciprocal, in the pages and in the sitemap), feeds (valid,
 * in their edition's language, holding only its articles), the OPML list, theme strings and
 * dates in each edition's language, the duplicate-`translationKey` warning, drafts never
 * linked, valid HTML, and config errors on `editions`.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {parse as parseYaml} from 'yaml';
import {root, fixture} from './helpers/config.ts';
import {copyFixture} from './helpers/copy-site.ts';
import {editionOfFile, fileOfUrl, hreflangProblems, readPages, setKey, type Alternate, type EditionPlace, type PageFacts} from './helpers/editions.ts';
import {parsers} from './helpers/feeds.ts';
import {listFiles, removeTempDirs, tempDir} from './helpers/files.ts';
import {pool, runCliAsync, type CliResult} from './helpers/run-cli.ts';

const now = '2017-03-01T00:00:00Z';
const base = 'https://owner.github.io/repo/';
const timezone = 'Europe/Paris';
const editions: readonly (EditionPlace & {title: string})[] = [
  {lang: 'en', path: '', title: 'The Harbour Gazette'},
  {lang: 'fr', path: 'fr/', title: 'La Gazette du port'},
];
const [english, french] = editions as [EditionPlace & {title: string}, EditionPlace & {title: string}];

/** Theme strings, read from the theme (never copied here). */
const strings = (lang: string): Record<string, string> => parseYaml(fs.readFileSync(path.join(root, 'templates', 'strings', `${lang}.yaml`), 'utf8')) as Record<string, string>;
const en = strings('en');
const fr = strings('fr');

/** The fixture's published articles: source file, edition, page folder, translation key. */
interface Story {
  readonly source: string;
  readonly lang: 'en' | 'fr';
  readonly path: string;
  readonly key?: string;
}
const stories: readonly Story[] = [
  {source: 'articles/2017-01-10-harbour-lights-restored.md', lang: 'en', path: '2017/01/harbour-lights-restored/', key: 'harbour-lights'},
  {source: 'articles/2017-01-18-winter-market-opens.md', lang: 'en', path: '2017/01/winter-market-opens/', key: 'winter-market'},
  {source: 'articles/2017-02-03-ferry-strike-ends.md', lang: 'en', path: '2017/02/ferry-strike-ends/', key: 'ferry-strike'},
  // Its French version is dated after the build's now: no translation to link yet.
  {source: 'articles/2017-02-08-lighthouse-keeper-retires.md', lang: 'en', path: '2017/02/lighthouse-keeper-retires/', key: 'lighthouse-keeper'},
  // Its French version is a draft: no translation to link.
  {source: 'articles/2017-02-12-council-approves-harbour-budget.md', lang: 'en', path: '2017/02/council-approves-harbour-budget/', key: 'harbour-budget'},
  {source: 'articles/2017-01-11-les-feux-du-port-retablis.md', lang: 'fr', path: 'fr/2017/01/les-feux-du-port-retablis/', key: 'harbour-lights'},
  {source: 'articles/2017-01-19-le-marche-d-hiver-ouvre.md', lang: 'fr', path: 'fr/2017/01/le-marche-d-hiver-ouvre/', key: 'winter-market'},
  // `lang: fr-CA`: the French edition by its primary subtag.
  {source: 'articles/2017-01-27-hommage-aux-marins-de-quebec.md', lang: 'fr', path: 'fr/2017/01/hommage-aux-marins-de-quebec/'},
  {source: 'articles/2017-02-04-fin-de-la-greve-des-ferries.md', lang: 'fr', path: 'fr/2017/02/fin-de-la-greve-des-ferries/', key: 'ferry-strike'},
  // A second French `ferry-strike`: published, warned about, never linked as the French version.
  {source: 'articles/2017-02-06-les-ferries-reprennent-la-mer.md', lang: 'fr', path: 'fr/2017/02/les-ferries-reprennent-la-mer/'},
  // Wire copy, French by detection.
  {source: 'articles/2017-02-09-tempete-sur-le-finistere.txt', lang: 'fr', path: 'fr/2017/02/tempete-sur-le-finistere/'},
];
const story = (source: string): Story => stories.find((item) => item.source.endsWith(source))!;
const urlOf = (item: Story): string => base + item.path;
/** French translations never to be published or linked: a draft, and one dated after the build's now. */
const unpublished = [
  {source: 'articles/2017-02-13-le-conseil-vote-le-budget-du-port.md', slug: 'le-conseil-vote-le-budget-du-port', marker: 'DRAFT-MARKER', english: '2017/02/council-approves-harbour-budget/'},
  {source: 'articles/2017-03-05-le-gardien-du-phare-prend-sa-retraite.md', slug: 'le-gardien-du-phare-prend-sa-retraite', marker: 'FUTURE-MARKER', english: '2017/02/lighthouse-keeper-retires/'},
] as const;

const state: {cwd?: string; out?: string; build?: CliResult; pages?: Map<string, PageFacts>; files?: string[]} = {};
const out = (): string => state.out!;
const pages = (): Map<string, PageFacts> => (state.pages ??= readPages(out(), base));
const page = (file: string): PageFacts => {
  const found = pages().get(file);
  if (!found) throw new Error(`${file} was not written`);
  return found;
};
const files = (): string[] => (state.files ??= listFiles(out()));
const read = (file: string): string => fs.readFileSync(path.join(out(), file), 'utf8');

test.before(async () => {
  state.cwd = copyFixture('editions');
  state.out = path.join(tempDir(), 'out');
  state.build = await runCliAsync(['build', '--out', state.out, '--now', now], {cwd: state.cwd});
});

test.after(() => removeTempDirs());

test('should build the fixture site with both editions', () => {
  assert.is(state.build!.status, 0, state.build!.stderr);
  assert.match(state.build!.stdout, /^Built 11 articles, /m);
});

test('should lay out the French edition under fr/ and the English one at the root, sharing the sitemaps, OPML, assets and search bundle', () => {
  const have = new Set(files());
  const expected = [
    // Shared at the root.
    'sitemap.xml', 'news-sitemap.xml', 'robots.txt', 'feeds.opml', 'assets/style.css', 'pagefind/pagefind-entry.json',
    // Each edition, the main one exactly as a site without editions.
    ...[english, french].flatMap(({path: prefix}) => [
      'index.html', 'page/1/index.html', '404.html', 'search/index.html', 'feed.xml', 'atom.xml', 'feed.json',
      'archive/index.html', 'archive/2017/index.html', 'archive/2017/01/index.html', 'archive/2017/02/index.html',
      // January closed when February had an article: its RFC 5005 archive; February is still open.
      'archive/2017/01/feed.xml', 'archive/2017/01/atom.xml',
    ].map((file) => prefix + file)),
    ...['section/news/', 'section/culture/', 'section/transport/', 'tag/harbour/', 'tag/ferries/', 'author/arjun-rao/', 'author/lena-fischer/', 'fr/section/port/', 'fr/section/culture/', 'fr/section/transports/', 'fr/tag/port/', 'fr/tag/ferries/', 'fr/author/claire-martin/', 'fr/author/luc-tremblay/', 'fr/author/gazette-desk/']
      .flatMap((folder) => ['index.html', 'feed.xml', 'atom.xml', 'feed.json'].map((file) => folder + file)),
  ];
  assert.equal(expected.filter((file) => !have.has(file)), [], 'missing');
  const absent = [
    'archive/2017/02/feed.xml', 'fr/archive/2017/02/feed.xml',
    // English listings are not French ones, nor the other way round.
    'fr/section/news/index.html', 'fr/section/transport/index.html', 'fr/tag/harbour/index.html', 'fr/author/arjun-rao/index.html', 'fr/author/lena-fischer/index.html',
    'section/port/index.html', 'section/transports/index.html', 'tag/port/index.html', 'tag/phares/index.html', 'author/claire-martin/index.html', 'author/luc-tremblay/index.html', 'author/gazette-desk/index.html',
    // Shared files exist once, at the root.
    'fr/sitemap.xml', 'fr/news-sitemap.xml', 'fr/robots.txt', 'fr/feeds.opml', 'fr/assets/style.css', 'fr/pagefind/pagefind-entry.json',
    // No draft or future article, no article in the other edition's place.
    ...unpublished.flatMap(({slug}) => [`fr/2017/02/${slug}/index.html`, `fr/2017/03/${slug}/index.html`, `2017/02/${slug}/index.html`]),
    '2017/01/les-feux-du-port-retablis/index.html', 'fr/2017/01/harbour-lights-restored/index.html',
  ];
  assert.equal(absent.filter((file) => have.has(file)), [], 'written, but should not be');
  // Article pages: exactly the published articles, each in its edition's folder.
  const articlePages = files().filter((file) => /^(?:[^/]+\/)?\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(file));
  assert.equal(articlePages.sort(), stories.map((item) => `${item.path}index.html`).sort());
});

test('should index both languages in one Pagefind bundle, each article under its edition’s language', () => {
  const entry = JSON.parse(read('pagefind/pagefind-entry.json')) as {languages: Record<string, {page_count: number}>};
  const counts = Object.fromEntries(Object.entries(entry.languages).map(([lang, index]) => [lang, index.page_count]));
  assert.equal(counts, {en: stories.filter((item) => item.lang === 'en').length, fr: stories.filter((item) => item.lang === 'fr').length});
  const search = read('fr/search/index.html');
  assert.match(search, /<html[^>]*\slang="fr"/, 'the French search page is in French, so Pagefind loads the French index');
});

test('should give every version of a translated story one hreflang set, x-default the English version', () => {
  const groups = new Map<string, Story[]>();
  for (const item of stories) if (item.key) groups.set(item.key, [...(groups.get(item.key) ?? []), item]);
  assert.is([...groups.values()].filter((group) => group.length > 1).length, 3, 'three translated pairs');
  for (const item of stories) {
    const alternates = page(`${item.path}index.html`).alternates;
    const group = item.key ? groups.get(item.key)! : [];
    const expected: Alternate[] = group.length > 1 ? [...group.map((member) => ({hreflang: member.lang, href: urlOf(member)})), {hreflang: 'x-default', href: urlOf(group.find((member) => member.lang === 'en')!)}] : [];
    assert.is(setKey(alternates), setKey(expected), `${item.path}: hreflang set`);
  }
  // The edition front pages: one set for all of them.
  const fronts: Alternate[] = [{hreflang: 'en', href: base}, {hreflang: 'fr', href: `${base}fr/`}, {hreflang: 'x-default', href: base}];
  for (const front of ['index.html', 'fr/index.html']) assert.is(setKey(page(front).alternates), setKey(fronts), front);
  // The pages that have no translation carry no hreflang: listings, archives, search, 404.
  for (const file of ['section/news/index.html', 'fr/section/port/index.html', 'fr/tag/port/index.html', 'fr/archive/2017/01/index.html', 'fr/search/index.html', 'fr/404.html', 'fr/page/1/index.html']) {
    assert.equal(page(file).alternates, [], file);
  }
});

test('should make every hreflang pair reciprocal across all pages', () => {
  assert.equal(hreflangProblems(pages(), base, editions), []);
  const withSets = [...pages().values()].filter((facts) => facts.alternates.length > 0);
  assert.is(withSets.length, 8, 'three translated pairs and two front pages carry sets');
});

test('should catch a broken pair (the reciprocity check itself)', () => {
  // A copy of the output in which the French version of one pair no longer names the English one.
  const copy = tempDir();
  fs.cpSync(out(), copy, {recursive: true});
  const file = path.join(copy, story('les-feux-du-port-retablis.md').path, 'index.html');
  const html = fs.readFileSync(file, 'utf8');
  const broken = html.replace(/<link[^>]*hreflang="en"[^>]*>/, '');
  assert.is.not(broken, html, 'the French page had an hreflang="en" link to remove');
  fs.writeFileSync(file, broken);
  const problems = hreflangProblems(readPages(copy, base), base, editions);
  assert.ok(problems.some((problem) => problem.startsWith('2017/01/harbour-lights-restored/index.html: its set is not the one fr/2017/01/les-feux-du-port-retablis/index.html carries')), problems.join('\n'));
  assert.ok(problems.some((problem) => problem.startsWith('fr/2017/01/les-feux-du-port-retablis/index.html: ')), problems.join('\n'));
});

test('should show readers links to the other language versions and to every other edition', () => {
  for (const item of stories) {
    const facts = page(`${item.path}index.html`);
    const others = item.key ? stories.filter((other) => other.key === item.key && other.lang !== item.lang) : [];
    const toArticles = facts.languageLinks.filter((link) => /\/\d{4}\/\d{2}\//.test(link.href));
    assert.equal(
      toArticles.map((link) => `${link.hreflang} ${link.lang} ${link.href} ${link.text}`).sort(),
      others.map((other) => `${other.lang} ${other.lang} ${urlOf(other)} ${strings(other.lang)['language_name']}`).sort(),
      `${item.path}: links to its translations`,
    );
    // And tells link previews (Open Graph) which other locales it exists in.
    const locales = [...fs.readFileSync(path.join(out(), item.path, 'index.html'), 'utf8').matchAll(/<meta property="og:locale:alternate" content="([^"]+)">/g)].map((match) => match[1]);
    assert.equal(locales.sort(), others.map((other) => other.lang.replace('-', '_')).sort(), `${item.path}: og:locale:alternate`);
  }
  // The language switcher: every page links every other edition's front page.
  for (const [file, facts] of pages()) {
    const own = editionOfFile(file, editions);
    for (const other of editions.filter((edition) => edition !== own)) {
      assert.ok(
        facts.languageLinks.some((link) => link.hreflang === other.lang && link.lang === other.lang && link.href === base + other.path),
        `${file}: no <a hreflang="${other.lang}" lang="${other.lang}"> to ${base + other.path}`,
      );
    }
  }
});

test('should list the hreflang sets in sitemap.xml as xhtml:link alternates, the same as the pages carry', () => {
  const xml = read('sitemap.xml');
  assert.is(XMLValidator.validate(xml), true, 'sitemap.xml is well-formed');
  const parsed = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'url' || name === 'xhtml:link'}).parse(xml) as {
    urlset: {'xmlns:xhtml'?: string; url: {loc: string; 'xhtml:link'?: {rel: string; hreflang: string; href: string}[]}[]};
  };
  assert.is(parsed.urlset['xmlns:xhtml'], 'http://www.w3.org/1999/xhtml');
  const listed = new Set<string>();
  for (const entry of parsed.urlset.url) {
    const file = fileOfUrl(entry.loc, base);
    assert.ok(file !== undefined && pages().has(file), `${entry.loc}: no such page`);
    listed.add(file!);
    const links = entry['xhtml:link'] ?? [];
    assert.ok(links.every((link) => link.rel === 'alternate'), `${entry.loc}: rel`);
    assert.is(setKey(links.map((link) => ({hreflang: link.hreflang, href: link.href}))), setKey(pages().get(file!)!.alternates), `${entry.loc}: sitemap alternates versus the page's head`);
  }
  // Both editions' pages are in the one sitemap; every page with a set is listed.
  for (const [file, facts] of pages()) if (facts.alternates.length > 0) assert.ok(listed.has(file), `${file} has an hreflang set but is not in the sitemap`);
  assert.ok(listed.has('fr/index.html') && listed.has('index.html') && listed.has(`${story('tempete-sur-le-finistere.txt').path}index.html`));
  for (const {slug} of unpublished) assert.not.ok(xml.includes(slug), `${slug} is in the sitemap`);
});

/** Feed files of the output: every feed.xml, atom.xml and feed.json. */
const feedFiles = (): string[] => files().filter((file) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file));

test('should write every Atom feed of both editions valid against the RFC 4287 schema (jing), each with its own id', () => {
  const atoms = feedFiles().filter((file) => file.endsWith('atom.xml'));
  for (const expected of ['atom.xml', 'fr/atom.xml', 'fr/section/port/atom.xml', 'fr/tag/port/atom.xml', 'fr/author/claire-martin/atom.xml', 'fr/archive/2017/01/atom.xml', 'archive/2017/01/atom.xml']) assert.ok(atoms.includes(expected), expected);
  const run = spawnSync('jing', ['-c', fixture('schemas', 'atom.rnc'), ...atoms.map((file) => path.join(out(), file))], {encoding: 'utf8'});
  assert.is(run.error, undefined, 'jing must be installed (apt-get install jing)');
  // Debian's jing wrapper warns about optional jars it cannot find; only the checker's own lines count.
  const problems = (run.stdout + run.stderr).split('\n').filter((line) => line && !line.startsWith('[warning] /usr/bin/jing'));
  assert.equal(problems, []);
  assert.is(run.status, 0);
  // RFC 4287 §4.2.6: a feed's id identifies it for good; two editions' feeds are two feeds. (A month's
  // archive is part of its edition's logical feed and shares the main feed's id, as RFC 5005 has it.)
  const byId = new Map<string, string[]>();
  for (const file of atoms.filter((name) => !name.split('/').includes('archive'))) {
    const id = /<feed[^>]*>\s*<id>([^<]*)<\/id>/.exec(read(file))?.[1] ?? '(none)';
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  assert.equal([...byId].filter(([, holders]) => holders.length > 1).map(([id, holders]) => `${id}: ${holders.join(', ')}`), [], 'Atom feed ids shared by several feeds');
});

test('should give every feed its edition’s language and title, and only its edition’s articles', async () => {
  const urls = (lang: string): Set<string> => new Set(stories.filter((item) => item.lang === lang).map(urlOf));
  const seen = new Map<string, Set<string>>([['en', new Set()], ['fr', new Set()]]);
  const feeds = feedFiles();
  assert.ok(feeds.length > 40, `only ${feeds.length} feeds`);
  for (const file of feeds) {
    const edition = editionOfFile(file, editions) as (typeof editions)[number];
    const text = read(file);
    if (file.endsWith('feed.json')) assert.is((JSON.parse(text) as {language?: string}).language, edition.lang, `${file}: JSON Feed language`);
    else if (file.endsWith('atom.xml')) assert.match(text, new RegExp(`<feed\\s[^>]*xml:lang="${edition.lang}"`), `${file}: Atom xml:lang`);
    else assert.match(text, new RegExp(`<channel>[\\s\\S]*<language>${edition.lang}</language>`), `${file}: RSS language`);
    for (const parser of parsers[file.endsWith('.json') ? 'json' : 'xml']) {
      const feed = await parser.read(text);
      assert.ok(feed.title.startsWith(edition.title), `${file} (${parser.name}): title "${feed.title}" is not the ${edition.lang} edition's`);
      assert.ok(feed.items.length > 0, `${file} (${parser.name}): no items`);
      const foreign = feed.items.filter((item) => !urls(edition.lang).has(item.link));
      assert.equal(foreign.map((item) => item.link), [], `${file} (${parser.name}): items from outside the ${edition.lang} edition`);
      for (const item of feed.items) seen.get(edition.lang)!.add(item.link);
    }
  }
  // Subscription feed and archives together hold every article of the edition (RFC 5005), and no draft.
  for (const lang of ['en', 'fr']) assert.equal([...seen.get(lang)!].sort(), [...urls(lang)].sort(), `${lang}: the feeds' articles`);
  // A closed month's archive holds exactly that month's articles of its edition.
  for (const [file, prefix] of [['fr/archive/2017/01/feed.xml', 'fr/2017/01/'], ['archive/2017/01/atom.xml', '2017/01/']] as const) {
    const feed = await parsers.xml[0]!.read(read(file));
    assert.equal(feed.items.map((item) => item.link).sort(), stories.filter((item) => item.path.startsWith(prefix)).map(urlOf).sort(), file);
  }
});

test('should list every feed of every edition in feeds.opml, with its edition’s language', () => {
  const xml = read('feeds.opml');
  assert.is(XMLValidator.validate(xml), true, 'feeds.opml is well-formed');
  const outlines: {xmlUrl?: string; language?: string}[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record['xmlUrl'] === 'string') outlines.push(record as {xmlUrl: string; language?: string});
    for (const value of Object.values(record)) walk(value);
  };
  walk(new XMLParser({ignoreAttributes: false, attributeNamePrefix: ''}).parse(xml));
  const listed = outlines.map((outline) => `${fileOfUrl(outline.xmlUrl!, base)} ${outline.language}`).sort();
  const expected = feedFiles()
    .filter((file) => !file.split('/').includes('archive'))
    .map((file) => `${file} ${editionOfFile(file, editions).lang}`)
    .sort();
  assert.equal(listed, expected);
  assert.ok(expected.includes('fr/feed.xml fr') && expected.includes('fr/author/claire-martin/feed.json fr'));
});

test('should link each edition front page’s own feeds for autodiscovery', () => {
  for (const edition of editions) {
    const feeds = page(`${edition.path}index.html`).feeds.map((feed) => feed.href);
    for (const name of ['feed.xml', 'atom.xml', 'feed.json']) assert.ok(feeds.includes(`${base}${edition.path}${name}`), `${edition.path}index.html does not link ${edition.path}${name}: ${feeds.join(' ')}`);
  }
});

test('should set lang and dir on every page of each edition', () => {
  const wrong = [...pages()]
    .map(([file, facts]) => ({file, facts, edition: editionOfFile(file, editions)}))
    .filter(({facts, edition}) => facts.lang !== edition.lang || facts.dir !== 'ltr')
    .map(({file, facts}) => `${file}: <html lang="${facts.lang}" dir="${facts.dir}">`);
  assert.equal(wrong, []);
  assert.ok([...pages().keys()].filter((file) => file.startsWith('fr/')).length > 20);
});

test('should show dates in each edition’s language (Intl, long style, the site time zone)', () => {
  const formats = new Map(editions.map((edition) => [edition.lang, new Intl.DateTimeFormat(edition.lang, {dateStyle: 'long', timeZone: timezone})]));
  const wrong: string[] = [];
  let checked = 0;
  for (const [file, facts] of pages()) {
    const format = formats.get(editionOfFile(file, editions).lang)!;
    for (const time of facts.times) {
      checked++;
      const expected = format.format(new Date(time.datetime));
      if (time.text !== expected) wrong.push(`${file}: <time datetime="${time.datetime}">${time.text}</time>, expected ${expected}`);
    }
  }
  assert.equal(wrong, []);
  // The French article with a correction shows its publication date and its correction's date in French.
  const corrected = page(`${story('les-feux-du-port-retablis.md').path}index.html`).times.map((time) => time.text);
  const inFrench = formats.get('fr')!;
  for (const date of ['2017-01-11T09:30:00+01:00', '2017-01-12T10:00:00+01:00']) assert.ok(corrected.includes(inFrench.format(new Date(date))), `${inFrench.format(new Date(date))} is not among ${corrected.join(' | ')}`);
  assert.ok(checked > 50, `only ${checked} dates`);
});

test('should take the theme’s words from each edition’s strings file', () => {
  const frenchArticle = page(`${story('les-feux-du-port-retablis.md').path}index.html`);
  for (const key of ['related_articles', 'corrections', 'tags']) assert.ok(frenchArticle.headings.includes(fr[key]!), `French article: no heading "${fr[key]}" (${key}): ${frenchArticle.headings.join(' | ')}`);
  const englishArticle = page(`${story('harbour-lights-restored.md').path}index.html`);
  for (const key of ['related_articles', 'corrections', 'tags']) assert.ok(englishArticle.headings.includes(en[key]!), `English article: no heading "${en[key]}" (${key}): ${englishArticle.headings.join(' | ')}`);
  // The pager between the two French ferry articles, in their section.
  assert.ok(page(`${story('fin-de-la-greve-des-ferries.md').path}index.html`).text.includes(fr['newer']!), 'French pager: newer');
  assert.ok(page(`${story('les-ferries-reprennent-la-mer.md').path}index.html`).text.includes(fr['older']!), 'French pager: older');
  for (const [edition, words] of [[french, fr], [english, en]] as const) {
    const prefix = edition.path;
    assert.ok(page(`${prefix}search/index.html`).headings.includes(words['search']!), `${prefix}search/: heading`);
    assert.ok(page(`${prefix}404.html`).headings.includes(words['page_not_found']!), `${prefix}404.html: heading`);
    const front = page(`${prefix}index.html`);
    assert.ok(front.headings.includes(words['latest_news']!), `${prefix}index.html: heading`);
    assert.ok(front.links.some((link) => link.text === words['archive'] && link.href === `${base}${prefix}archive/`), `${prefix}index.html: the header's archive link`);
    assert.ok(front.links.some((link) => link.text === words['search'] && link.href === `${base}${prefix}search/`), `${prefix}index.html: the header's search link`);
    assert.ok(front.text.includes(words['skip_to_content']!), `${prefix}index.html: skip link`);
  }
  // No phrase of the other language's theme on any page (language names aside: the switcher shows them).
  const phrases = (own: Record<string, string>, other: Record<string, string>): string[] =>
    Object.entries(other)
      .filter(([key, value]) => key !== 'language_name' && value.includes(' ') && value.length >= 8 && value !== own[key])
      .map(([, value]) => value);
  const leaks: string[] = [];
  for (const [file, facts] of pages()) {
    const own = editionOfFile(file, editions).lang === 'fr' ? fr : en;
    for (const phrase of phrases(own, own === fr ? en : fr)) if (facts.text.includes(phrase)) leaks.push(`${file}: "${phrase}"`);
  }
  assert.equal(leaks, []);
});

test('should warn about a second translationKey in one edition, on the later file, and link only the first', () => {
  const warnings = state.build!.stderr.split('\n').filter((line) => line.endsWith('(translation-key)'));
  assert.is(warnings.length, 1, state.build!.stderr);
  // At its `translationKey:` line.
  const keyLine = fs.readFileSync(path.join(fixture('editions'), 'articles', '2017-02-06-les-ferries-reprennent-la-mer.md'), 'utf8').split('\n').findIndex((text) => text.startsWith('translationKey:')) + 1;
  assert.ok(warnings[0]!.startsWith(`articles/2017-02-06-les-ferries-reprennent-la-mer.md:${keyLine}:1: warning: `), warnings[0]);
  assert.match(state.build!.stdout, /; \d+ warnings?\.$/m);
  const duplicate = story('les-ferries-reprennent-la-mer.md');
  for (const [file, facts] of pages()) {
    assert.not.ok(facts.alternates.some((alternate) => alternate.href === urlOf(duplicate)), `${file} names the duplicate in its hreflang set`);
    assert.not.ok(facts.languageLinks.some((link) => link.href === urlOf(duplicate)), `${file} links the duplicate as a translation`);
  }
});

test('should never publish, link or list the draft translation, nor the one dated after now', () => {
  const textFiles = files().filter((file) => /\.(html|xml|json|opml|txt)$/.test(file) && !file.startsWith('pagefind/'));
  for (const {slug, marker, english} of unpublished) {
    const mentions = textFiles.filter((file) => {
      const text = read(file);
      return text.includes(slug) || text.includes(marker);
    });
    assert.equal(mentions, [], slug);
    const version = page(`${english}index.html`);
    assert.equal(version.alternates, [], `${english}: no hreflang set`);
    assert.equal(version.languageLinks.filter((link) => /\/\d{4}\/\d{2}\//.test(link.href)), [], `${english}: links no translation`);
  }
});

test('should write valid HTML on every kind of French page (Nu Html Checker)', () => {
  const kinds = [
    'fr/index.html', 'fr/page/1/index.html', `${story('les-feux-du-port-retablis.md').path}index.html`, `${story('tempete-sur-le-finistere.txt').path}index.html`,
    'fr/section/transports/index.html', 'fr/tag/port/index.html', 'fr/author/claire-martin/index.html', 'fr/archive/index.html', 'fr/archive/2017/index.html',
    'fr/archive/2017/01/index.html', 'fr/search/index.html', 'fr/404.html', 'index.html', `${story('harbour-lights-restored.md').path}index.html`,
  ];
  const jar = createRequire(import.meta.url)('vnu-jar') as string;
  const run = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...kinds.map((file) => path.join(out(), file))], {encoding: 'utf8'});
  assert.is(run.error, undefined, 'java must be installed');
  const messages = (JSON.parse(run.stderr) as {messages: {type: string; url: string; message: string}[]}).messages;
  assert.equal(messages.map((message) => `${path.relative(out(), new URL(message.url).pathname)}: ${message.message}`), []);
  assert.is(run.status, 0);
});

test('should build an Arabic edition right to left, and give a set without the main edition no x-default', async () => {
  const cwd = copyFixture('editions');
  const config = path.join(cwd, 'dateline.config.yaml');
  fs.appendFileSync(config, '  - lang: ar\n    title: جريدة الميناء\n    description: أخبار الميناء بالعربية.\n    path: ar/\n');
  const article = (file: string, lang: string, title: string, body: string): void => {
    fs.writeFileSync(path.join(cwd, 'articles', file), `---\ntitle: "${title}"\ndate: "2017-02-15T10:00:00+01:00"\nsection: "Port"\nlang: ${lang}\ntranslationKey: new-crane\n---\n\n${body}\n`);
  };
  article('2017-02-15-une-nouvelle-grue.md', 'fr', 'Une nouvelle grue sur le quai', 'La grue a été montée dans la nuit.');
  article('2017-02-15-rafiea-jadida.md', 'ar', 'رافعة جديدة على الرصيف', 'رُكّبت الرافعة خلال الليل.');
  const folder = path.join(tempDir(), 'out');
  const result = await runCliAsync(['build', '--out', folder, '--now', now], {cwd});
  assert.is(result.status, 0, result.stderr);
  const withArabic = [...editions, {lang: 'ar', path: 'ar/'}];
  const built = readPages(folder, base);
  assert.equal(hreflangProblems(built, base, withArabic), []);
  for (const [file, facts] of built) {
    if (file.startsWith('ar/')) assert.equal([facts.lang, facts.dir], ['ar', 'rtl'], file);
  }
  assert.ok(built.has('ar/index.html') && built.has('ar/2017/02/rafiea-jadida/index.html'), 'the Arabic edition is under ar/');
  const pair: Alternate[] = [{hreflang: 'fr', href: `${base}fr/2017/02/une-nouvelle-grue/`}, {hreflang: 'ar', href: `${base}ar/2017/02/rafiea-jadida/`}];
  assert.is(setKey(built.get('ar/2017/02/rafiea-jadida/index.html')!.alternates), setKey(pair), 'a French and Arabic pair: no x-default');
  assert.is(setKey(built.get('fr/2017/02/une-nouvelle-grue/index.html')!.alternates), setKey(pair));
  const fronts: Alternate[] = [{hreflang: 'en', href: base}, {hreflang: 'fr', href: `${base}fr/`}, {hreflang: 'ar', href: `${base}ar/`}, {hreflang: 'x-default', href: base}];
  for (const front of ['index.html', 'fr/index.html', 'ar/index.html']) assert.is(setKey(built.get(front)!.alternates), setKey(fronts), front);
});

test('should let a translation keep its original\'s slug: its page and feed id are in its edition\'s folder', async () => {
  const cwd = copyFixture('editions');
  const write = (file: string, lang: string, title: string): void =>
    fs.writeFileSync(path.join(cwd, 'articles', file), `---\ntitle: "${title}"\ndate: "2017-02-16T10:00:00+01:00"\nslug: harbour-crane\n${lang ? `lang: ${lang}\n` : ''}translationKey: harbour-crane\n---\n\n${title}.\n`);
  write('2017-02-16-harbour-crane.md', '', 'A new crane on the quay');
  write('2017-02-16-grue-du-port.md', 'fr', 'Une nouvelle grue sur le quai');
  const folder = path.join(tempDir(), 'out');
  const result = await runCliAsync(['build', '--out', folder, '--now', now], {cwd});
  assert.is(result.status, 0, result.stderr);
  const ids = (file: string): string[] => [...fs.readFileSync(path.join(folder, file), 'utf8').matchAll(/<guid[^>]*>([^<]*harbour-crane[^<]*)<\/guid>/g)].map((match) => match[1]!);
  assert.equal(ids('feed.xml'), ['tag:editions.example,2020:harbour-crane']);
  assert.equal(ids('fr/feed.xml'), ['tag:editions.example,2020:fr/harbour-crane']);
  assert.equal(hreflangProblems(readPages(folder, base), base, editions), []);
});

test('should take the main edition\'s title from editions, and name a language without a strings file as Intl does, with a warning', async () => {
  const cwd = copyFixture('editions');
  const config = path.join(cwd, 'dateline.config.yaml');
  const text = fs.readFileSync(config, 'utf8').replace(/^title: .*\n/m, '').replace(/^description: .*\n/m, '');
  fs.writeFileSync(config, `${text.replace('    title: The Harbour Gazette\n', '    title: The Harbour Gazette Daily\n')}  - lang: it\n    title: La Gazzetta del porto\n    path: it/\n`);
  fs.writeFileSync(path.join(cwd, 'articles', '2017-02-20-la-nuova-gru.md'), '---\ntitle: "Una nuova gru sul molo"\ndate: "2017-02-20T10:00:00+01:00"\nlang: it\n---\n\nLa gru è stata montata durante la notte.\n');
  const folder = path.join(tempDir(), 'out');
  const result = await runCliAsync(['build', '--out', folder, '--now', now], {cwd});
  assert.is(result.status, 0, result.stderr);
  const front = fs.readFileSync(path.join(folder, 'index.html'), 'utf8');
  assert.match(front, /<title>The Harbour Gazette Daily<\/title>/, 'the main edition\'s own title, not the default');
  assert.match(fs.readFileSync(path.join(folder, 'feed.xml'), 'utf8'), /<title>The Harbour Gazette Daily<\/title>/);
  const italian = new Intl.DisplayNames(['it'], {type: 'language'}).of('it')!;
  assert.ok(front.includes(`hreflang="it" lang="it">${italian}</a>`), `the switcher names Italian "${italian}"`);
  assert.match(result.stderr, /no strings file for the language it: .*\(theme-strings\)/);
});

test('should refuse a broken strings file at its line, and write nothing', async () => {
  const cwd = copyFixture('editions');
  fs.cpSync(path.join(root, 'templates'), path.join(cwd, 'templates'), {recursive: true});
  const config = path.join(cwd, 'dateline.config.yaml');
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^templatesDir: .*$/m, 'templatesDir: templates'));
  const strings = path.join(cwd, 'templates', 'strings', 'fr.yaml');
  const lines = fs.readFileSync(strings, 'utf8').split('\n');
  const line = lines.findIndex((text) => text.startsWith('related_articles:'));
  lines[line] = 'related_articles: [Articles, liés]';
  fs.writeFileSync(strings, lines.join('\n'));
  const folder = path.join(tempDir(), 'out');
  const result = await runCliAsync(['build', '--out', folder, '--now', now], {cwd});
  assert.is(result.status, 1, result.stderr);
  assert.ok(result.stderr.includes(`templates/strings/fr.yaml:${line + 1}:1: \`related_articles\` must be text (theme-strings)`), result.stderr);
  assert.not.ok(fs.existsSync(folder), 'nothing was written');
});

test('should refuse an editions list without a path, with one path twice, or with a path leaving the site', async () => {
  const cases: Record<string, string> = {
    'no path': '  - lang: en\n  - lang: fr\n    title: La Gazette du port\n',
    'one path twice': '  - lang: en\n  - lang: fr\n    path: autres/\n  - lang: de\n    path: autres/\n',
    'a path leaving the site': '  - lang: en\n  - lang: fr\n    path: ../x/\n',
    'a path inside another edition\'s': '  - lang: en\n  - lang: fr\n    path: fr/\n  - lang: de\n    path: fr/tag/\n',
    'a name Windows refuses': '  - lang: en\n  - lang: fr\n    path: nul/\n',
  };
  const sites = Object.entries(cases).map(([name, editionsYaml]) => {
    const cwd = copyFixture('editions');
    const config = path.join(cwd, 'dateline.config.yaml');
    const text = fs.readFileSync(config, 'utf8');
    fs.writeFileSync(config, `${text.slice(0, text.indexOf('editions:\n'))}editions:\n${editionsYaml}`);
    return {name, cwd};
  });
  const results = await pool(sites, 3, ({cwd}) => runCliAsync(['build', '--out', path.join(cwd, 'out'), '--now', now], {cwd}));
  sites.forEach(({name, cwd}, index) => {
    const result = results[index]!;
    assert.is(result.status, 1, `${name}: exit status; stderr:\n${result.stderr}`);
    assert.match(result.stderr, /^dateline\.config\.yaml(?::\d+:\d+)?: error: .*editions/m, `${name}: stderr names the config file and the key:\n${result.stderr}`);
    assert.not.ok(fs.existsSync(path.join(cwd, 'out')), `${name}: something was written`);
  });
});

test.run();
