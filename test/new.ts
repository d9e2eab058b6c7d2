/** `dateline new` through the real command line, on temporary copies of the fixture site. */
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {copySite} from './helpers/copy-site.ts';
import {removeTempDirs, tempDir} from './helpers/files.ts';
import {runCliAsync} from './helpers/run-cli.ts';

// 20:30 UTC is already the next day in the fixture's Asia/Kolkata.
const now = '2021-03-04T20:30:00Z';

const buildAfter = ['--now', '2021-03-06T00:00:00Z'];

test('should create a dated Markdown draft in the site time zone, print its path and how to publish it', async () => {
  const cwd = copySite();
  const result = await runCliAsync(['new', 'Ferry strike: talks resume', '--section', 'Transport', '--now', now], {cwd});
  assert.is(result.status, 0, result.stderr);
  assert.is(result.stdout, 'articles/2021-03-05-ferry-strike-talks-resume.md\n');
  assert.is(result.stderr, 'It is a draft: `npm run serve` shows it, builds leave it out. To publish it, delete `draft: true` (line 5) and build.\n');
  const file = path.join(cwd, 'articles/2021-03-05-ferry-strike-talks-resume.md');
  const text = fs.readFileSync(file, 'utf8');
  assert.is(text, '---\ntitle: "Ferry strike: talks resume"\ndate: 2021-03-05T02:00:00+05:30\nsection: Transport\ndraft: true\n---\n\nWrite the story here, in Markdown.\n');

  // A draft: the build leaves it out (the fixture site has five published articles), without a word.
  const out = path.join(tempDir(), 'out');
  const draft = await runCliAsync(['build', '--out', out, ...buildAfter], {cwd});
  assert.is(draft.status, 0, draft.stderr);
  assert.match(draft.stdout, /^Built 5 articles, .*; no warnings\.$/m);
  assert.not.ok(fs.existsSync(path.join(out, '2021/03/ferry-strike-talks-resume')), 'the draft was published');

  // Published as the hint says, but still holding the placeholder: built, with a warning at its line.
  fs.writeFileSync(file, text.replace('draft: true\n', ''));
  const published = await runCliAsync(['build', '--out', out, ...buildAfter], {cwd});
  assert.is(published.status, 0, published.stderr);
  assert.match(published.stdout, /^Built 6 articles, .*; 1 warning\.$/m);
  assert.equal(
    published.stderr.split('\n').filter((line) => line.includes(': warning: ')),
    ['articles/2021-03-05-ferry-strike-talks-resume.md:7:1: warning: still holds the placeholder text `dateline new` wrote, and is not a draft: it would be published as it is; write the story in its place (or add `draft: true` until it is ready) (placeholder)'],
  );

  // The story written: no warning.
  fs.writeFileSync(file, text.replace('draft: true\n', '').replace('Write the story here, in Markdown.', 'Talks resumed at noon.'));
  const written = await runCliAsync(['build', '--out', out, ...buildAfter], {cwd});
  assert.match(written.stdout, /^Built 6 articles, .*; no warnings\.$/m);
});

test('should never overwrite: a taken slug gets -2, then -3', async () => {
  const cwd = copySite();
  const first = await runCliAsync(['new', 'Winter market opens', '--now', now], {cwd});
  const second = await runCliAsync(['new', 'Winter market opens', '--now', now], {cwd});
  const third = await runCliAsync(['new', 'Winter market opens', '--now', now], {cwd});
  assert.is(first.stdout, 'articles/2021-03-05-winter-market-opens-2.md\n', 'the fixture already has winter-market-opens');
  assert.is(second.stdout, 'articles/2021-03-05-winter-market-opens-3.md\n');
  assert.is(third.stdout, 'articles/2021-03-05-winter-market-opens-4.md\n');
});

test('should write wire copy with --txt as a draft, the headline under its front matter, into --articles DIR', async () => {
  const cwd = copySite();
  const result = await runCliAsync(['new', '  Café owners <protest> rents ', '--txt', '--articles', 'wire', '--now', now], {cwd});
  assert.is(result.status, 0, result.stderr);
  assert.is(result.stdout, 'wire/2021-03-05-cafe-owners-protest-rents.txt\n');
  assert.match(result.stderr, /delete `draft: true` \(line 2\)/);
  const file = path.join(cwd, 'wire/2021-03-05-cafe-owners-protest-rents.txt');
  const text = fs.readFileSync(file, 'utf8');
  // Wire copy says it is a draft the one way a .txt file can: front matter above the headline.
  assert.is(text, '---\ndraft: true\n---\nCafé owners <protest> rents\n\nWrite the story here, in plain text. Separate paragraphs with a blank line.\n');
  const out = path.join(tempDir(), 'out');
  const draft = await runCliAsync(['build', '--articles', 'wire', '--out', out, ...buildAfter], {cwd});
  assert.is(draft.status, 0, draft.stderr);
  assert.match(draft.stdout, /^Built 0 articles,/);
  fs.writeFileSync(file, text.replace('draft: true\n', ''));
  const published = await runCliAsync(['build', '--articles', 'wire', '--out', out, ...buildAfter], {cwd});
  assert.is(published.status, 0, published.stderr);
  assert.match(published.stdout, /^Built 1 article,.*; 1 warning\.$/m);
  assert.match(published.stderr, /^wire\/2021-03-05-cafe-owners-protest-rents\.txt:5:1: warning: still holds the placeholder text .* \(placeholder\)$/m);
  assert.match(fs.readFileSync(path.join(out, '2021/03/cafe-owners-protest-rents/index.html'), 'utf8'), /<h1>Café owners &#x3C;protest> rents<\/h1>|<h1>Café owners &lt;protest&gt; rents<\/h1>/);
});

test('should refuse a missing headline and explain usage; --help prints it', async () => {
  const missing = await runCliAsync(['new'], {cwd: copySite()});
  assert.is(missing.status, 2);
  assert.match(missing.stderr, /give the headline/);
  const help = await runCliAsync(['new', '--help']);
  assert.is(help.status, 0);
  assert.match(help.stdout, /^Usage: dateline new "Headline"/);
});

test.after(removeTempDirs);
test.run();
