/**
 * Publishing one story touches O(1) files: listing pages are numbered from the oldest, so a
 * new article changes each of its listings' first page (and at most adds one numbered page),
 * and related lists favour articles near in time. Built through the real CLI on a generated
 * 120-article site, once, then again after one new article, with the build cache on.
 */
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {root} from './helpers/config.ts';
import {removeTempDirs, snapshot, snapshotDifferences, tempDir} from './helpers/files.ts';
import {runCli} from './helpers/run-cli.ts';

/** The site folder, made in the suite's first test: other suites' clean-up removes every temporary folder when they end. */
let site = '';
const sections = ['World', 'Sport', 'Culture'];
const tags = ['Harbour', 'Ferries', 'Weather', 'Council', 'Rail'];
const story = (index: number): [string, string] => {
  const day = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  const tagList = [tags[index % 5], tags[(index * 3 + 1) % 5]].join(', ');
  return [`${day}-story-${index}.md`, `---\ntitle: "Story ${index}"\ndate: "${day}T09:00:00Z"\nsection: ${sections[index % 3]}\ntags: [${tagList}]\n---\n\nParagraph of story ${index}.\n`];
};

/** A 120-article site with sections and tags, five articles a listing page, no search. */
function makeSite(): void {
  site = tempDir();
  fs.cpSync(path.join(root, 'templates'), path.join(site, 'templates'), {recursive: true});
  fs.writeFileSync(path.join(site, 'dateline.config.yaml'), 'title: Stable\nurl: https://owner.github.io/repo/\nidBase: "tag:owner.github.io,2020:"\npageSize: 5\nsearch: false\n');
  fs.mkdirSync(path.join(site, 'articles'));
  for (let index = 0; index < 120; index++) fs.writeFileSync(path.join(site, 'articles', story(index)[0]), story(index)[1]);
}

const build = () => {
  const result = runCli(['build', '--now', '2021-01-01T00:00:00Z', '--verbose'], {cwd: site});
  assert.is(result.status, 0, result.stderr);
  return Number(/(\d+) files written/.exec(result.stdout + result.stderr)![1]);
};

test('should rewrite only a few files, and no older listing page, when one article is published', () => {
  makeSite();
  build();
  const before = snapshot(path.join(site, 'dist'));
  fs.writeFileSync(path.join(site, 'articles', story(120)[0]), story(120)[1]);
  const written = build();
  const after = snapshot(path.join(site, 'dist'));
  const changed = snapshotDifferences(before, after);
  const listingPages = changed.filter((file) => /(^|\/)page\/\d+\/index\.html$/.test(file));
  // Each listing the story is in (front page, section, two tags, author, year, month) may gain one numbered page
  // and change the link of the one before it; no other numbered page changes.
  assert.ok(listingPages.length <= 2 * 7, `numbered pages changed: ${listingPages.join(', ')}`);
  for (const file of listingPages) {
    const number = Number(/page\/(\d+)\//.exec(file)![1]);
    const listing = file.replace(/page\/\d+\/index\.html$/, '');
    const newest = Math.max(...[...after.keys()].filter((name) => name.startsWith(`${listing}page/`) && name.slice(listing.length).split('/').length === 3).map((name) => Number(/page\/(\d+)\//.exec(name)![1])));
    assert.ok(number >= newest - 1, `${file} is an older page of its listing (newest ${newest})`);
  }
  console.log(`stable-pages: ${written} files written, ${changed.length} changed, ${listingPages.length} numbered pages`);
  assert.ok(written < 100 && changed.length < 100, `${written} files written, ${changed.length} changed`);
  assert.ok(written <= changed.length + 5, `the writer wrote ${written} files for ${changed.length} changes`);
  const pages = [...after.keys()].filter((file) => file.endsWith('.html')).length;
  assert.ok(changed.length < pages / 4, `${changed.length} of ${pages} pages changed`);
});

test.after(removeTempDirs);
test.run();
