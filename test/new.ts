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

test('should create a dated Markdown article in the site time zone and print its path', async () => {
  const cwd = copySite();
  const result = await runCliAsync(['new', 'Ferry strike: talks resume', '--section', 'Transport', '--now', now], {cwd});
  assert.is(result.status, 0, result.stderr);
  assert.is(result.stdout, 'articles/2021-03-05-ferry-strike-talks-resume.md\n');
  assert.is(
    fs.readFileSync(path.join(cwd, 'articles/2021-03-05-ferry-strike-talks-resume.md'), 'utf8'),
    '---\ntitle: "Ferry strike: talks resume"\ndate: 2021-03-05T02:00:00+05:30\nsection: Transport\n---\n\nWrite the story here, in Markdown.\n',
  );
  const build = await runCliAsync(['build', '--out', path.join(tempDir(), 'out'), '--now', '2021-03-06T00:00:00Z'], {cwd});
  assert.is(build.status, 0, build.stderr);
  assert.match(build.stdout, /^Built 6 articles/);
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

test('should write wire copy with --txt, headline on the first line, into --articles DIR', async () => {
  const cwd = copySite();
  const result = await runCliAsync(['new', '  Café owners <protest> rents ', '--txt', '--articles', 'wire', '--now', now], {cwd});
  assert.is(result.status, 0, result.stderr);
  assert.is(result.stdout, 'wire/2021-03-05-cafe-owners-protest-rents.txt\n');
  const text = fs.readFileSync(path.join(cwd, 'wire/2021-03-05-cafe-owners-protest-rents.txt'), 'utf8');
  assert.is(text.split('\n')[0], 'Café owners <protest> rents');
  const build = await runCliAsync(['build', '--articles', 'wire', '--out', path.join(tempDir(), 'out'), '--now', '2021-03-06T00:00:00Z'], {cwd});
  assert.is(build.status, 0, build.stderr);
  assert.match(build.stdout, /^Built 1 article,/);
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
