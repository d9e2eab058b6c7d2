import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {buildSite} from '../scripts/lib/build/build-site.ts';
import {loadConfig} from '../scripts/lib/config/config.ts';
import {fixture} from './helpers/config.ts';
import {removeTempDirs, tempDir} from './helpers/files.ts';

/** A copy of the `publish` fixture with `extra` appended to its config. */
function site(extra: string): string {
  const dir = path.join(tempDir(), 'site');
  fs.cpSync(fixture('publish'), dir, {recursive: true});
  const config = path.join(dir, 'dateline.config.yaml');
  const templates = JSON.stringify(path.resolve(fixture('publish'), '../../../templates'));
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^templatesDir: .*$/m, `templatesDir: ${templates}`) + extra);
  return dir;
}

test('should write CNAME with the custom domain from the config', async () => {
  const cwd = site('cname: news.example.com\n');
  const out = path.join(tempDir(), 'out');
  const result = await buildSite({cwd, out, env: {}, now: '2020-03-01T00:00:00Z'});
  assert.ok(result.ok, JSON.stringify(result.files.flatMap((file) => file.messages.map(String))));
  assert.is(fs.readFileSync(path.join(out, 'CNAME'), 'utf8'), 'news.example.com\n');
});

test('should write no CNAME without a cname', async () => {
  const cwd = site('');
  const out = path.join(tempDir(), 'out');
  assert.ok((await buildSite({cwd, out, env: {}, now: '2020-03-01T00:00:00Z'})).ok);
  assert.not.ok(fs.existsSync(path.join(out, 'CNAME')));
});

test('should refuse a cname that is a URL rather than a domain', () => {
  const cwd = site('cname: https://news.example.com/\n');
  const {config, file} = loadConfig(cwd, {}, {});
  assert.is(config, undefined);
  assert.match(file.messages[0]!.reason, /^`cname`: must be a bare domain name/);
});

test.after(removeTempDirs);
test.run();
