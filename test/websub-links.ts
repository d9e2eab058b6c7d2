/** `websubHub`: every feed, in every format, links the hub and itself; without it, no feed names a hub. */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {XMLParser} from 'fast-xml-parser';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {fixture} from './helpers/config.ts';
import {copySite} from './helpers/copy-site.ts';
import {listFiles, removeTempDirs, tempDir} from './helpers/files.ts';
import {runCliAsync} from './helpers/run-cli.ts';

const hub = 'https://hub.example.net/websub?x=1&y=2';
const now = ['--now', '2021-03-06T00:00:00Z'];
const xml = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'link' || name === 'atom:link'});

type Link = {rel?: string; href?: string};

async function build(settings: string): Promise<{out: string; url: string; feeds: string[]}> {
  const cwd = copySite();
  fs.appendFileSync(path.join(cwd, 'dateline.config.yaml'), `\n${settings}\n`);
  const out = path.join(tempDir(), 'out');
  const result = await runCliAsync(['build', '--out', out, '--url', 'https://news.example.org/paper/', ...now], {cwd});
  assert.is(result.status, 0, result.stderr);
  return {out, url: 'https://news.example.org/paper/', feeds: listFiles(out).filter((file) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file))};
}

test.after(removeTempDirs);

test('should link the hub and the document itself from every RSS, Atom and JSON feed', async () => {
  const {out, url, feeds} = await build(`websubHub: ${JSON.stringify(hub)}`);
  assert.ok(feeds.some((file) => file.startsWith('section/')) && feeds.some((file) => file.startsWith('archive/')), feeds.join(' '));
  for (const file of feeds) {
    const text = fs.readFileSync(path.join(out, file), 'utf8');
    const self = new URL(file, url).href;
    if (file.endsWith('.json')) {
      const json = JSON.parse(text) as {hubs?: {type: string; url: string}[]; feed_url?: string};
      assert.equal(json.hubs, [{type: 'WebSub', url: hub}], file);
      assert.is(json.feed_url, self, file);
      continue;
    }
    const links: Link[] = file.endsWith('atom.xml') ? (xml.parse(text).feed.link as Link[]) : (xml.parse(text).rss.channel['atom:link'] as Link[]);
    assert.equal(links.filter((link) => link.rel === 'hub').map((link) => link.href), [hub], `${file}: one hub link`);
    assert.equal(links.filter((link) => link.rel === 'self').map((link) => link.href), [self], `${file}: its self link`);
  }
  // Still valid Atom (RFC 4287 allows any link relation).
  const atoms = feeds.filter((file) => file.endsWith('atom.xml')).map((file) => path.join(out, file));
  const run = spawnSync('jing', ['-c', fixture('schemas', 'atom.rnc'), ...atoms], {encoding: 'utf8'});
  const problems = (run.stdout + run.stderr).split('\n').filter((line) => line && !line.startsWith('[warning] /usr/bin/jing'));
  assert.equal(problems, []);
});

test('should name no hub without websubHub', async () => {
  const {out, feeds} = await build('');
  for (const file of feeds) assert.not.match(fs.readFileSync(path.join(out, file), 'utf8'), /rel="hub"|"hubs"/, file);
});

test.run();
