/**
 * The sample site's and the fixture site's output checked by the reference validators:
 * the Nu Html Checker (vnu-jar, on the machine's Java) for every page of both — articles,
 * listings, archives, authors, the search and 404 pages — and jing with RFC 4287's
 * RELAX NG schema for every Atom feed.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {createRequire} from 'node:module';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildSite} from '../scripts/lib/build/build-site.ts';
import {fixture, root} from './helpers/config.ts';
import {listFiles} from './helpers/files.ts';

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-valid-'));
const out = path.join(temp, 'sample');
const fixtureOut = path.join(temp, 'fixture');

test.before(async () => {
  for (const [cwd, folder] of [[root, out], [fixture('site'), fixtureOut]] as const) {
    const result = await buildSite({cwd, out: folder, env: {}, now: '2017-03-01T00:00:00Z', noCache: true});
    assert.ok(result.ok, JSON.stringify(result.files.flatMap((file) => file.messages.map(String))));
  }
});

test.after(() => fs.rmSync(temp, {recursive: true, force: true}));

test('should emit every kind of page', () => {
  for (const page of ['index.html', '404.html', 'search/index.html', 'archive/index.html', 'archive/2017/index.html', 'archive/2017/01/index.html', 'author/helen-marsh/index.html', 'tag/budget/index.html']) {
    assert.ok(fs.existsSync(path.join(out, page)), page);
  }
});

test('should emit only valid HTML (Nu Html Checker)', () => {
  const jar = createRequire(import.meta.url)('vnu-jar') as string;
  const run = spawnSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'json', out, fixtureOut], {encoding: 'utf8'});
  assert.is(run.error, undefined, 'java must be installed');
  const messages = (JSON.parse(run.stderr) as {messages: {type: string; url: string; message: string}[]}).messages;
  assert.equal(messages.map((message) => `${message.url}: ${message.message}`), []);
  assert.is(run.status, 0);
});

test('should emit every Atom feed (main, sections, tags, authors, monthly archives) valid against the RFC 4287 schema (jing)', () => {
  const feeds = listFiles(out).filter((file) => file.endsWith('atom.xml'));
  for (const expected of ['atom.xml', 'section/politics/atom.xml', 'tag/harbour/atom.xml', 'author/helen-marsh/atom.xml', 'archive/2017/01/atom.xml']) assert.ok(feeds.includes(expected), expected);
  const run = spawnSync('jing', ['-c', fixture('schemas', 'atom.rnc'), ...feeds.map((file) => path.join(out, file))], {encoding: 'utf8'});
  assert.is(run.error, undefined, 'jing must be installed (apt-get install jing)');
  // Debian's jing wrapper warns about optional jars it cannot find; only the checker's own lines count.
  const problems = (run.stdout + run.stderr).split('\n').filter((line) => line && !line.startsWith('[warning] /usr/bin/jing'));
  assert.equal(problems, []);
  assert.is(run.status, 0);
});

test('should show each XML feed in a browser as a page with a subscribe hint (its XSLT stylesheet, run by xsltproc)', () => {
  for (const feed of ['feed.xml', 'atom.xml', 'section/politics/feed.xml', 'archive/2017/01/atom.xml']) {
    const xml = fs.readFileSync(path.join(out, feed), 'utf8');
    const href = /<\?xml-stylesheet href="([^"]+)" type="text\/xsl"\?>/.exec(xml)?.[1];
    assert.is(href, 'https://example.github.io/dateline/assets/feed.xsl', `${feed}: stylesheet`);
    const run = spawnSync('xsltproc', [path.join(out, 'assets', 'feed.xsl'), path.join(out, feed)], {encoding: 'utf8'});
    assert.is(run.error, undefined, 'xsltproc must be installed (apt-get install xsltproc)');
    assert.is(run.stderr, '', feed);
    const html = run.stdout;
    assert.ok(html.startsWith('<!DOCTYPE html>'), feed);
    assert.ok(html.includes('This is a web feed.') && html.includes(`<code>https://example.github.io/dateline/${feed}</code>`), `${feed}: subscribe hint with the feed's URL`);
    const titles = [...xml.matchAll(/<(?:item|entry)(?:\s[^>]*)?>\s*<title[^>]*><!\[CDATA\[([\s\S]*?)\]\]><\/title>/g)].map((match) => match[1]!);
    assert.ok(titles.length > 0, feed);
    const links = [...html.matchAll(/<li>\s*<a href="[^"]+">([\s\S]*?)<\/a>\s*<time>/g)].map((match) => match[1]);
    // The page escapes the titles for HTML, as an Atom `type="html"` title already is.
    assert.equal(links, titles.map((title) => (feed.endsWith('atom.xml') ? title : title.replaceAll('&', '&amp;').replaceAll('<', '&lt;'))), `${feed}: one link per item`);
  }
});

test.run();
