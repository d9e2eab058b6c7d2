import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildSite} from '../scripts/lib/build/build-site.ts';
import {fixture} from './helpers/config.ts';
import {listFiles, removeTempDirs, tempDir} from './helpers/files.ts';

const cwd = fixture('publish');

/** Build the fixture; `everything` is every page and feed (RSS, Atom, JSON, archives, OPML) joined. */
async function build(options: {now?: string; drafts?: boolean}) {
  const out = path.join(tempDir(), 'dist');
  const result = await buildSite({cwd, out, env: {}, noCache: true, ...options});
  const files = listFiles(out);
  const everything = files
    .filter((file) => /\.(html|xml|json|opml)$/.test(file))
    .map((file) => `${file}\n${fs.readFileSync(path.join(out, file), 'utf8')}`)
    .join('\n');
  return {result, out, files, everything};
}

test('should leave out drafts and articles dated after --now, everywhere: pages, every feed, archive and the OPML list', async () => {
  const {result, out, files, everything} = await build({now: '2020-03-01T00:00:00Z'});
  assert.ok(result.ok);
  assert.is(result.articles, 1);
  for (const feed of ['feed.xml', 'section/world/atom.xml', 'tag/shared/feed.json', 'feeds.opml']) assert.ok(files.includes(feed), feed);
  assert.ok(everything.includes('Past story'));
  for (const secret of ['Future story', 'Draft story', 'Secret', 'secret', 'Draft only', 'draft-only', 'Future only', 'future-only', '2020/06', '2020/01/draft']) {
    assert.not.ok(everything.includes(secret), `${secret} is published`);
    assert.not.ok(files.some((file) => file.includes(secret)), `a file path mentions ${secret}`);
  }
  assert.not.ok(fs.existsSync(path.join(out, '2020/06/future')));
  assert.not.ok(fs.existsSync(path.join(out, '2020/01/draft')));
});

test('should publish a future article once now passes its date, in its feeds too', async () => {
  const {result, out, everything} = await build({now: '2020-06-01T10:00:00Z'});
  assert.is(result.articles, 2);
  assert.ok(everything.includes('Future story'));
  for (const feed of ['feed.xml', 'atom.xml', 'feed.json', 'section/world/feed.xml', 'tag/future-only/atom.xml']) {
    assert.ok(fs.readFileSync(path.join(out, feed), 'utf8').includes('Future story'), feed);
  }
});

test('should publish drafts with --drafts', async () => {
  const {result, out} = await build({now: '2020-03-01T00:00:00Z', drafts: true});
  assert.is(result.articles, 2);
  assert.ok(fs.existsSync(path.join(out, '2020/01/draft/index.html')));
});

test('should refuse a --now that is not a date', async () => {
  const result = await buildSite({cwd, out: path.join(os.tmpdir(), 'never-written'), env: {}, now: 'tomorrow'});
  assert.not.ok(result.ok);
  assert.match(result.files[0]!.messages[0]!.reason, /^--now "tomorrow" is not a real date/);
  assert.not.ok(fs.existsSync(path.join(os.tmpdir(), 'never-written')));
});

test.after(removeTempDirs);
test.run();
