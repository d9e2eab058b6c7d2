import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildFeeds, type FeedSpec} from '../scripts/lib/build-feeds.ts';
import type {Article, OutputFile} from '../scripts/lib/types.ts';
import {testConfig} from './helpers/config.ts';

const config = testConfig();

function article(overrides: Partial<Article>): Article {
  return {
    source: 'a.md',
    format: 'markdown',
    title: 'Title',
    slug: 'a',
    id: 'tag:fixture.example,2020:a',
    date: '2020-01-01T00:00:00.000Z',
    updated: undefined,
    authors: ['Ana Lima'],
    summary: undefined,
    excerpt: '',
    section: undefined,
    tags: [],
    image: undefined,
    draft: false,
    dateline: undefined,
    lang: undefined,
    corrections: [],
    path: '2020/01/a/',
    html: '<p>x</p>',
    feedHtml: '<p>x</p>',
    assets: [],
    ...overrides,
  };
}

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

test.run();
