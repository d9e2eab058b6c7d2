import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {renderAndWrite} from '../scripts/lib/render/render-due.ts';
import type {OutputFile} from '../scripts/lib/types.ts';
import {inside, OutputError, OutputSession, prepareSpare, writeOutput, type OutputState} from '../scripts/lib/output/write-output.ts';
import {removeTempDirs, tempDir} from './helpers/files.ts';

/** The build's render and write steps over `files`: what is due is rendered, the rest kept by fingerprint. */
function renderThenWrite(out: string, files: readonly OutputFile[], state?: OutputState) {
  const session = OutputSession.open(out, state);
  const count = {rendered: 0};
  for (const file of files) renderAndWrite(session, file, count);
  return {...session.commit(), rendered: count.rendered};
}

function tempOut(): string {
  return path.join(tempDir(), 'dist');
}

test('should write files and replace the previous output whole', () => {
  const out = tempOut();
  writeOutput(out, [{path: 'old.html', contents: 'old'}]);
  writeOutput(out, [{path: 'a/b/index.html', contents: 'new'}, {path: '.nojekyll', contents: ''}]);
  assert.is(fs.readFileSync(path.join(out, 'a/b/index.html'), 'utf8'), 'new');
  assert.ok(fs.existsSync(path.join(out, '.nojekyll')));
  assert.not.ok(fs.existsSync(path.join(out, 'old.html')));
  assert.equal(fs.readdirSync(path.dirname(out)).sort(), ['.dist.spare', 'dist']);
});

test('should put an untrusted spare folder out of the way at once and remove it in the background', async () => {
  const out = tempOut();
  writeOutput(out, [{path: 'a.html', contents: 'one'}]);
  writeOutput(out, [{path: 'b.html', contents: 'two'}]);
  // No manifests (as with --no-cache): the spare folder cannot be trusted, and goes.
  writeOutput(out, [{path: 'c.html', contents: 'three'}]);
  assert.is(fs.readFileSync(path.join(out, 'c.html'), 'utf8'), 'three');
  assert.ok(fs.existsSync(path.join(path.dirname(out), '.dist.spare', 'b.html')), 'the last output is the spare now');
  const parent = path.dirname(out);
  for (let wait = 0; fs.readdirSync(parent).length > 2 && wait < 100; wait++) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(fs.readdirSync(parent).sort(), ['.dist.spare', 'dist'], 'the discarded spare is removed');
});

test('should leave the previous output untouched when a write fails', () => {
  const out = tempOut();
  writeOutput(out, [{path: 'index.html', contents: 'good'}]);
  assert.throws(() => writeOutput(out, [{path: 'x.html', contents: 'x'}, {path: 'y.png', copyFrom: path.join(out, 'missing.png')}]));
  assert.is(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'good');
  assert.equal(fs.readdirSync(out), ['index.html']);
  assert.equal(fs.readdirSync(path.dirname(out)).filter((name) => name.includes('tmp')), []);
});

test('should refuse a second file at one path, and keep the previous output', () => {
  const out = tempOut();
  writeOutput(out, [{path: 'search/index.html', contents: 'search page'}]);
  assert.throws(() => writeOutput(out, [{path: 'search/index.html', contents: 'an article'}, {path: 'search/index.html', contents: 'search page'}]), (error: Error) => error instanceof OutputError && /twice/.test(error.message));
  assert.is(fs.readFileSync(path.join(out, 'search/index.html'), 'utf8'), 'search page');
});

test('should refuse paths that leave the output folder', () => {
  const out = tempOut();
  for (const bad of ['../escape.html', '/etc/passwd', 'a/../../x', 'nul\0byte']) {
    assert.throws(() => writeOutput(out, [{path: bad, contents: 'x'}]), /outside the output folder/, bad);
  }
  assert.not.ok(fs.existsSync(out));
  assert.throws(() => inside('/tmp/root', '../x'));
  assert.is(inside('/tmp/root', 'a/b'), '/tmp/root/a/b');
});

test('should put back the previous output when a swap was interrupted', () => {
  const out = tempOut();
  writeOutput(out, [{path: 'index.html', contents: 'kept'}]);
  fs.renameSync(out, path.join(path.dirname(out), '.dist.old'));
  fs.mkdirSync(path.join(path.dirname(out), '.dist.tmp-abc'));
  assert.throws(() => writeOutput(out, [{path: '../bad', contents: 'x'}]));
  assert.is(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'kept');
  assert.equal(fs.readdirSync(path.dirname(out)), ['dist']);
});

test('should report a full disk with the path, and keep the previous output', () => {
  const out = tempOut();
  writeOutput(out, [{path: 'index.html', contents: 'good'}]);
  // Inject the failure: as root, permissions do not stop writes, and no tiny file system is at hand.
  const original = fs.writeFileSync;
  let calls = 0;
  fs.writeFileSync = ((...args: Parameters<typeof fs.writeFileSync>) => {
    if (String(args[0]).endsWith('.html') && ++calls === 2) throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC', syscall: 'write'});
    return original(...args);
  }) as typeof fs.writeFileSync;
  try {
    assert.throws(
      () => writeOutput(out, [{path: 'index.html', contents: 'new'}, {path: '2020/01/story/index.html', contents: 'new'}]),
      (error: Error) => error instanceof OutputError && error.message === `could not write ${path.join(out, '2020/01/story/index.html')}: no space left on device (ENOSPC)`,
    );
  } finally {
    fs.writeFileSync = original;
  }
  assert.is(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'good');
  assert.equal(fs.readdirSync(path.dirname(out)), ['dist'], 'no staging folder or lock is left');
});

test('should write a cold build\'s many new files on a thread of their own, each in its folder', () => {
  const out = tempOut();
  // Past the first 64 new files, folders and bytes are written behind (write-behind.ts); a large file makes a batch of its own.
  const files = Array.from({length: 300}, (_, n) => ({path: `${2000 + (n % 7)}/${String(n % 12).padStart(2, '0')}/story-${n}/index.html`, contents: n === 200 ? 'x'.repeat(3 << 20) : `story ${n} é`}));
  const {stats} = writeOutput(out, [...files, {path: 'photo.bin', contents: new Uint8Array([0, 1, 2, 255])}]);
  assert.is(stats.written, 301);
  for (const file of files) assert.is(fs.readFileSync(path.join(out, file.path), 'utf8'), file.contents, file.path);
  assert.equal([...fs.readFileSync(path.join(out, 'photo.bin'))], [0, 1, 2, 255]);
  assert.is((fs.readdirSync(out, {recursive: true}) as string[]).length, 7 + 7 * 12 + 300 * 2 + 1, 'nothing more: folders, story folders, pages and the photo');
});

test('should link unchanged files among new ones written behind, and match a fresh write', () => {
  const out = tempOut();
  const files = (version: string) =>
    Array.from({length: 200}, (_, n) => ({path: `section-${n % 9}/story-${n}/index.html`, contents: n % 3 === 2 ? `unchanged ${n}` : `story ${n}, version ${version}`}));
  let {state} = writeOutput(out, files('1'));
  // Unchanged files are linked (on this thread) into folders that are not made yet, while the changed ones are written behind.
  const {stats} = writeOutput(out, files('2'), state);
  assert.equal([stats.written, stats.linked], [134, 66]);
  for (const file of files('2')) assert.is(fs.readFileSync(path.join(out, file.path), 'utf8'), file.contents, file.path);
});

test('should report a failure on the writer\'s thread with the path, and keep the previous output', () => {
  const out = tempOut();
  writeOutput(out, [{path: 'index.html', contents: 'good'}]);
  const long = `${'n'.repeat(300)}.html`;
  const files = Array.from({length: 200}, (_, n) => ({path: n === 150 ? long : `page-${n}.html`, contents: 'new'}));
  assert.throws(
    () => writeOutput(out, files),
    (error: Error) => error instanceof OutputError && error.message === `could not write ${path.join(out, long)}: name too long (ENAMETOOLONG)`,
  );
  assert.equal(fs.readdirSync(out), ['index.html']);
  assert.is(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'good');
  assert.equal(fs.readdirSync(path.dirname(out)), ['dist'], 'no staging folder or lock is left');
  // A folder that cannot be made is reported on the file's output path too, never on the staging folder.
  const inFolder = `${'n'.repeat(300)}/index.html`;
  assert.throws(
    () => writeOutput(out, files.map((file, n) => (n === 150 ? {...file, path: inFolder} : file))),
    (error: Error) => error instanceof OutputError && error.message === `could not write ${path.join(out, inFolder)}: name too long (ENAMETOOLONG)`,
  );
  assert.equal(fs.readdirSync(path.dirname(out)), ['dist']);
});

test('should not delete the staging folder of a build that holds the lock', () => {
  const out = tempOut();
  const parent = path.dirname(out);
  writeOutput(out, [{path: 'index.html', contents: 'first'}]);
  // Another build is writing: it holds the lock and has a staging folder.
  fs.mkdirSync(path.join(parent, '.dist.tmp-other'));
  fs.writeFileSync(path.join(parent, '.dist.lock'), JSON.stringify({pid: process.ppid, host: os.hostname()}));
  assert.throws(() => writeOutput(out, [{path: 'index.html', contents: 'second'}], undefined, {waitMs: 200}), /another build .* is still using/);
  assert.ok(fs.existsSync(path.join(parent, '.dist.tmp-other')), "the other build's staging folder is still there");
  assert.is(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'first');
});

test('should keep unchanged files as they were, skip rendering by fingerprint, and match a fresh write', () => {
  const out = tempOut();
  const files = (version: string) => [
    {path: 'same.html', contents: 'unchanged'},
    {path: 'changes.html', contents: `version ${version}`},
    {path: 'lazy.html', key: 'fingerprint-1', render: () => 'lazy output'},
    ...(version === '1' ? [{path: 'gone/soon/index.html', contents: 'deleted later'}] : []),
  ];
  let renders = 0;
  const counted = (list: ReturnType<typeof files>) =>
    list.map((file) => ('render' in file ? {...file, render: () => (renders++, (file.render as () => string)())} : file));

  let {state, stats} = renderThenWrite(out, counted(files('1')));
  assert.is(stats.written, 4);
  assert.is(renders, 1);
  const before = fs.statSync(path.join(out, 'same.html'));

  ({state, stats} = renderThenWrite(out, counted(files('2')), state));
  assert.is(renders, 1, 'a matching fingerprint skips rendering');
  assert.equal([stats.written, stats.linked], [1, 2]);
  const after = fs.statSync(path.join(out, 'same.html'));
  assert.is(after.ino, before.ino, 'an unchanged file is the same file');
  assert.is(after.mtimeMs, before.mtimeMs);

  ({state, stats} = renderThenWrite(out, counted(files('3')), state));
  assert.is(stats.deleted, 1, 'the spare folder is brought up to date, stale files removed');
  assert.equal([stats.written, stats.kept], [1, 2], 'what the spare folder has as it is now is not touched');
  const fresh = tempOut();
  renderThenWrite(fresh, files('3'));
  const list = (dir: string) => (fs.readdirSync(dir, {recursive: true}) as string[]).sort();
  assert.equal(list(out), list(fresh), 'no stale files or empty folders remain');
  for (const name of list(fresh).filter((name) => name.endsWith('.html'))) {
    assert.is(fs.readFileSync(path.join(out, name), 'utf8'), fs.readFileSync(path.join(fresh, name), 'utf8'), name);
  }
  assert.is(fs.readFileSync(path.join(out, 'changes.html'), 'utf8'), 'version 3');
});

test('should render again a file removed from the output by hand since the last build', () => {
  const out = tempOut();
  let renders = 0;
  const files = [{path: 'a/page.html', key: 'same-fingerprint', render: () => (renders++, 'the page')}, {path: 'b.html', contents: 'b'}];
  // One build only: there is no spare folder to take the file from either.
  const {state} = renderThenWrite(out, files);
  fs.rmSync(path.join(out, 'a/page.html'));
  const {rendered, stats} = renderThenWrite(out, files, state);
  assert.is(rendered, 1);
  assert.is(renders, 2);
  assert.is(stats.linked, 1, 'b.html is linked as before');
  assert.is(fs.readFileSync(path.join(out, 'a/page.html'), 'utf8'), 'the page');
});

test('should never change the live output while updating the spare folder', () => {
  const out = tempOut();
  let {state} = writeOutput(out, [{path: 'a.html', contents: 'one'}]);
  ({state} = writeOutput(out, [{path: 'a.html', contents: 'one'}], state));
  // a.html in the output and in the spare folder may now be the same file (a hard link).
  const live = path.join(out, 'a.html');
  writeOutput(out, [{path: 'a.html', contents: 'two'}], state);
  assert.is(fs.readFileSync(live, 'utf8'), 'two');
  assert.is(fs.readFileSync(path.join(path.dirname(out), '.dist.spare', 'a.html'), 'utf8'), 'one', 'the previous output is intact');
});

test('should make a spare copy of a new output, so the next build touches only what changed', () => {
  const out = tempOut();
  const files = (version: string) => [
    {path: 'a/index.html', contents: 'a'},
    {path: 'b/c/index.html', contents: 'c'},
    {path: 'changes.html', contents: `version ${version}`},
  ];
  const first = writeOutput(out, files('1'));
  assert.is(first.state.spare, undefined, 'a first build leaves no spare');
  const live = fs.statSync(path.join(out, 'a/index.html'));
  const {state, files: linked} = prepareSpare(out, first.state);
  assert.is(linked, 3);
  const spare = path.join(path.dirname(out), '.dist.spare');
  assert.is(fs.statSync(path.join(spare, 'b/c/index.html')).ino, fs.statSync(path.join(out, 'b/c/index.html')).ino, 'the spare links the output');
  assert.equal(fs.statSync(path.join(out, 'a/index.html')).mtimeMs, live.mtimeMs, 'the output is not touched');
  assert.equal([...state.spare!.manifest], [...first.state.current!.manifest]);
  assert.is(prepareSpare(out, state).files, 0, 'a trusted spare is kept as it is');

  const second = writeOutput(out, files('2'), state);
  assert.equal([second.stats.written, second.stats.kept, second.stats.linked], [1, 2, 0], 'only the changed file is written; the spare had the rest');
  assert.is(fs.readFileSync(path.join(out, 'changes.html'), 'utf8'), 'version 2');
  assert.is(fs.readFileSync(path.join(spare, 'changes.html'), 'utf8'), 'version 1', 'the previous output is the spare now');
});

test.after(removeTempDirs);
test.run();
