/**
 * Stable identity: an item's id never changes when the article is edited, when its slug
 * changes (front matter `id` set), or when the site moves to another domain and sub-path;
 * editing changes `updated`, never `published`.
 */
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildSite} from '../scripts/lib/build/build-site.ts';
import {parsers} from './helpers/feeds.ts';
import {root} from './helpers/config.ts';
import {removeTempDirs, tempDir} from './helpers/files.ts';

function site(url: string, slug: string, edited: boolean): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'articles'));
  fs.writeFileSync(path.join(dir, 'dateline.config.yaml'), `title: Identity Times\nurl: ${url}\nidBase: "tag:identity.example,2017:"\ntemplatesDir: ${JSON.stringify(path.join(root, 'templates'))}\n`);
  fs.writeFileSync(
    path.join(dir, 'articles', 'budget.md'),
    `---\ntitle: Budget vote\ndate: "2017-01-12T22:40:00Z"\n${edited ? 'updated: "2017-01-13T08:00:00Z"\n' : ''}slug: ${slug}\nid: budget-vote\nsection: Politics\n---\n\n${edited ? 'The council approved the budget, 7 votes to 4.' : 'The council approved the budget.'}\n`,
  );
  fs.writeFileSync(path.join(dir, 'articles', 'ferry.md'), `---\ntitle: Ferry timetable\ndate: "2017-01-05T09:00:00Z"\nsection: Politics\n---\n\nNew times.\n`);
  // A February article closes January, whose archive then holds both.
  fs.writeFileSync(path.join(dir, 'articles', 'later.md'), `---\ntitle: Later\ndate: "2017-02-05T09:00:00Z"\n---\n\nLater.\n`);
  return dir;
}

/** Id, link, published and updated of every item of the feeds that carry both articles, by parser. */
async function items(url: string, slug: string, edited: boolean) {
  const out = path.join(tempDir(), 'out');
  assert.ok((await buildSite({cwd: site(url, slug, edited), out, env: {}, now: '2020-01-01T00:00:00Z', noCache: true})).ok);
  const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8');
  const result: Record<string, {id: string; link: string; published: number}[]> = {};
  for (const file of ['feed.xml', 'atom.xml', 'feed.json', 'section/politics/atom.xml', 'archive/2017/01/feed.xml']) {
    const feed = await parsers[file.endsWith('.json') ? 'json' : 'xml'][0]!.read(read(file));
    result[file] = feed.items.filter((item) => !item.id.endsWith(':later')).map(({id, link, published}) => ({id, link, published}));
  }
  const atom = read('atom.xml');
  return {result, updated: [...atom.matchAll(/<entry>[\s\S]*?<id>([^<]+)<\/id>[\s\S]*?<updated>([^<]+)<\/updated>/g)].filter((match) => !match[1]!.endsWith(':later')).map((match) => match[2])};
}

test.after(() => removeTempDirs());

test('should keep ids and published dates when an article is edited, renamed and the site moves', async () => {
  const before = await items('https://a.example/news/', 'budget', false);
  const after = await items('https://b.example/other/path/', 'budget-vote-2017', true);
  for (const [file, list] of Object.entries(before.result)) {
    const moved = after.result[file]!;
    assert.equal(
      moved.map((item) => item.id),
      ['tag:identity.example,2017:budget-vote', 'tag:identity.example,2017:ferry'],
      `${file}: ids`,
    );
    assert.equal(
      moved.map((item) => item.id),
      list.map((item) => item.id),
      `${file}: ids unchanged`,
    );
    assert.equal(
      moved.map((item) => item.published),
      list.map((item) => item.published),
      `${file}: published unchanged`,
    );
    assert.equal(
      moved.map((item) => item.link),
      ['https://b.example/other/path/2017/01/budget-vote-2017/', 'https://b.example/other/path/2017/01/ferry/'],
      `${file}: links follow the site`,
    );
  }
  assert.equal(before.updated, ['2017-01-12T22:40:00.000Z', '2017-01-05T09:00:00.000Z']);
  assert.equal(after.updated, ['2017-01-13T08:00:00.000Z', '2017-01-05T09:00:00.000Z'], 'editing changes updated');
});

test.run();
