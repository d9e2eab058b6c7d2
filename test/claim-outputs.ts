/**
 * One owner per output path: the registry itself, and the build through the real command
 * line, where articles that would take Dateline's own paths fail, and a warm build after
 * the fix equals a cold one.
 */
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {articleOwner, describeClash, OutputClaims, reservedPaths} from '../scripts/lib/plan/claim-outputs.ts';
import {testConfig} from './helpers/config.ts';
import {copySite} from './helpers/copy-site.ts';
import {removeTempDirs, snapshot, snapshotDifferences, tempDir} from './helpers/files.ts';
import {runCliAsync} from './helpers/run-cli.ts';

const story = articleOwner({source: 'articles/story.md', path: 'story/'});
const other = articleOwner({source: 'articles/other.md', path: 'Story/'});

/** A registry holding Dateline's reserved paths, as the build starts it. */
function registry(config = testConfig({cname: 'news.example.com'})): OutputClaims {
  const claims = new OutputClaims();
  for (const reserved of reservedPaths(config)) assert.is(claims.claim(reserved.path, reserved.owner), undefined, reserved.path);
  return claims;
}

test('should give each path one owner, folding case and Unicode normalization', () => {
  const claims = registry();
  assert.is(claims.claim('story/index.html', story), undefined);
  assert.is(claims.claim('story/index.html', story), undefined, 'the same owner may name its path again');
  const clash = claims.claim('Story/index.html', other);
  assert.is(clash?.kind, 'case');
  assert.is(describeClash(clash!).rule, 'duplicate-slug');
  assert.is(claims.claim('caf\u00e9/index.html', story), undefined);
  assert.is(claims.claim('cafe\u0301/index.html', other)?.kind, 'case', 'NFD and NFC are one name on macOS');
});

test("should keep Dateline's folders and files for Dateline", () => {
  const claims = registry();
  for (const [at, owner] of [
    ['search/index.html', 'the search page'],
    ['tag/index.html', 'the tag pages and feeds'],
    ['section/world/index.html', 'the section pages and feeds'],
    ['page/index.html', "the front page's later pages"],
    ['archive/index.html', 'the archive pages and feeds'],
    ['assets/x/index.html', "the theme's files (templates/assets/)"],
    ['cname/index.html', 'the custom domain (config `cname`)'],
  ] as const) {
    const clash = claims.claim(at, story);
    assert.ok(clash, at);
    assert.is(clash.holder.owner.name, owner, at);
    assert.is(describeClash(clash).rule, 'reserved-path', at);
  }
  // Dateline's own files inside its folders are its own.
  assert.is(claims.claim('tag/harbour/index.html', claims.ownerOf('tag/harbour/index.html')!), undefined);
  assert.is(claims.ownerOf('tag/harbour/feed.xml')?.name, 'the tag pages and feeds');
  assert.is(claims.ownerOf('2020/01/story/index.html'), undefined);
});

test("should grant the last build's claims again while they repeat, and check every claim from the first that differs", () => {
  const ferry = articleOwner({source: 'articles/ferry.md', path: 'ferry/'});
  const last = registry();
  assert.is(last.claim('story/index.html', story), undefined);
  assert.is(last.claim('ferry/index.html', ferry), undefined);
  assert.is(last.claim('tag/harbour/index.html', last.ownerOf('tag/harbour/index.html')!), undefined);
  assert.is(last.claim('late/index.html', ferry), undefined);

  // The same claims: granted, and the registry answers as the last one did.
  const same = OutputClaims.after(last);
  for (const reserved of reservedPaths(testConfig({cname: 'news.example.com'}))) assert.is(same.claim(reserved.path, reserved.owner), undefined);
  assert.is(same.claim('story/index.html', story), undefined);
  assert.is(same.claim('ferry/index.html', ferry), undefined);
  assert.is(same.ownerOf('tag/harbour/index.html')?.name, 'the tag pages and feeds');
  // A path the last build claimed later, not yet claimed in this one, has no owner yet.
  assert.is(same.ownerOf('late/index.html'), undefined);
  // From the first difference on, claims are checked against this build's claims so far.
  const clash = same.claim('Story/index.html', other);
  assert.is(clash?.kind, 'case', 'a clash with a repeated claim is found');
  assert.is(clash?.holder.owner.name, 'articles/story.md');
  assert.is(same.claim('late/index.html', other), undefined, "the last build's later claim is not this build's");
  assert.is(same.claim('tag/x/index.html', story)?.kind, 'inside', 'the reserved folders still hold');

  // A registry after one that stopped repeating takes what that one granted, in its order.
  const next = OutputClaims.after(same);
  for (const reserved of reservedPaths(testConfig({cname: 'news.example.com'}))) assert.is(next.claim(reserved.path, reserved.owner), undefined);
  assert.is(next.claim('story/index.html', story), undefined);
  assert.is(next.claim('ferry/index.html', ferry), undefined);
  assert.is(next.claim('late/index.html', other), undefined);
  assert.is(next.claim('Late/index.html', story)?.holder.owner.name, 'articles/other.md', 'a claim granted again holds against a new one');
});

test("should give a covered claim its cover's owner, and while claims repeat, the same owner as the last build's", () => {
  const fallback = () => ({name: "Dateline's extra.txt"});
  const last = registry();
  assert.is(last.claimCovered('tag/harbour/index.html', fallback), undefined);
  assert.is(last.claimCovered('extra.txt', fallback), undefined);
  assert.is(last.claimCovered('extra/notes.txt', fallback), undefined);
  assert.is(last.ownerOf('tag/harbour/index.html')?.name, 'the tag pages and feeds');
  assert.is(last.ownerOf('extra.txt')?.name, "Dateline's extra.txt");

  const same = OutputClaims.after(last);
  for (const reserved of reservedPaths(testConfig({cname: 'news.example.com'}))) same.claim(reserved.path, reserved.owner);
  assert.is(same.claimCovered('tag/harbour/index.html', fallback), undefined);
  assert.is(same.claimCovered('extra.txt', fallback), undefined);
  assert.is(same.ownerOf('extra.txt')?.name, "Dateline's extra.txt");
  // An article claiming the same path after it clashes with the covered claim.
  assert.is(same.claim('extra.txt', story)?.holder.owner.name, "Dateline's extra.txt");

  // A build whose claims differ before a covered one looks its owner up again: here an article's folder covers it.
  const changed = OutputClaims.after(last);
  assert.is(changed.claim('extra/', story), undefined, 'the first claim differs: the registry is made anew');
  assert.is(changed.claimCovered('extra/notes.txt', fallback), undefined);
  assert.is(changed.ownerOf('extra/notes.txt')?.name, 'articles/story.md');
});

test("should take a batch on trust only when it and every batch before it are the last clean build's, and still find a later clash", () => {
  const config = testConfig({cname: 'news.example.com'});
  const articles = [
    {path: 'story/index.html', owner: story},
    {path: 'ferry/index.html', owner: articleOwner({source: 'articles/ferry.md', path: 'ferry/'})},
  ];
  const planned = [{path: 'tag/harbour/index.html', fallback: () => ({name: "Dateline's tag/harbour/index.html"})}];
  // The last clean build: every batch checked (no signatures yet), its signatures kept.
  const first = OutputClaims.after(undefined, undefined);
  assert.not.ok(first.trust(reservedPaths(config)));
  for (const claim of reservedPaths(config)) assert.is(first.claim(claim.path, claim.owner), undefined);
  assert.not.ok(first.trust(articles));
  for (const claim of articles) assert.is(first.claim(claim.path, claim.owner), undefined);
  assert.not.ok(first.trust(planned));
  const signatures = first.signatures()!;
  assert.is(signatures.length, 3);

  // The same batches in a new process: each granted without a look, and the registry answers as before.
  const same = OutputClaims.after(undefined, signatures);
  assert.ok(same.trust(reservedPaths(config)));
  assert.ok(same.trust(articles));
  assert.ok(same.trust(planned));
  assert.equal(same.signatures(), signatures);
  assert.is(same.ownerOf('ferry/index.html')?.name, 'articles/ferry.md');
  assert.is(same.ownerOf('tag/harbour/index.html')?.name, 'the tag pages and feeds', 'a covered claim takes its cover');
  assert.is(same.claim('Story/index.html', other)?.holder.owner.name, 'articles/story.md', 'a clash with a trusted claim is found');

  // A batch that differs is not taken, nor is any after it, though that one repeats.
  const moved = OutputClaims.after(undefined, signatures);
  assert.ok(moved.trust(reservedPaths(config)));
  const renamed = [articles[0]!, {path: 'Story/index.html', owner: other}];
  assert.not.ok(moved.trust(renamed));
  assert.is(moved.claim(renamed[0]!.path, renamed[0]!.owner), undefined);
  assert.is(moved.claim(renamed[1]!.path, renamed[1]!.owner)?.kind, 'case', 'the differing batch is checked claim by claim');
  assert.not.ok(moved.trust(planned), 'a later batch repeats, but follows one that differed');
});
test('should refuse a file where another owner needs a folder, and the other way round', () => {
  const claims = new OutputClaims();
  assert.is(claims.claim('a/b/index.html', story), undefined);
  assert.is(claims.claim('A/B', other)?.kind, 'inside');
  assert.is(claims.claim('x', story), undefined);
  assert.is(claims.claim('X/index.html', other)?.kind, 'inside');
  assert.is(claims.claim('kept/', {name: 'the kept folder'}), undefined);
  assert.is(claims.claim('kept/a.txt', story)?.kind, 'inside');
  const late = new OutputClaims();
  assert.is(late.claim('kept/a.txt', story), undefined);
  assert.is(late.claim('kept/', {name: 'the kept folder'})?.kind, 'inside', 'a folder kept whole after another owner wrote in it');
});

test('should leave search/ to articles when search is off', () => {
  const claims = registry(testConfig({search: false}));
  assert.is(claims.claim('search/index.html', story), undefined);
  assert.is(claims.claim('cname/index.html', other), undefined, 'no CNAME without `cname`');
});

/** The articles that want Dateline's own URLs with `permalink: ":slug/"`. */
const intruders = ['search', 'archive', 'page', 'tag'];

test('should fail on articles at reserved URLs, keep dist/, and after the fix build warm what a cold build makes', async () => {
  const cwd = copySite();
  fs.appendFileSync(path.join(cwd, 'dateline.config.yaml'), '\npermalink: ":slug/"\n');
  const flags = ['--now', '2030-01-01T00:00:00Z'];
  const build = (extra: string[] = []) => runCliAsync(['build', ...flags, ...extra], {cwd});
  // Two good builds first: the output and its spare folder are both known to the cache.
  for (const run of ['first', 'second']) {
    const result = await build();
    assert.is(result.status, 0, `${run} build: ${result.stderr}`);
  }
  const good = snapshot(path.join(cwd, 'dist'));

  const files = intruders.map((slug, index) => path.join(cwd, 'articles', `2020-01-0${index + 1}-${slug}-story.md`));
  intruders.forEach((slug, index) => fs.writeFileSync(files[index]!, `---\ntitle: "About ${slug}"\ndate: "2020-01-0${index + 1}T09:00:00Z"\nslug: ${slug}\n---\n\nBody.\n`));
  for (const run of ['first', 'second']) {
    const result = await build();
    assert.is(result.status, 1, `${run} build with the intruders: ${result.stderr}`);
    for (const [index, slug] of intruders.entries()) {
      assert.match(result.stderr, new RegExp(`^articles/2020-01-0${index + 1}-${slug}-story\\.md:4:1: error: URL ${slug}/ is reserved by Dateline for .*\\(reserved-path\\)$`, 'm'));
    }
    assert.equal(snapshotDifferences(good, snapshot(path.join(cwd, 'dist'))), [], `${run} failed build changed dist/`);
  }
  const check = await runCliAsync(['check', ...flags], {cwd});
  assert.is(check.status, 1, 'check reports it too');
  assert.match(check.stderr, /URL search\/ is reserved by Dateline for the search page/);

  for (const file of files) fs.rmSync(file);
  const warm = await build();
  assert.is(warm.status, 0, warm.stderr);
  const cold = path.join(tempDir(), 'cold');
  const fresh = await build(['--no-cache', '--out', cold]);
  assert.is(fresh.status, 0, fresh.stderr);
  const warmFiles = snapshot(path.join(cwd, 'dist'));
  const coldFiles = snapshot(cold);
  assert.equal([...warmFiles.keys()], [...coldFiles.keys()]);
  assert.equal(snapshotDifferences(warmFiles, coldFiles), [], 'the warm build differs from the cold one');
  assert.match(fs.readFileSync(path.join(cwd, 'dist/search/index.html'), 'utf8'), /<title>Search · /);
});

test.after(removeTempDirs);
test.run();
