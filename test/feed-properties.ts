/**
 * Property tests: whatever an article's title, summary, body, author and tags contain
 * (markup, entities, quotes, `]]>`, control characters, lone surrogates, Arabic, CJK,
 * emoji), every feed stays well-formed and reads back the same text.
 */
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import fc from 'fast-check';
import {toHtml} from 'hast-util-to-html';
import {h} from 'hastscript';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildFeeds as buildFeedSet, type FeedSpec} from '../scripts/lib/feeds/build-feeds.ts';
import {feedItems} from '../scripts/lib/feeds/feed-items.ts';
import type {Article, OutputFile, SiteConfig} from '../scripts/lib/types.ts';
import {testConfig} from './helpers/config.ts';
import {makeArticle, testBodies} from './helpers/make-article.ts';

/** The feed set of `spec`, its items made from the test articles' bodies (as a build makes them once per build). */
const buildFeeds = (spec: FeedSpec, config: SiteConfig): OutputFile[] => buildFeedSet(spec, config, feedItems(config, testBodies));
import {textOf} from './helpers/files.ts';

const config = testConfig({copyright: '© Fixture & "Co" <3'});

/** Pieces that have broken feeds: markup, entities, quotes, CDATA ends, forbidden characters, other scripts. */
const pieces = [
  '<b>',
  '</p>',
  '<script>alert(1)</script>',
  '&amp;',
  '&',
  '&lt;',
  '&#x3C;',
  '"',
  "'",
  ']]>',
  '<![CDATA[',
  '-->',
  '\u0000',
  '\u0007',
  '\u000B',
  '\u001F',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
  '\r\n',
  '\r',
  '\t',
  'مرحبا بالعالم',
  'الأخبار',
  '新闻报道',
  '東京の天気',
  '한국어',
  '😀',
  'x',
];
const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({unit: 'binary', maxLength: 6})), {minLength: 1, maxLength: 10}).map((parts) => parts.join(''));

/** What the feeds must say for a string: the same text without the characters XML forbids, line ends as LF. */
const expected = (value: string): string =>
  value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/\r\n?/g, '\n');

function article(title: string, summary: string, body: string, author: string, tag: string): Article {
  const html = toHtml(h('p', body));
  return makeArticle({title, summary, date: '2020-01-02T10:00:00.000Z', authors: [author], tags: [tag], html, feedHtml: html});
}

const contents = (file: OutputFile | undefined): string => String(file && 'contents' in file ? file.contents : '');
const parser = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true, htmlEntities: true});
const one = (value: unknown): Record<string, unknown> => (Array.isArray(value) ? value[0] : value) as Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : String((value as Record<string, unknown>)['#text'] ?? ''));
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

test('should keep every feed well-formed and round-trip titles, summaries, bodies, authors and tags', () => {
  const run = fc.check(
    fc.property(text, text, text, text, text, (title, summary, body, author, tag) => {
      const [rss, atom, json] = buildFeeds(
        {title: `Site ${title}`, description: summary, home: '', paths: {rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json'}, id: config.idBase, articles: [article(title, summary, body, author, tag)]},
        config,
      );
      for (const file of [rss, atom]) {
        const xml = contents(file);
        assert.is(XMLValidator.validate(xml), true, `${file?.path} is not well-formed`);
        assert.not.ok(forbidden.test(xml), `${file?.path} has a character XML forbids`);
      }

      const channel = one((parser.parse(contents(rss)) as {rss: {channel: unknown}}).rss.channel);
      const item = one(channel['item']);
      assert.is(str(channel['title']), expected(`Site ${title}`));
      // The channel's description is HTML, like an item's: decoded once as HTML.
      assert.is(textOf(str(channel['description'])), expected(summary));
      assert.is(str(item['title']), expected(title));
      // Every item has a description: the summary, else the title (these bodies have no excerpt).
      assert.is(textOf(str(item['description'])), expected(summary) || expected(title));
      assert.is(textOf(str(item['content:encoded'])), expected(body));
      assert.is(str(item['dc:creator']), expected(author));
      assert.is(str(item['category']), expected(tag));

      const feed = one((parser.parse(contents(atom)) as {feed: unknown}).feed);
      const entry = one(feed['entry']);
      assert.is(str(feed['title']), expected(`Site ${title}`));
      assert.is(str(feed['rights']), expected(config.copyright));
      // `type="html"`: decoded once as HTML.
      assert.is(textOf(str(entry['title'])), expected(title));
      assert.is(textOf(str(entry['summary'])), expected(summary));
      assert.is(textOf(str(entry['content'])), expected(body));
      assert.is(str(one(entry['author'])['name']), expected(author));
      assert.is(entry['category'] === undefined ? '' : String(one(entry['category'])['@term']), expected(tag));

      const data = JSON.parse(contents(json)) as {title: string; items: {title: string; summary: string; content_html: string; authors: {name: string}[]; tags: string[]}[]};
      const jsonItem = data.items[0]!;
      assert.is(data.title, expected(`Site ${title}`));
      assert.is(jsonItem.title ?? '', expected(title));
      assert.is(jsonItem.summary ?? '', expected(summary));
      assert.is(textOf(jsonItem.content_html), expected(body));
      assert.equal(jsonItem.authors, [{name: expected(author)}]);
      assert.equal(jsonItem.tags, expected(tag) ? [expected(tag)] : []);
    }),
    {numRuns: 300, seed: 20170116},
  );
  // fast-check's own report leaves out the failed assertion's message: show it.
  if (run.failed) {
    const error = run.errorInstance as {message?: string; actual?: unknown; expects?: unknown; stack?: string};
    throw new Error(`${fc.defaultReportMessage(run)}\n${error.message}: ${JSON.stringify(error.actual)} should be ${JSON.stringify(error.expects)}\n${error.stack?.split("\n").find((line) => line.includes("feed-properties")) ?? ""}`);
  }
});

test.run();
