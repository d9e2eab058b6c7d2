/**
 * Faults through the real command: a build killed with SIGKILL while it writes, two builds
 * into one output folder at once, an output folder that cannot be created, and articles far
 * larger than usual. The output folder must always be a complete build — the previous one or
 * the new one, never a mix — and the next build must succeed.
 */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {listFiles, removeTempDirs, snapshot, snapshotDifferences, tempDir} from './helpers/files.ts';
import {runCliAsync} from './helpers/run-cli.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
/** tsx as a loader of node itself: one process, so SIGKILL hits the build (the `tsx` command forks a child). */
const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const cli = path.join(root, 'scripts', 'cli.ts');
const now = ['--now', '2030-01-01T00:00:00Z'];

/** Articles in the generated corpus: enough that writing takes a while. */
const CORPUS_SIZE = 600;

/** A site of `CORPUS_SIZE` small articles whose second paragraph is `marker`. */
function corpus(marker: string): string {
  const site = tempDir();
  fs.mkdirSync(path.join(site, 'articles'));
  fs.writeFileSync(path.join(site, 'dateline.config.yaml'), `title: Corpus\nurl: https://owner.github.io/repo/\nidBase: "tag:corpus.example,2020:"\ntemplatesDir: ${JSON.stringify(path.join(root, 'templates'))}\n`);
  writeCorpus(site, marker);
  return site;
}

function writeCorpus(site: string, marker: string): void {
  for (let index = 0; index < CORPUS_SIZE; index++) {
    const date = new Date(Date.UTC(2019, 0, 1) + index * 7 * 3_600_000).toISOString();
    const body = `---\ntitle: "Story ${index}"\ndate: "${date}"\ntags: [t${index % 20}]\nsection: s${index % 5}\n---\n\nStory ${index} begins.\n\n${marker}\n`;
    fs.writeFileSync(path.join(site, 'articles', `${date.slice(0, 10)}-story-${index}.md`), body);
  }
}

/** Whether `out` holds a whole build of the corpus with `marker`: the same files as `reference`, none with another marker. */
function isWholeBuild(out: string, files: readonly string[], marker: string, other: string): boolean {
  // The search index's files are named by their content's hash, so they differ between versions.
  const stable = (list: readonly string[]) => list.filter((file) => !file.startsWith('pagefind/'));
  const now = listFiles(out);
  if (stable(now).join('\n') !== stable(files).join('\n')) return false;
  return now.filter((file) => file.endsWith('.html')).every((file) => {
    const html = fs.readFileSync(path.join(out, file), 'utf8');
    return !html.includes(other) && (!/^\d{4}\//.test(file) || html.includes(marker));
  });
}

/** Files next to the output folder other than the writer's spare folder (the build before last). */
function leftovers(out: string): string[] {
  return fs.readdirSync(path.dirname(out)).filter((name) => name !== path.basename(out) && name !== `.${path.basename(out)}.spare`);
}

/** An article page from the middle of the corpus. */
function middlePage(files: readonly string[]): string {
  const pages = files.filter((file) => /^\d{4}\/\d{2}\/story-/.test(file));
  return pages[Math.floor(pages.length / 2)]!;
}

/** Entries of a folder that may vanish meanwhile (a build's staging folder). */
function entries(folder: string): number {
  try {
    return fs.readdirSync(folder).length;
  } catch {
    return 0;
  }
}

/**
 * Start a build and SIGKILL it once its staging folder is part-written: by default once it holds
 * a few entries, or when `ready(staging)` says so (or it ends first).
 */
function killWhileWriting(site: string, out: string, ready = (staging: string) => !staging.endsWith('.spare') && entries(staging) >= 3): Promise<NodeJS.Signals | null> {
  const parent = path.dirname(out);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', loader, cli, 'build', '--out', out, ...now], {cwd: site, stdio: 'ignore'});
    const timer = setInterval(() => {
      // The writer stages into a fresh `.tmp-` folder, or updates its spare folder.
      const base = path.basename(out);
      const candidates = fs.readdirSync(parent).filter((name) => name.startsWith(`.${base}.tmp-`) || name === `.${base}.spare`);
      const kill = candidates.some((name) => {
        try {
          return ready(path.join(parent, name));
        } catch {
          return false; // The file is not written yet, or the folder was just swapped in.
        }
      });
      if (kill) child.kill('SIGKILL');
    }, 2);
    child.on('close', (_code, signal) => {
      clearInterval(timer);
      resolve(signal);
    });
  });
}

test.after(() => {
  removeTempDirs();
});

test('should keep the previous output whole when a build is killed while writing, and build again after', async () => {
  const site = corpus('First version.');
  const out = path.join(tempDir(), 'dist');
  const first = await runCliAsync(['build', '--out', out, ...now], {cwd: site});
  assert.is(first.status, 0, first.stderr);
  const before = snapshot(out);
  const files = [...before.keys()];
  assert.ok(files.length > CORPUS_SIZE);

  writeCorpus(site, 'Second version.');
  const signal = await killWhileWriting(site, out);
  // Killed before its swap, the previous build is untouched; a build that won the race is whole.
  if (signal === 'SIGKILL') {
    assert.equal(snapshotDifferences(before, snapshot(out)), [], 'the killed build changed the output');
    // It died mid-write: its staging folder and its lock (with a pid that no longer runs) are left for the next build to clear.
    assert.ok(fs.readdirSync(path.dirname(out)).some((name) => name.startsWith('.dist.tmp-')), 'the build was not killed while writing');
    assert.ok(fs.existsSync(path.join(path.dirname(out), '.dist.lock')), 'the killed build held the lock');
  }
  else assert.ok(isWholeBuild(out, files, 'Second version.', 'First version.'), 'a finished build left a mix');

  // Two builds at once into the same folder, right after the kill: both succeed, one after the other.
  const [a, b] = await Promise.all([runCliAsync(['build', '--out', out, ...now], {cwd: site}), runCliAsync(['build', '--out', out, ...now], {cwd: site})]);
  assert.is(a.status, 0, a.stderr);
  assert.is(b.status, 0, b.stderr);
  assert.ok(isWholeBuild(out, files, 'Second version.', 'First version.'), 'the output is not one whole new build');
  assert.equal(leftovers(out), [], 'staging folders, backups or the lock were left behind');
  // One more build, alone, so the build cache knows both the output and the spare folder.
  const settled = await runCliAsync(['build', '--out', out, ...now], {cwd: site});
  assert.is(settled.status, 0, settled.stderr);
  const second = snapshot(out);

  // The writer now reuses its spare folder (the build before last, also the second version).
  // Kill a build while it updates it, then build the second version again: the result must be
  // exactly the second version, not its files mixed with the killed build's.
  writeCorpus(site, 'Third version.');
  await killWhileWriting(site, out, (staging) => fs.readFileSync(path.join(staging, middlePage(files)), 'utf8').includes('Third version.'));
  writeCorpus(site, 'Second version.');
  const again = await runCliAsync(['build', '--out', out, ...now], {cwd: site});
  assert.is(again.status, 0, again.stderr);
  assert.equal(snapshotDifferences(second, snapshot(out)), [], 'a build after a killed one differs from the same build before it');
  assert.equal(leftovers(out), []);
});

test('should report an output folder that cannot be created, with its path', async () => {
  const parent = tempDir();
  fs.writeFileSync(path.join(parent, 'file'), 'not a folder');
  const out = path.join(parent, 'file', 'dist');
  const result = await runCliAsync(['build', '--out', out, ...now], {cwd: path.join(root, 'test/fixtures/site')});
  assert.is(result.status, 1, result.stderr);
  assert.is(result.stdout, '');
  const lines = result.stderr.trimEnd().split('\n');
  assert.ok(lines.includes(`${out}: error: could not write ${out}: ${path.join(parent, 'file')} is a file, not a folder (write)`), result.stderr);
  assert.is(lines.at(-1), 'Build failed: 1 error; nothing was written, the previous output is unchanged.');
  assert.not.match(result.stderr, /\n\s+at /, 'no stack trace');
});

test('should publish a single 1 MB line, and refuse a 50 MB article without reading it', async () => {
  const site = tempDir();
  const articles = path.join(site, 'articles');
  fs.mkdirSync(articles);
  fs.writeFileSync(path.join(site, 'dateline.config.yaml'), `idBase: "tag:faults.example,2020:"\ntemplatesDir: ${JSON.stringify(path.join(root, 'templates'))}\n`);
  const line = 'word '.repeat(200_000).trim();
  fs.writeFileSync(path.join(articles, '2020-01-01-long-line.md'), `---\ntitle: "One long line"\ndate: "2020-01-01"\n---\n\n${line}\n`);
  fs.writeFileSync(path.join(articles, '2020-01-02-long-wire.txt'), `A wire story on one line\n\n${line}\n`);
  const out = path.join(tempDir(), 'dist');
  const built = await runCliAsync(['build', '--out', out, ...now], {cwd: site});
  assert.is(built.status, 0, built.stderr);
  for (const page of ['2020/01/long-line/index.html', '2020/01/long-wire/index.html']) {
    assert.ok(fs.readFileSync(path.join(out, page), 'utf8').includes(line), `${page} has the whole line`);
  }

  const huge = fs.openSync(path.join(articles, '2020-01-03-huge.md'), 'w');
  const chunk = Buffer.from(`${'All work and no play. '.repeat(45_000)}\n`);
  for (let written = 0; written < 50_000_000; written += chunk.length) fs.writeSync(huge, chunk);
  fs.ftruncateSync(huge, 50_000_000);
  fs.closeSync(huge);
  const refused = await runCliAsync(['build', '--out', out, ...now], {cwd: site});
  assert.is(refused.status, 1);
  assert.is(
    refused.stderr,
    'articles/2020-01-03-huge.md: error: too large: 50.0 MB, over the 10.0 MB limit; split the article, or raise `maxArticleBytes` in the config (too-large)\n' +
      'Build failed: 1 error; nothing was written, the previous output is unchanged.\n',
  );
});

test.run();
