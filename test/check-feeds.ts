import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {checkFeeds, jsonProblem, xmlProblem} from '../scripts/lib/check/check-feeds.ts';
import {removeTempDirs, tempDir} from './helpers/files.ts';

test('should accept well-formed feeds', () => {
  assert.is(xmlProblem('<?xml version="1.0"?><rss version="2.0"><channel><title>a &amp; b</title></channel></rss>'), undefined);
  assert.is(jsonProblem('{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[]}'), undefined);
});

test('should name what is wrong with a malformed feed, per file', () => {
  const out = tempDir();
  fs.writeFileSync(path.join(out, 'feed.xml'), '<rss><channel><title>Fish & chips</title></channel></rss>');
  fs.writeFileSync(path.join(out, 'atom.xml'), '<feed><entry></feed>');
  fs.writeFileSync(path.join(out, 'feed.json'), '{"version": "1.1", "items": [}');
  const problems = checkFeeds(out, ['atom.xml', 'feed.json', 'feed.xml']);
  assert.equal(problems.map((problem) => [problem.page, problem.rule]), [['atom.xml', 'feed'], ['feed.json', 'feed'], ['feed.xml', 'feed']]);
  assert.ok(problems.every((problem) => problem.reason.startsWith('feed is not well-formed: ')));
  assert.match(problems[1]!.reason, /JSON/);
  assert.match(jsonProblem('{"title": "no items"}') ?? '', /needs "version" and "items"/);
});

test.after(removeTempDirs);
test.run();
