import fs from 'node:fs';
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildFeeds as buildFeedSet, type FeedSpec} from '../scripts/lib/feeds/build-feeds.ts';
import {feedItems} from '../scripts/lib/feeds/feed-items.ts';
import type {Article, OutputFile, SiteConfig} from '../scripts/lib/types.ts';
import {fixture, testConfig} from './helpers/config.ts';
import {makeArticle, testBodies} from './helpers/make-article.ts';

/** The feed set of `spec`, its items made from the test articles' bodies (as a build makes them once per build). */
const buildFeeds = (spec: FeedSpec, config: SiteConfig): OutputFile[] => buildFeedSet(spec, config, feedItems(config, testBodies));

const config = testConfig();

const article = makeArticle;

const spec = (articles: Article[]): FeedSpec => ({
  title: 'Fixture & Co',
  description: 'Desc',
  home: '',
  paths: {rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json'},
  id: config.idBase,
  articles,
});

const text = (file: OutputFile | undefined): string => String(file && 'contents' in file ? file.contents : '');
const parser = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry', 'author', 'dc:creator', 'category', 'link', 'atom:link'].includes(name)});

const hostile = article({
  title: 'AT&T <script>alert(1)</script> ]]> done',
  summary: 'Sum & more',
  authors: ['Ana Lima', 'Ben Okafor'],
  tags: ['one', 'two'],
  section: 'World',
  date: '2020-01-02T10:00:00.000Z',
  updated: '2020-01-03T10:00:00.000Z',
  feedHtml: '<p>bell\u0007 ]]> end</p>',
});
const older = article({slug: 'b', id: 'tag:fixture.example,2020:b', path: '2020/01/b/', title: 'Older', date: '2019-12-31T00:00:00.000Z'});
const [rss, atom, json] = buildFeeds(spec([hostile, older]), config);

test('should write the three feeds at the given paths', () => {
  assert.equal([rss, atom, json].map((file) => file!.path), ['feed.xml', 'atom.xml', 'feed.json']);
});

test('should end every document with one newline, as a text file does', () => {
  for (const file of [rss, atom, json]) {
    const written = text(file);
    assert.ok(written.endsWith('>\n') || written.endsWith('}\n'), `${file!.path} ends with one newline after its last element`);
  }
});

test('should write well-formed RSS with self link, dc:creator for every author, guid and dates from content', () => {
  const xml = text(rss);
  assert.is(XMLValidator.validate(xml), true);
  assert.not.match(xml, /\u0007/);
  const channel = parser.parse(xml).rss.channel;
  assert.is(channel['atom:link'][0]['@href'], 'https://owner.github.io/repo/feed.xml');
  assert.is(channel['atom:link'][0]['@rel'], 'self');
  assert.is(channel.lastBuildDate, 'Fri, 03 Jan 2020 10:00:00 GMT');
  const item = channel.item[0];
  assert.is(item.title, 'AT&T <script>alert(1)</script> ]]> done');
  assert.equal(item['dc:creator'], ['Ana Lima', 'Ben Okafor']);
  assert.is(item.author, undefined);
  assert.is(item.guid['#text'], 'tag:fixture.example,2020:a');
  assert.is(item.guid['@isPermaLink'], 'false');
  assert.is(item.pubDate, 'Thu, 02 Jan 2020 10:00:00 GMT');
  assert.equal(item.link, ['https://owner.github.io/repo/2020/01/a/']);
  assert.equal(item.category, ['World', 'one', 'two']);
  assert.is(channel.item.length, 2);
});

test('should write well-formed Atom with an escaped html title, every author, published and updated', () => {
  const xml = text(atom);
  assert.is(XMLValidator.validate(xml), true);
  const feed = parser.parse(xml).feed;
  assert.is(feed.updated, '2020-01-03T10:00:00.000Z');
  assert.is(feed.id, 'tag:fixture.example,2020:');
  assert.equal(feed.link.map((link: Record<string, string>) => link['@rel']), ['alternate', 'self']);
  const entry = feed.entry[0];
  assert.is(entry.title['#text'], 'AT&amp;T &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; done');
  assert.equal(entry.author.map((author: {name: string}) => author.name), ['Ana Lima', 'Ben Okafor']);
  assert.is(entry.published, '2020-01-02T10:00:00.000Z');
  assert.is(entry.updated, '2020-01-03T10:00:00.000Z');
});

test('should write JSON Feed 1.1 with authors and language', () => {
  const feed = JSON.parse(text(json));
  assert.is(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.is(feed.language, 'en');
  assert.is(feed.feed_url, 'https://owner.github.io/repo/feed.json');
  const item = feed.items[0];
  assert.is(item.title, 'AT&T <script>alert(1)</script> ]]> done');
  assert.equal(item.authors, [{name: 'Ana Lima'}, {name: 'Ben Okafor'}]);
  assert.is(item.author, undefined);
  assert.is(item['dc:creator'], undefined);
  assert.is(item.date_published, '2020-01-02T10:00:00.000Z');
  assert.is(item.date_modified, '2020-01-03T10:00:00.000Z');
});

test('should give every RSS item a description before its content, from the summary or the opening text', () => {
  const bare = article({summary: undefined, excerpt: 'Opening words & more.'});
  const item = parser.parse(text(buildFeeds(spec([bare]), config)[0])).rss.channel.item[0];
  assert.is(item.description, 'Opening words &amp; more.');
  assert.ok(Object.keys(item).indexOf('description') < Object.keys(item).indexOf('content:encoded'));
  assert.is(JSON.parse(text(buildFeeds(spec([bare]), config)[2])).items[0].summary, undefined);
});

test('should take the updated time of an empty feed from nothing, not the clock', () => {
  const [emptyRss, emptyAtom] = buildFeeds(spec([]), config);
  assert.match(text(emptyRss), /<lastBuildDate>Thu, 01 Jan 1970 00:00:00 GMT<\/lastBuildDate>/);
  assert.match(text(emptyAtom), /<updated>1970-01-01T00:00:00.000Z<\/updated>/);
});

test('should put the lead image, caption and credit at the top of the content', () => {
  const withImage = article({image: {src: 'photo one.svg', alt: 'A "quoted" view', caption: 'Harbour at dawn.', credit: 'Photo: Jo Doe'}});
  const [, , jsonFeed] = buildFeeds(spec([withImage]), config);
  const content: string = JSON.parse(text(jsonFeed)).items[0].content_html;
  assert.ok(content.startsWith('<figure><img src="https://owner.github.io/repo/2020/01/a/photo%20one.svg" alt="A &#x22;quoted&#x22; view"><figcaption>Harbour at dawn. Photo: Jo Doe</figcaption></figure><p>x</p>'), content);
});

test('should carry the lead image as enclosure and media:content with its real media type, size, caption and credit', () => {
  const withImage = article({image: {src: 'harbour-lights.svg', sourceFile: '../site/articles/harbour-lights.svg', alt: 'Lights', caption: 'At dusk.', credit: 'Photo: Jo & Co'}});
  const [rssFile, atomFile, jsonFile] = buildFeeds(spec([withImage]), testConfig({articlesDir: fixture('articles')}));
  const url = 'https://owner.github.io/repo/2020/01/a/harbour-lights.svg';
  const size = fs.statSync(fixture('site', 'articles', 'harbour-lights.svg')).size;
  const item = parser.parse(text(rssFile)).rss.channel.item[0];
  assert.equal(item.enclosure, {'@url': url, '@type': 'image/svg+xml', '@length': String(size)});
  assert.is(item['media:content']['@type'], 'image/svg+xml');
  assert.is(item['media:content']['media:description'], 'At dusk.');
  assert.is(item['media:content']['media:credit'], 'Photo: Jo & Co');
  assert.match(text(rssFile), /xmlns:media="http:\/\/search.yahoo.com\/mrss\/"/);
  const entry = parser.parse(text(atomFile)).feed.entry[0];
  const enclosure = entry.link.find((link: Record<string, string>) => link['@rel'] === 'enclosure');
  assert.equal(enclosure, {'@rel': 'enclosure', '@type': 'image/svg+xml', '@length': String(size), '@href': url});
  assert.is(entry['media:content']['media:credit'], 'Photo: Jo & Co');
  assert.not.match(text(atomFile), /image\/svg"/);
  assert.is(JSON.parse(text(jsonFile)).items[0].image, url);
});

test('should leave out the enclosure of a remote image, whose size is unknown, but keep media:content', () => {
  const remote = article({image: {src: 'https://images.example/a.jpg', alt: 'A'}});
  const [rssFile] = buildFeeds(spec([remote]), config);
  const item = parser.parse(text(rssFile)).rss.channel.item[0];
  assert.is(item.enclosure, undefined);
  assert.is(item['media:content']['@type'], 'image/jpeg');
});

test('should show corrections in the entry and date its update from the latest one, never changing published', () => {
  const corrected = article({corrections: [{date: '2020-01-05T08:00:00.000Z', text: 'An earlier version misspelt a name.'}]});
  for (const file of buildFeeds(spec([corrected]), config)) {
    assert.ok(text(file).includes('An earlier version misspelt a name.'), file.path);
    assert.ok(text(file).includes('2020-01-05T08:00:00.000Z'), `${file.path}: updated from the correction`);
  }
  const entry = parser.parse(text(buildFeeds(spec([corrected]), config)[1])).feed.entry[0];
  assert.is(entry.published, '2020-01-01T00:00:00.000Z');
  assert.is(entry.updated, '2020-01-05T08:00:00.000Z');
});

test('should mark the guid a permalink only when the id is the item URL', () => {
  const byUrl = article({id: 'https://owner.github.io/repo/2020/01/a/'});
  const item = parser.parse(text(buildFeeds(spec([byUrl]), config)[0])).rss.channel.item[0];
  assert.equal(item.guid, {'#text': 'https://owner.github.io/repo/2020/01/a/', '@isPermaLink': 'true'});
  const oldUrl = article({id: 'https://old.example/2020/01/a/'});
  assert.is(parser.parse(text(buildFeeds(spec([oldUrl]), config)[0])).rss.channel.item[0].guid['@isPermaLink'], 'false');
});

test('should write RFC 5005 links and fh:archive, and no JSON Feed, for an archive', () => {
  const files = buildFeeds(
    {
      ...spec([older]),
      paths: {rss: 'archive/2019/12/feed.xml', atom: 'archive/2019/12/atom.xml'},
      history: {archive: true, current: {rss: 'feed.xml', atom: 'atom.xml'}, prev: {rss: 'archive/2019/11/feed.xml', atom: 'archive/2019/11/atom.xml'}, next: undefined},
    },
    config,
  );
  assert.equal(files.map((file) => file.path), ['archive/2019/12/feed.xml', 'archive/2019/12/atom.xml']);
  const channel = parser.parse(text(files[0])).rss.channel;
  assert.equal(
    channel['atom:link'].map((link: Record<string, string>) => [link['@rel'], link['@href']]),
    [
      ['self', 'https://owner.github.io/repo/archive/2019/12/feed.xml'],
      ['current', 'https://owner.github.io/repo/feed.xml'],
      ['prev-archive', 'https://owner.github.io/repo/archive/2019/11/feed.xml'],
    ],
  );
  assert.ok('fh:archive' in channel);
  const feed = parser.parse(text(files[1])).feed;
  assert.equal(
    feed.link.map((link: Record<string, string>) => [link['@rel'], link['@href']]),
    [
      ['alternate', 'https://owner.github.io/repo/'],
      ['self', 'https://owner.github.io/repo/archive/2019/12/atom.xml'],
      ['current', 'https://owner.github.io/repo/atom.xml'],
      ['prev-archive', 'https://owner.github.io/repo/archive/2019/11/atom.xml'],
    ],
  );
  assert.ok('fh:archive' in feed);
  assert.match(text(files[1]), /xmlns:fh="http:\/\/purl.org\/syndication\/history\/1.0"/);
});

test('should mark an article in another language with its own xml:lang in Atom and language in JSON Feed', () => {
  const arabic = article({lang: 'ar', title: 'مرحبا'});
  const [, atomFile, jsonFile] = buildFeeds(spec([arabic, older]), config);
  assert.match(text(atomFile), /<feed [^>]*xml:lang="en">/);
  assert.equal([...text(atomFile).matchAll(/<entry( xml:lang="[^"]*")?>/g)].map((match) => match[1]), [' xml:lang="ar"', undefined]);
  assert.equal(JSON.parse(text(jsonFile)).items.map((item: {language?: string}) => item.language), ['ar', undefined]);
});

test('should link the theme stylesheet when there is one, and none otherwise', () => {
  assert.match(text(rss), /^<\?xml version="1.0" encoding="utf-8"\?><\?xml-stylesheet href="https:\/\/owner.github.io\/repo\/assets\/feed.xsl" type="text\/xsl"\?>/);
  const bare = buildFeeds(spec([older]), testConfig({templatesDir: fixture('articles')}));
  for (const file of bare.slice(0, 2)) assert.not.match(text(file), /xml-stylesheet/);
});

test.run();
