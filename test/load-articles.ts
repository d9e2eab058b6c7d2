/**
 * `loadArticles` and `readText`: a file whose stamp (size, modification and change times,
 * inode) is as the last build saw it is not read again; any write gives it a new stamp.
 */
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {contentHash} from '../scripts/lib/cache/build-cache.ts';
import {loadArticles, readText, type SourceStamp} from '../scripts/lib/source/load-articles.ts';
import {removeTempDirs, rewriteKeepingSizeAndTime, tempDir} from './helpers/files.ts';

const maxBytes = 1_000_000;
/** A whole second, so `utimesSync` can set the modification time back exactly (it takes seconds as a float). */
const oldTime = 1_500_000_000;

/** A temporary site folder with `articles/` holding `files` (name → text); `cwd` is the site folder. */
function site(files: Record<string, string>): {cwd: string; dir: string; article: (name: string) => string} {
  const cwd = tempDir();
  const dir = path.join(cwd, 'articles');
  fs.mkdirSync(dir);
  const article = (name: string) => path.join(dir, name);
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(article(name), text);
    fs.utimesSync(article(name), oldTime, oldTime);
  }
  return {cwd, dir, article};
}

/** What a build would remember of each file it read: its stamp and its text's hash. */
function remember(files: ReturnType<typeof loadArticles>["files"]): Map<string, SourceStamp> {
  return new Map(files.map((file) => [file.path, {stamp: file.data.stamp!, contentHash: contentHash(String(file.value))}]));
}

const text = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2020-01-01\n---\n\n${body}\n`;

test.after(() => removeTempDirs());

test('should stamp every file it reads, and keep its text', () => {
  const {cwd, dir} = site({'a.md': text('A', 'Alpha.'), 'b.txt': 'Bravo\n\nWire copy.\n'});
  const files = loadArticles(dir, cwd, {maxBytes}).files;
  assert.equal(
    files.map((file) => file.path),
    [path.join('articles', 'a.md'), path.join('articles', 'b.txt')],
  );
  for (const file of files) {
    const stat = fs.statSync(path.join(cwd, file.path), {bigint: true});
    assert.is(file.data.stamp, `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`, file.path);
    assert.is(file.value, fs.readFileSync(path.join(cwd, file.path), 'utf8'), file.path);
    assert.is(file.data.contentHash, undefined, `${file.path}: no hash is carried for a file that was read`);
  }
});

test('should not read a file whose stamp is unchanged, and carry the known hash', () => {
  const {cwd, dir} = site({'a.md': text('A', 'Alpha.'), 'b.md': text('B', 'Bravo.')});
  const first = loadArticles(dir, cwd, {maxBytes}).files;
  const known = remember(first);
  const b = path.join('articles', 'b.md');
  known.delete(b);

  const [a, bAgain] = loadArticles(dir, cwd, {maxBytes, known}).files;
  assert.is(a!.path, path.join('articles', 'a.md'));
  assert.is(a!.value, undefined, 'an unchanged file is not read');
  assert.is(a!.data.contentHash, known.get(a!.path)!.contentHash);
  assert.is(a!.data.stamp, first[0]!.data.stamp);
  assert.equal(a!.messages, []);

  assert.is(bAgain!.path, b);
  assert.is(bAgain!.value, text('B', 'Bravo.'), 'a file the last build did not see is read');
  assert.is(bAgain!.data.contentHash, undefined);
});

test('should not trust a known hash whose stamp differs', () => {
  const {cwd, dir} = site({'a.md': text('A', 'Alpha.')});
  const [file] = loadArticles(dir, cwd, {maxBytes}).files;
  const known = new Map([[file!.path, {stamp: `${file!.data.stamp}0`, contentHash: 'stale'}]]);
  const [again] = loadArticles(dir, cwd, {maxBytes, known}).files;
  assert.is(again!.value, text('A', 'Alpha.'));
  assert.is(again!.data.contentHash, undefined);
});

test('should read an edited file again when its size and modification time are as before', async () => {
  const before = text('A', 'The first version.');
  const after = text('A', 'A second version!.');
  const {cwd, dir, article} = site({'a.md': before});
  const first = loadArticles(dir, cwd, {maxBytes}).files;
  const known = remember(first);
  const old = fs.statSync(article('a.md'), {bigint: true});

  await rewriteKeepingSizeAndTime(article('a.md'), after);
  const now = fs.statSync(article('a.md'), {bigint: true});
  assert.equal([now.size, now.mtimeNs, now.ino], [old.size, old.mtimeNs, old.ino], 'only the change time tells the edit');
  assert.ok(now.ctimeNs > old.ctimeNs);

  const [file] = loadArticles(dir, cwd, {maxBytes, known}).files;
  assert.is.not(file!.data.stamp, first[0]!.data.stamp);
  assert.is(file!.data.stamp, `${now.size}:${now.mtimeNs}:${now.ctimeNs}:${now.ino}`);
  assert.is(file!.value, after, 'the edited file is read');
  assert.is(file!.data.contentHash, undefined, 'the old hash is not carried');
});

test('should read a file again under a new name', () => {
  const {cwd, dir, article} = site({'a.md': text('A', 'Alpha.')});
  const known = remember(loadArticles(dir, cwd, {maxBytes}).files);
  fs.renameSync(article('a.md'), article('renamed.md'));
  const [file] = loadArticles(dir, cwd, {maxBytes, known}).files;
  assert.is(file!.path, path.join('articles', 'renamed.md'));
  assert.is(file!.value, text('A', 'Alpha.'));
});

test('should read a skipped file with readText, decoded as loadArticles decodes it', () => {
  const {cwd, dir} = site({'a.md': '\uFEFF---\r\ntitle: A\r\n---\r\n\r\nAlpha.\r\n'});
  const known = remember(loadArticles(dir, cwd, {maxBytes}).files);
  const [file] = loadArticles(dir, cwd, {maxBytes, known}).files;
  assert.is(file!.value, undefined);
  readText(file!);
  assert.is(file!.value, '---\ntitle: A\n---\n\nAlpha.\n', 'byte-order mark dropped, line endings normalized');
  assert.equal(file!.messages, []);
  assert.is(contentHash(String(file!.value)), known.get(file!.path)!.contentHash, 'the text hashes as the known one');
});

test('should report a skipped file that is no longer text when readText reads it', () => {
  const {cwd, dir, article} = site({'a.md': text('A', 'Alpha.')});
  const known = remember(loadArticles(dir, cwd, {maxBytes}).files);
  const [file] = loadArticles(dir, cwd, {maxBytes, known}).files;
  fs.writeFileSync(article('a.md'), Buffer.from([0x41, 0x00, 0x42]));
  readText(file!);
  assert.is(file!.value, undefined);
  assert.is(file!.messages.length, 1);
  assert.ok(file!.messages[0]!.fatal);
  assert.is(file!.messages[0]!.ruleId, 'encoding');
});

test('should read again a file changed within a second before the scan that stamped it (file times tick coarsely)', () => {
  const {cwd, dir} = site({'a.md': text('A', 'Alpha.')});
  const known = remember(loadArticles(dir, cwd, {maxBytes}).files);
  const changed = Number(fs.statSync(path.join(dir, 'a.md'), {bigint: true}).ctimeNs / 1_000_000n);
  const settled = loadArticles(dir, cwd, {maxBytes, known, knownAt: changed + 1001}).files;
  assert.is(settled[0]!.value, undefined, 'changed over a second before the scan: trusted');
  const racy = loadArticles(dir, cwd, {maxBytes, known, knownAt: changed + 500}).files;
  assert.is(racy[0]!.value, text('A', 'Alpha.'), 'changed just before the scan: read again');
});

test('should take a watched file the watcher saw no change to as known, without looking, and look at the rest', () => {
  const {cwd, dir, article} = site({'a.md': text('A', 'Alpha.'), 'b.md': text('B', 'Bravo.'), 'c.md': text('C', 'Charlie.')});
  const first = loadArticles(dir, cwd, {maxBytes});
  assert.is(first.checked, 3);
  const known = remember(first.files);
  const changed = Math.max(...['a.md', 'b.md', 'c.md'].map((name) => Number(fs.statSync(article(name), {bigint: true}).ctimeNs / 1_000_000n)));
  // Edited behind the watcher's back (as no watcher would miss): taken as known, so its old hash stands.
  fs.writeFileSync(article('a.md'), text('A', 'Alpha, edited unseen.'));
  fs.writeFileSync(article('b.md'), text('B', 'Bravo, edited.'));
  fs.writeFileSync(article('d.md'), text('D', 'Delta, new.'));
  fs.rmSync(article('c.md'));
  const changedSince = new Set([article('b.md'), article('c.md'), article('d.md')]);
  const watched = loadArticles(dir, cwd, {maxBytes, known, knownAt: changed + 1001, changedSince});
  assert.equal(watched.files.map((file) => path.basename(file.path)), ['a.md', 'b.md', 'd.md']);
  assert.is(watched.checked, 2, 'only the changed and the new file are looked at');
  const [a, b, d] = watched.files;
  assert.is(a!.value, undefined);
  assert.is(a!.data.contentHash, known.get(path.join('articles', 'a.md'))!.contentHash);
  assert.is(b!.value, text('B', 'Bravo, edited.'));
  assert.is(d!.value, text('D', 'Delta, new.'));
  // A file changed within a second before the scan that stamped it is looked at though the watcher saw nothing.
  const racy = loadArticles(dir, cwd, {maxBytes, known, knownAt: changed + 500, changedSince: new Set()});
  assert.is(racy.checked, 3);
  assert.is(racy.files[0]!.value, text('A', 'Alpha, edited unseen.'));
  // A known file over today's size limit is looked at, and refused.
  const small = loadArticles(dir, cwd, {maxBytes: 10, known, knownAt: changed + 1001, changedSince: new Set()});
  assert.ok(small.files[0]!.messages.some((message) => message.ruleId === 'too-large'));
});

test.run();
