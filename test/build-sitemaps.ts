import {XMLParser} from 'fast-xml-parser';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {newsLanguage, newsSitemapLimit, newsSitemapXml, robotsTxt, sitemapXml} from '../scripts/lib/render/build-sitemaps.ts';
import {escapeXml} from '../scripts/lib/xml.ts';
import type {Article} from '../scripts/lib/types.ts';
import {testConfig} from './helpers/config.ts';

const config = testConfig({title: 'Kestrel & Co <News>', now: '2020-01-10T12:00:00.000Z'});
const make = (slug: string, date: string, lang?: string): Article => ({slug, path: `2020/01/${slug}/`, date, lang, title: `${slug} & <b>`}) as unknown as Article;
const parser = new XMLParser({isArray: (name) => name === 'url'});

test('should write absolute, escaped URLs with lastmod', () => {
  const text = sitemapXml([{path: '', lastmod: '2020-01-02T00:00:00.000Z'}, {path: "tag/o'neil/", lastmod: undefined}], config);
  const urls = (parser.parse(text) as {urlset: {url: {loc: string; lastmod?: string}[]}}).urlset.url;
  assert.equal(urls, [
    {loc: 'https://owner.github.io/repo/', lastmod: '2020-01-02T00:00:00.000Z'},
    {loc: "https://owner.github.io/repo/tag/o'neil/"},
  ]);
});

test('should keep only the two days before now, newest first, in the news sitemap', () => {
  const articles = [make('future', '2020-01-11T00:00:00.000Z'), make('fresh', '2020-01-10T11:00:00.000Z', 'ar'), make('edge', '2020-01-08T12:00:00.000Z'), make('old', '2020-01-08T11:59:59.000Z')];
  const parsed = parser.parse(newsSitemapXml(articles, config)) as {urlset: {url: {loc: string; 'news:news': {'news:publication': Record<string, string>; 'news:title': string}}[]}};
  assert.equal(parsed.urlset.url.map((url) => url.loc), ['https://owner.github.io/repo/2020/01/fresh/', 'https://owner.github.io/repo/2020/01/edge/']);
  const first = parsed.urlset.url[0]!['news:news'];
  assert.equal(first['news:publication'], {'news:name': 'Kestrel & Co <News>', 'news:language': 'ar'});
  assert.is(first['news:title'], 'fresh & <b>');
});

test('should list at most 1,000 articles in the news sitemap', () => {
  const articles = Array.from({length: 1005}, (_, index) => make(`a${index}`, '2020-01-10T00:00:00.000Z'));
  assert.is(newsSitemapXml(articles, config).split('<url>').length - 1, newsSitemapLimit);
});

test('should give Google News its language codes', () => {
  assert.equal(['en-GB', 'pt-BR', 'zh-Hant-TW', 'zh-Hans', 'AR'].map(newsLanguage), ['en', 'pt', 'zh-tw', 'zh-cn', 'ar']);
});

test("should escape XML text and double-quoted attributes, and drop the characters XML forbids", () => {
  assert.is(escapeXml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;'&amp;'&lt;/a&gt;");
  assert.is(escapeXml('a\u0001b\tc\r\nd'), 'ab&#9;c&#10;d', 'no character XML forbids; tabs and line ends kept as references');
});

test('should point robots.txt at both sitemaps', () => {
  assert.is(robotsTxt(config), 'User-agent: *\nAllow: /\n\nSitemap: https://owner.github.io/repo/sitemap.xml\nSitemap: https://owner.github.io/repo/news-sitemap.xml\n');
});

test.run();
