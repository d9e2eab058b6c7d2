/**
 * Small things a mature theme has, through the real command on copies of the fixture site:
 * an SVG icon every page links (config `icon`), the publisher's logo in JSON-LD (config
 * `logo`, the icon by default), and images marked decorative WCAG's way (`alt=""` with
 * `role="presentation"` in raw HTML, `decorative: true` on a lead image) accepted by the
 * build and by `check`, while an image without alt text stays an error.
 * (The feeds' stylesheet under `serve` is in test/serve.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {root} from './helpers/config.ts';
import {copySite} from './helpers/copy-site.ts';
import {listFiles, removeTempDirs, tempDir} from './helpers/files.ts';
import {runCliAsync} from './helpers/run-cli.ts';

const siteUrl = 'https://owner.github.io/repo/';
const now = ['--now', '2017-02-01T12:00:00Z'];

async function build(cwd: string): Promise<{out: string; status: number | null; stderr: string}> {
  const out = path.join(tempDir(), 'out');
  const result = await runCliAsync(['build', '--out', out, '--no-cache', ...now], {cwd});
  return {out, status: result.status, stderr: result.stderr};
}

function publisherOf(html: string): Record<string, unknown> {
  const data = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as Record<string, unknown>;
  return data['publisher'] as Record<string, unknown>;
}

/** A copy of the fixture site with its own copy of the theme, and `settings` appended to its config. */
function siteWithTheme(settings: string): string {
  const dir = copySite();
  fs.cpSync(path.join(root, 'templates'), path.join(dir, 'theme'), {recursive: true});
  const config = path.join(dir, 'dateline.config.yaml');
  fs.writeFileSync(config, `${fs.readFileSync(config, 'utf8').replace(/^templatesDir: .*$/m, 'templatesDir: theme')}\n${settings}\n`);
  return dir;
}

test.after(() => removeTempDirs());

test('should link the SVG icon from every page and name it the publisher logo by default', async () => {
  const {out, status, stderr} = await build(copySite());
  assert.is(status, 0, stderr);
  assert.equal(fs.readFileSync(path.join(out, 'assets/icon.svg')), fs.readFileSync(path.join(root, 'templates/assets/icon.svg')));
  const pages = listFiles(out).filter((file) => file.endsWith('.html'));
  for (const page of pages) assert.ok(fs.readFileSync(path.join(out, page), 'utf8').includes('<link rel="icon" href="/repo/assets/icon.svg" type="image/svg+xml">'), `${page} links the icon`);
  const article = fs.readFileSync(path.join(out, '2017/01/winter-market-opens/index.html'), 'utf8');
  assert.equal(publisherOf(article)['logo'], {'@type': 'ImageObject', url: `${siteUrl}assets/icon.svg`});
  assert.equal(publisherOf(fs.readFileSync(path.join(out, 'index.html'), 'utf8'))['logo'], {'@type': 'ImageObject', url: `${siteUrl}assets/icon.svg`}, 'the WebSite too');
});

test('should take the icon and the logo from the config, and refuse one the theme does not have', async () => {
  const dir = siteWithTheme('icon: mark.svg\nlogo: logo.png');
  fs.copyFileSync(path.join(root, 'templates/assets/icon.svg'), path.join(dir, 'theme/assets/mark.svg'));
  fs.writeFileSync(path.join(dir, 'theme/assets/logo.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
  const {out, status, stderr} = await build(dir);
  assert.is(status, 0, stderr);
  const home = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  assert.ok(home.includes('<link rel="icon" href="/repo/assets/mark.svg" type="image/svg+xml">'), 'the configured icon');
  assert.equal(publisherOf(home)['logo'], {'@type': 'ImageObject', url: `${siteUrl}assets/logo.png`});

  const missing = siteWithTheme('icon: nowhere.svg');
  const failed = await build(missing);
  assert.is(failed.status, 1);
  assert.match(failed.stderr, /^dateline\.config\.yaml: error: `icon`: theme\/assets\/nowhere\.svg does not exist; put the file in the theme's assets\/ folder, or set icon: "" for none \(config\)$/m);

  const none = siteWithTheme('icon: ""');
  const bare = await build(none);
  assert.is(bare.status, 0, bare.stderr);
  const page = fs.readFileSync(path.join(bare.out, 'index.html'), 'utf8');
  assert.not.match(page, /rel="icon"/);
  assert.is(publisherOf(page)['logo'], undefined, 'no icon, no logo');
});

test('should accept images marked decorative in the build and in check, and still refuse an empty alt without the mark', async () => {
  const dir = copySite();
  const articles = path.join(dir, 'articles');
  fs.copyFileSync(path.join(articles, 'harbour-lights.svg'), path.join(articles, 'rule.svg'));
  fs.writeFileSync(
    path.join(articles, '2017-01-10-decorated.md'),
    '---\ntitle: "Decorated story"\ndate: "2017-01-10T10:00:00Z"\nimage:\n  src: rule.svg\n  decorative: true\n---\n\nA story with an ornament.\n\n<img src="rule.svg" alt="" role="presentation">\n\nThe end.\n',
  );
  const built = await build(dir);
  assert.is(built.status, 0, built.stderr);
  const page = fs.readFileSync(path.join(built.out, '2017/01/decorated/index.html'), 'utf8');
  assert.match(page, /<img src="\/repo\/2017\/01\/decorated\/rule\.svg" alt="" role="presentation" width="\d+" height="\d+">/, 'the lead image');
  assert.match(page, /<img src="rule\.svg" alt="" role="presentation" width="\d+" height="\d+">/, 'the body image');
  const checked = await runCliAsync(['check', '--no-cache', ...now], {cwd: dir});
  assert.is(checked.status, 0, checked.stderr);

  // Without the mark, an empty alt is still an error, at its line, in the body and on the lead image.
  fs.writeFileSync(path.join(articles, '2017-01-10-decorated.md'), '---\ntitle: "Decorated story"\ndate: "2017-01-10T10:00:00Z"\nimage:\n  src: rule.svg\n  alt: ""\n---\n\n<img src="rule.svg" alt="">\n');
  const refused = await build(dir);
  assert.is(refused.status, 1);
  assert.match(refused.stderr, /^articles\/2017-01-10-decorated\.md:9:1: error: image "rule\.svg" has no alt text: .*; only a purely decorative image may have none, marked as <img src="rule\.svg" alt="" role="presentation"> \(image-alt\)$/m);
  assert.match(refused.stderr, /^articles\/2017-01-10-decorated\.md:5:3: error: `image\.alt` is missing: .*set `decorative: true` instead\) \(front-matter\)$/m);
});

test.run();
