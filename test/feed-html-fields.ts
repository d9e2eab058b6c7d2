/**
 * Property test: every feed field a reader may render as HTML (RSS channel and item
 * `description`, `content:encoded`, Atom `type="html"` text constructs, JSON Feed
 * `content_html`) is HTML with its text escaped. Over hostile section, tag, author and site
 * names, the site's main feeds and the section and tag feeds are made by the real emitters;
 * each such field is parsed as HTML (hast-util-from-html, as browsers parse) and must hold
 * no element the source did not contain.
 */
import {XMLParser} from 'fast-xml-parser';
import fc from 'fast-check';
import type {Nodes} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import type {EmitContext} from '../scripts/lib/render/emit/context.ts';
import {emitFeeds} from '../scripts/lib/render/emit/emit-feeds.ts';
import {emitListingFeeds} from '../scripts/lib/render/emit/emit-listing-feeds.ts';
import {feedItems} from '../scripts/lib/feeds/feed-items.ts';
import {feedPlanner} from '../scripts/lib/feeds/plan-feed-sets.ts';
import type {OutputFile} from '../scripts/lib/types.ts';
import {testConfig} from './helpers/config.ts';
import {makeArticle, testBodies} from './helpers/make-article.ts';

/** Markup that turns into elements when a field is escaped once too few (or decoded once too many). */
const pieces = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<b>',
  '</p>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&amp;lt;b&amp;gt;',
  '&#60;i&#62;',
  '<![CDATA[<svg onload=alert(1)>]]>',
  ']]><b>',
  '"><iframe>',
  '&',
  'Ação & Café',
  'مرحبا',
  'x',
];
const name = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({maxLength: 4})), {minLength: 1, maxLength: 5})
  .map((parts) => parts.join(''))
  .filter((value) => /[\p{L}\p{N}]/u.test(value));

/** The element names of an HTML fragment, as a browser parses it. */
function elements(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'element') found.push(node.tagName);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(fromHtml(html, {fragment: true}));
  return found.sort();
}

const parser = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, parseTagValue: false, processEntities: true, htmlEntities: false, isArray: (tag) => ['item', 'entry'].includes(tag)});
const textOf = (value: unknown): string => (typeof value === 'string' ? value : value && typeof value === 'object' ? String((value as Record<string, unknown>)['#text'] ?? '') : '');
const contents = (file: OutputFile): string => String('render' in file ? file.render() : 'contents' in file ? file.contents : '');

/** Every HTML field of one feed file, with the element names its source allows (`content` holds the body's). */
function htmlFields(file: OutputFile, body: readonly string[]): {field: string; html: string; allowed: readonly string[]}[] {
  const text = contents(file);
  const fields: {field: string; html: string; allowed: readonly string[]}[] = [];
  if (file.path.endsWith('feed.json')) {
    const data = JSON.parse(text) as {items: {content_html: string}[]};
    for (const item of data.items) fields.push({field: 'content_html', html: item.content_html, allowed: body});
  } else if (file.path.endsWith('atom.xml')) {
    const feed = (parser.parse(text) as {feed: Record<string, unknown>}).feed;
    const constructs = (owner: Record<string, unknown>, where: string) => {
      for (const key of ['title', 'subtitle', 'summary', 'content', 'rights']) {
        const value = owner[key] as Record<string, unknown> | string | undefined;
        if (value && typeof value === 'object' && value['@type'] === 'html') fields.push({field: `${where} ${key}`, html: textOf(value), allowed: key === 'content' ? body : []});
      }
    };
    constructs(feed, 'feed');
    for (const entry of (feed['entry'] ?? []) as Record<string, unknown>[]) constructs(entry, 'entry');
  } else {
    const channel = (parser.parse(text) as {rss: {channel: Record<string, unknown>}}).rss.channel;
    fields.push({field: 'channel description', html: textOf(channel['description']), allowed: []});
    for (const item of (channel['item'] ?? []) as Record<string, unknown>[]) {
      fields.push({field: 'item description', html: textOf(item['description']), allowed: []});
      fields.push({field: 'content:encoded', html: textOf(item['content:encoded']), allowed: body});
    }
  }
  return fields;
}

test('should hold no element the source did not contain in any HTML field of any feed, whatever the names', () => {
  const run = fc.check(
    fc.property(name, name, name, name, name, (site, description, section, tag, author) => {
      const config = testConfig({title: site, description, copyright: site});
      const feedHtml = '<p>Plain body.</p>';
      const body = elements(feedHtml);
      const article = makeArticle({title: `${section} ${tag}`, summary: description, section, tags: [tag], authors: [author], html: feedHtml, feedHtml});
      const feeds = feedPlanner(config, {digest: () => 'key', ref: (item) => item.key}, feedItems(config, testBodies), () => {});
      const context = {config, articles: [article], publicArticles: [article], editions: [{config, articles: [article], publicArticles: [article]}], feeds} as unknown as EmitContext;
      const files = [...emitFeeds(context), ...emitListingFeeds(context)];
      assert.ok(files.some((file) => file.path.startsWith('section/')) && files.some((file) => file.path.startsWith('tag/')) && files.some((file) => file.path.startsWith('author/')), 'section, tag and author feeds');
      for (const file of files) {
        for (const {field, html, allowed} of htmlFields(file, body)) {
          assert.equal(elements(html), allowed, `${file.path}: ${field} ${JSON.stringify(html)}`);
        }
      }
    }),
    {numRuns: 150, seed: 20261201},
  );
  if (run.failed) {
    const error = run.errorInstance as {message?: string};
    throw new Error(`${fc.defaultReportMessage(run)}\n${error.message ?? ''}`);
  }
});

test.run();
