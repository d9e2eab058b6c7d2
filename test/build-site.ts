import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildSite} from '../scripts/lib/build-site.ts';
import {fixture} from './helpers/config.ts';

const cwd = fixture('publish');

async function build(options: {now?: string; drafts?: boolean}) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-publish-')), 'dist');
  const result = await buildSite({cwd, out, env: {}, noCache: true, ...options});
  const everything = ['index.html', 'feed.xml', 'atom.xml', 'feed.json'].map((name) => fs.readFileSync(path.join(out, name), 'utf8')).join('\n');
  return {result, out, everything};
}

test('should leave out drafts and articles dated after --now, everywhere', async () => {
  const {result, out, everything} = await build({now: '2020-03-01T00:00:00Z'});
  assert.ok(result.ok);
  assert.is(result.articles, 1);
  assert.ok(everything.includes('Past story'));
  assert.not.ok(everything.includes('Future story'));
  assert.not.ok(everything.includes('Draft story'));
  assert.not.ok(fs.existsSync(path.join(out, '2020/06/future')));
  assert.not.ok(fs.existsSync(path.join(out, '2020/01/draft')));
});

test('should publish a future article once now passes its date', async () => {
  const {result, everything} = await build({now: '2020-06-01T10:00:00Z'});
  assert.is(result.articles, 2);
  assert.ok(everything.includes('Future story'));
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

test.run();
