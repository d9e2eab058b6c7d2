import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildSearchIndex, inOrder, searchRecord} from '../scripts/lib/search/build-search-index.ts';
import type {Article} from '../scripts/lib/types.ts';
import {testConfig} from './helpers/config.ts';
import {makeArticle, testBodies} from './helpers/make-article.ts';

const config = testConfig();
const make = (slug: string, title: string, html: string, lang?: string): Article => makeArticle({slug, source: `${slug}.md`, path: `2020/01/${slug}/`, title, summary: 'A <b>summary</b>.', html, lang});

test('should escape the headline and standfirst and keep the sanitized body', () => {
  const record = searchRecord(make('x', 'Tom & </title><script>', '', 'ar'), '<p>Body <em>text</em>.</p>', config);
  assert.ok(record.startsWith('<!doctype html><html lang="ar">'));
  assert.ok(record.includes('<title>Tom &#x26; &#x3C;/title>&#x3C;script></title>'));
  assert.ok(record.includes('<p>A &#x3C;b>summary&#x3C;/b>.</p><p>Body <em>text</em>.</p>'));
});

test('should return the same index files, byte for byte, on every build', async () => {
  const articles = [make('ferry', 'Night ferry', '<p>The Alloush timetable changes.</p>'), make('market', 'Winter market', '<p>Stalls on the quay.</p>')];
  const [first] = await buildSearchIndex([{articles}], config, testBodies);
  const [second] = await buildSearchIndex([{articles: [...articles]}], config, testBodies);
  if (!first || !second) throw new Error('no index');
  const paths = first.map((file) => file.path);
  assert.ok(paths.includes('pagefind-entry.json') && paths.includes('pagefind-ui.js'), paths.join(', '));
  assert.equal(paths, [...paths].sort());
  assert.equal(second.map((file) => file.path), paths);
  first.forEach((file, index) => {
    const other = second[index]!;
    assert.ok(Buffer.from(file.contents).equals(Buffer.from(other.contents)), file.path);
  });
  assert.is(paths.filter((file) => file.startsWith('fragment/')).length, 2, 'one fragment per article');
});

test('should give the same index when records wait for answers in a window as when they go one at a time', async () => {
  const articles = Array.from({length: 40}, (_, n) => make(`story-${n}`, `Story ${n} of the harbour`, `<p>Paragraph ${n}: ferries, tides and the ${n % 3 ? 'winter' : 'summer'} market.</p>`));
  const [alone] = await buildSearchIndex([{articles}], config, testBodies, 1);
  const [windowed] = await buildSearchIndex([{articles}], config, testBodies, 16);
  if (!alone || !windowed) throw new Error('no index');
  assert.equal(windowed.map((file) => file.path), alone.map((file) => file.path));
  alone.forEach((file, index) => assert.ok(Buffer.from(file.contents).equals(Buffer.from(windowed[index]!.contents)), file.path));
});

test('should start tasks in order, at most a window at once, and stop starting after a failure', async () => {
  const started: number[] = [];
  let running = 0;
  let most = 0;
  const task = async (n: number): Promise<void> => {
    started.push(n);
    most = Math.max(most, ++running);
    await new Promise((resolve) => setTimeout(resolve, n % 4));
    running--;
    if (n === 9) throw new Error('nine failed');
  };
  const failure = await inOrder(Array.from({length: 30}, (_, n) => n), 3, task).then(() => undefined, (error: Error) => error);
  assert.match(String(failure?.message), /nine failed/);
  assert.is(most, 3);
  assert.equal(started, [...started].sort((a, b) => a - b));
  assert.ok(started.length < 30, `started ${started.length}`);
  assert.is(running, 0, 'every started task settled before the failure was thrown');
});

test.run();
