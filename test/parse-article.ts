import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {VFile} from 'vfile';
import {parseArticle} from '../scripts/lib/article/parse-article.ts';
import {fixture, root, testConfig} from './helpers/config.ts';
import {loadWireTools} from '../scripts/lib/article/wire/wire-tools.ts';


function parse(relative: string, config = testConfig()) {
  const full = path.join(root, relative);
  const file = new VFile({path: relative, cwd: root, value: fs.readFileSync(full, 'utf8')});
  const parsed = parseArticle(file, config, 'test');
  return {file, article: parsed?.article, body: parsed?.body};
}

// Wire parsing's libraries load on demand, as the build's parse step loads them.
test.before(async () => {
  await loadWireTools();
});

test('should read the sample wire copy: headline, date from the name, caption and credit, chrome gone', () => {
  const {file, article, body} = parse('articles/2017-01-16-syrian-opposition-to-attend-astana-talks.txt', testConfig({articlesDir: path.join(root, 'articles'), timezone: 'Europe/London'}));
  assert.ok(article);
  assert.is(article.format, 'wire');
  assert.is(article.title, 'Syrian opposition to attend Astana talks');
  assert.is(article.date, '2017-01-16T00:00:00.000Z');
  assert.is(article.slug, 'syrian-opposition-to-attend-astana-talks');
  assert.is(article.path, '2017/01/syrian-opposition-to-attend-astana-talks/');
  assert.equal(article.image, {caption: 'Members of the Syrian National Coalition (SNC) meeting in Istanbul.', credit: 'File photo: AFP'});
  assert.is((body!.html.match(/<p>/g) ?? []).length, 15);
  assert.ok(body!.html.includes('All the rebel groups are going [to Astana].'));
  assert.ok(body!.html.includes('Kazakhstan’s capital'));
  for (const chrome of ['Newsletter', 'Leave a Reply', 'twenty', 'Related Items', 'Twitter']) assert.not.ok(body!.html.includes(chrome), chrome);
  const notes = file.messages.filter((message) => message.ruleId === 'wire-chrome');
  assert.is(notes.length, 6);
  assert.is(notes[0]!.line, 37);
  assert.ok(notes.every((message) => !message.fatal));
});

/** A wire article parsed from `text` (no file on disk). */
function parseWire(text: string, config = testConfig()) {
  const file = new VFile({path: 'articles/2024-03-01-wire.txt', cwd: root, value: text});
  const parsed = parseArticle(file, config, 'test');
  return {file, article: parsed?.article, body: parsed?.body};
}

const agencyStory = [
  'Central bank raises rates',
  '',
  'By Jane Doe and John Roe, Reuters',
  '',
  'FRANKFURT, June 6 (Reuters) - The central bank raised its main interest rate on Thursday, its third increase this year.',
  '',
  '(Reporting by Jane Doe; Editing by John Roe)',
].join('\n');

test('should take wire byline, dateline and trailer as data, each with a note', () => {
  const {file, article, body} = parseWire(agencyStory, testConfig({author: 'Desk'}));
  assert.ok(article);
  assert.equal(article.authors, ['Jane Doe', 'John Roe']);
  assert.is(article.dateline, 'FRANKFURT, June 6 (Reuters)');
  assert.is(body!.html, '<p>The central bank raised its main interest rate on Thursday, its third increase this year.</p><p class="trailer">(Reporting by Jane Doe; Editing by John Roe)</p>');
  assert.equal(
    file.messages.map((message) => [message.line, message.ruleId, Boolean(message.fatal)]),
    [[3, 'wire-byline', false], [5, 'wire-dateline', false], [7, 'wire-trailer', false]],
  );
});

test('should let front matter author, dateline and lang win over what the wire says', () => {
  const front = '---\nauthor: Desk Editor\ndateline: KESTREL BAY\nlang: de\n---\n';
  const {file, article, body} = parseWire(front + agencyStory.replace('The central bank', 'Die Zentralbank hat am Donnerstag den Leitzins erneut angehoben, zum dritten Mal in diesem Jahr, wie die Bank in Frankfurt mitteilte. The central bank'));
  assert.ok(article);
  assert.equal(article.authors, ['Desk Editor']);
  assert.is(article.dateline, 'KESTREL BAY');
  assert.is(article.lang, 'de');
  const byline = file.messages.find((message) => message.ruleId === 'wire-byline');
  assert.match(String(byline?.reason), /front matter `author` kept/);
  assert.is(byline?.line, 8, 'the line in the file, front matter counted');
});

test('should set the lang of long wire copy in another language than the site', () => {
  const text = 'Grève dans les transports\n\nLes conducteurs de tramway et de bus de la métropole se sont mis en grève mardi pour réclamer des hausses de salaire, perturbant fortement les déplacements de milliers d’habitants.';
  assert.is(parseWire(text).article?.lang, 'fr');
  assert.is(parseWire(text, testConfig({language: 'fr'})).article?.lang, undefined);
});

test('should keep markup-like wire copy literal and escaped', () => {
  const {article, body} = parse('test/fixtures/articles/2020-05-04-literal-wire.txt');
  assert.ok(article);
  assert.is(article.title, 'Headline with <b>markup</b> & [brackets]');
  assert.is(body!.html, '<p># not a heading *not emphasis* 1. not a list &#x3C;script>alert(1)&#x3C;/script></p><p>Second paragraph.</p>');
});

test('should sanitize raw HTML in Markdown and keep tables valid', () => {
  const {file, article, body} = parse('test/fixtures/articles/raw-html.md');
  assert.equal(file.messages.filter((message) => message.fatal), []);
  assert.ok(article);
  assert.not.match(body!.html, /<script|onerror|javascript:|<iframe/i);
  assert.match(body!.html, /<img src="https:\/\/example.org\/x.png" alt="x">/);
  assert.match(body!.html, /<td style="text-align: right">1<\/td>/);
  assert.not.match(body!.html, / align=/);
  assert.is(article.title, 'Raw <em>HTML</em>');
});

test('should read every Markdown field, resolve the date in its offset, and mint ids', () => {
  const {article, body} = parse('test/fixtures/front-matter/full.md', testConfig({articlesDir: fixture('front-matter')}));
  assert.ok(article);
  assert.is(article.date, '2020-03-01T09:00:00.000Z');
  assert.is(article.updated, '2020-03-02T08:00:00.000Z');
  assert.equal(article.authors, ['Ana Lima', 'Ben Okafor']);
  assert.equal(article.tags, ['one', 'two']);
  assert.is(article.slug, 'every-field');
  assert.is(article.id, 'tag:fixture.example,2020:every-field');
  assert.is(article.path, '2020/03/every-field/');
  assert.is(body!.html, '<p>Body <em>text</em>.</p>');
  assert.is(article.dateline, 'ASTANA');
  assert.is(article.lang, 'ar');
  assert.equal(article.corrections, [
    {date: '2020-03-02T10:00:00.000Z', text: 'First fix.'},
    {date: '2020-03-03T10:00:00.000Z', text: 'Second fix.'},
  ]);
});

test('should read a date without offset in the site time zone', () => {
  const {article, body} = parse('test/fixtures/articles/raw-html.md', testConfig({timezone: 'Asia/Kolkata'}));
  assert.is(article!.date, '2020-05-04T18:30:00.000Z');
  assert.is(article!.path, '2020/05/raw-html/');
});

test('should report an impossible date at its line', () => {
  const {file, article, body} = parse('test/fixtures/articles/bad-date.md');
  assert.is(article, undefined);
  assert.is(file.messages[0]!.line, 3);
  assert.match(file.messages[0]!.reason, /^`date`: "2025-02-30" is not a real date/);
});

test('should make feed URLs absolute while page URLs stay as written', () => {
  const {article, body} = parse('articles/2017-01-20-harbour-library-reopens.md', testConfig({articlesDir: path.join(root, 'articles')}));
  assert.ok(article);
  assert.match(body!.html, /src="library-shelves.svg"/);
  assert.match(body!.feedHtml, /src="https:\/\/owner.github.io\/repo\/2017\/01\/east-quay-library-reopens\/library-shelves.svg"/);
  assert.match(body!.feedHtml, /href="https:\/\/owner.github.io\/repo\/2017\/01\/council-approves-2017-budget\/"/);
  // The body's SVG, then the lead photo (its original, which only `publishOriginals` publishes; its derived files come from the image stage).
  assert.equal(article.assets.map((asset) => [asset.name, Boolean(asset.image)]), [['library-shelves.svg', false], ['east-quay-dusk.jpg', true]]);
});

test('should read tables and strikethrough always, and bare URLs and footnotes only with gfm', () => {
  const news = parse('test/fixtures/articles/gfm.md').body!;
  assert.match(news.html, /<table>/);
  assert.match(news.html, /<del>old<\/del>/);
  assert.not.match(news.html, /<a href="https:\/\/example.org\/report"/);
  const gfm = parse('test/fixtures/articles/gfm.md', testConfig({gfm: true})).body!;
  assert.match(gfm.html, /<a href="https:\/\/example.org\/report">/);
  assert.match(gfm.html, /footnote/);
  assert.match(gfm.html, /<table>/);
});

test.run();
