/**
 * How the built site describes itself, end to end through the real command on the fixture
 * site: `sitemap.xml` against the pages written, `news-sitemap.xml` against `--now`,
 * `robots.txt`, JSON-LD and Open Graph on every article, and the 404 page's links.
 */
import fs from 'node:fs';
import path from 'node:path';
import {XMLParser} from 'fast-xml-parser';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {fixture} from './helpers/config.ts';
import {decodeEntities, listFiles, removeTempDirs, tempDir, urlsOf} from './helpers/files.ts';
import {runCliAsync} from './helpers/run-cli.ts';

const siteUrl = 'https://owner.github.io/repo/';
const out = path.join(tempDir(), 'out');
const read = (file: string): string => fs.readFileSync(path.join(out, file), 'utf8');
const xml = new XMLParser({ignoreAttributes: false, isArray: (name) => name === 'url'});

/** The JSON-LD objects of a page. */
function jsonLdOf(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);
}

/** The `content` of a `<meta property|name="…">`. */
function metaOf(html: string, key: string): string | undefined {
  const match = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html);
  return match ? decodeEntities(match[1]!) : undefined;
}

test.before(async () => {
  const result = await runCliAsync(['build', '--out', out, '--now', '2017-02-01T12:00:00Z'], {cwd: fixture('site')});
  assert.is(result.status, 0, result.stderr);
});

test.after(() => removeTempDirs());

test('should list every page but the 404 page in sitemap.xml, with absolute URLs', () => {
  const pages = listFiles(out)
    .filter((file) => file.endsWith('.html') && file !== '404.html')
    .map((file) => siteUrl + file.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
  const urls = (xml.parse(read('sitemap.xml')) as {urlset: {url: {loc: string; lastmod?: string}[]}}).urlset.url;
  assert.equal(urls.map((url) => url.loc).sort(), pages);
  const ferry = urls.find((url) => url.loc === `${siteUrl}2017/02/night-ferry-timetable/`);
  assert.is(ferry?.lastmod, '2017-01-31T20:30:00.000Z');
});

test('should list only the last two days before --now in news-sitemap.xml, with publication and language', () => {
  const parsed = xml.parse(read('news-sitemap.xml')) as {urlset: {url: {loc: string; 'news:news': Record<string, unknown>}[]}};
  assert.equal(parsed.urlset.url.map((url) => url.loc), [`${siteUrl}2017/02/night-ferry-timetable/`]);
  const news = parsed.urlset.url[0]!['news:news'];
  assert.equal(news['news:publication'], {'news:name': 'Fixture Times', 'news:language': 'en'});
  assert.is(news['news:publication_date'], '2017-01-31T20:30:00.000Z');
  assert.is(news['news:title'], 'Night ferry timetable changes from February');
});

test('should point robots.txt at both sitemaps by absolute URL', () => {
  assert.is(read('robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}sitemap.xml\nSitemap: ${siteUrl}news-sitemap.xml\n`);
});

test('should describe every article with NewsArticle JSON-LD, Open Graph and Twitter tags', () => {
  const articles = listFiles(out).filter((file) => /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(file));
  assert.is(articles.length, 5);
  for (const file of articles) {
    const html = read(file);
    const url = siteUrl + file.replace(/index\.html$/, '');
    const [data, ...others] = jsonLdOf(html);
    assert.is(others.length, 0, `${file}: one JSON-LD block`);
    assert.ok(data, `${file}: JSON-LD`);
    assert.is(data['@type'], 'NewsArticle', file);
    assert.is(data['headline'], decodeEntities(/<h1>([\s\S]*?)<\/h1>/.exec(html)![1]!), `${file}: headline`);
    assert.match(String(data['datePublished']), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/, file);
    assert.ok(String(data['dateModified']) >= String(data['datePublished']), `${file}: dateModified`);
    const authors = data['author'] as {name: string; url: string}[];
    assert.ok(authors.length > 0, `${file}: author`);
    for (const author of authors) assert.ok(listFiles(out).includes(`${author.url.slice(siteUrl.length)}index.html`), `${file}: ${author.url}`);
    assert.equal(data['mainEntityOfPage'], {'@type': 'WebPage', '@id': url}, file);
    assert.equal(data['publisher'], {'@type': 'NewsMediaOrganization', name: 'Fixture Times', url: siteUrl, logo: {'@type': 'ImageObject', url: `${siteUrl}assets/icon.svg`}}, file);
    assert.is(metaOf(html, 'og:url'), url, file);
    assert.is(metaOf(html, 'og:type'), 'article', file);
    assert.ok(html.includes(`<link rel="canonical" href="${url}">`), `${file}: canonical`);
    assert.ok(metaOf(html, 'description'), `${file}: description`);
    assert.ok(metaOf(html, 'twitter:card'), `${file}: twitter card`);
  }
  const lights = read('2017/01/harbour-lights-restored/index.html');
  const image = `${siteUrl}2017/01/harbour-lights-restored/harbour-lights.svg`;
  assert.equal(jsonLdOf(lights)[0]!['image'], [image]);
  assert.is(metaOf(lights, 'og:image'), image);
  assert.is(metaOf(lights, 'twitter:card'), 'summary_large_image');
});

test('should escape a headline that tries to close the script element', () => {
  const html = read('2016/12/year-in-review/index.html');
  const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
  assert.not.ok(/[<>&]/.test(block), 'no raw <, > or & inside the JSON-LD');
  assert.is(jsonLdOf(html)[0]!['headline'], 'The year in review: ferries, floods & a new library');
});

test('should give listings WebSite or CollectionPage data', () => {
  assert.is(jsonLdOf(read('index.html'))[0]!['@type'], 'WebSite');
  for (const file of ['tag/harbour/index.html', 'section/transport/index.html', 'author/meera-pillai/index.html', 'archive/2017/01/index.html']) {
    assert.is(jsonLdOf(read(file))[0]!['@type'], 'CollectionPage', file);
  }
});

test('should link the 404 page with absolute paths under the sub-path, and not index it', () => {
  const html = read('404.html');
  for (const url of urlsOf(html)) assert.ok(url.startsWith('/repo/') || url.startsWith(siteUrl) || url.startsWith('#'), url);
  assert.ok(html.includes('<meta name="robots" content="noindex">'));
});

test('should give local images their width and height', () => {
  const html = read('2017/01/harbour-lights-restored/index.html');
  const images = [...html.matchAll(/<img [^>]*>/g)].map((match) => match[0]);
  assert.ok(images.length >= 2, 'lead and body images');
  for (const image of images) assert.match(image, /\swidth="\d+" height="\d+"/, image);
});

test('should link every author in the byline to a page listing their articles', () => {
  const html = read('2017/02/night-ferry-timetable/index.html');
  assert.ok(html.includes('<a class="author" href="/repo/author/meera-pillai/" rel="author">Meera Pillai</a>'));
  assert.ok(read('author/meera-pillai/index.html').includes('href="/repo/2017/02/night-ferry-timetable/"'));
});

test.run();
