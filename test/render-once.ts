/**
 * Each article's card is rendered once per build, however many listings show it (front page,
 * section, tags, author, year and month), and listings are assembled from those strings: the
 * same card everywhere, on one thread or on every core. So is each article's feed entry, for
 * every feed that carries it. Built through the real CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {root} from './helpers/config.ts';
import {removeTempDirs, tempDir} from './helpers/files.ts';
import {runCli} from './helpers/run-cli.ts';
import {createEngine} from '../scripts/lib/render/render-pages.ts';
import type {SiteConfig} from '../scripts/lib/types.ts';

const count = 40;
const story = (index: number): [string, string] => {
  const day = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  return [`${day}-story-${index}.md`, `---\ntitle: "Story ${index} & co"\ndate: "${day}T09:00:00Z"\nauthor: Ana Lima\nsection: ${['World', 'Sport'][index % 2]}\ntags: [Harbour, ${['Rail', 'Ferries'][index % 2]}]\nsummary: "Summary <${index}>"\n---\n\nParagraph of story ${index}.\n`];
};

function makeSite(): string {
  const site = tempDir();
  fs.cpSync(path.join(root, 'templates'), path.join(site, 'templates'), {recursive: true});
  // Liquid's `increment` counts within one render: a card rendered inside a listing's loop would show 0, 1, 2…
  const card = path.join(site, 'templates/partials/card.liquid');
  fs.writeFileSync(card, fs.readFileSync(card, 'utf8').replace('</article>', '<span class="renders">{% increment renders %}</span></article>'));
  fs.writeFileSync(path.join(site, 'dateline.config.yaml'), 'title: Cards\nurl: https://owner.github.io/repo/\nidBase: "tag:owner.github.io,2020:"\npageSize: 5\nsearch: false\n');
  fs.mkdirSync(path.join(site, 'articles'));
  for (let index = 0; index < count; index++) fs.writeFileSync(path.join(site, 'articles', story(index)[0]), story(index)[1]);
  return site;
}

const build = (site: string, workers: 'always' | 'never', out: string) => {
  const result = runCli(['build', '--now', '2021-01-01T00:00:00Z', '--verbose', '--no-cache', '--out', out], {cwd: site, env: {DATELINE_WORKERS: workers}});
  assert.is(result.status, 0, result.stderr);
  const [, cards, entries] = /render \((\d+) cards, (\d+) feed entries, /.exec(result.stdout) ?? [];
  return {cards: Number(cards), entries: Number(entries)};
};

/** Every card on a listing page, by the article it links to. */
function cards(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<article class="card"[\s\S]*?<\/article>/g)].map(([card]) => [/<h2><a href="([^"]+)"/.exec(card)![1]!, card]));
}

test('should render each card once, and show the same card on every listing', () => {
  const site = makeSite();
  for (const workers of ['never', 'always'] as const) {
    const out = path.join(site, `dist-${workers}`);
    // Every article is listed on six listings or more, and in as many feeds: each card and each feed entry is made once.
    const made = build(site, workers, out);
    assert.is(made.cards, count, `${workers}: cards rendered`);
    assert.is(made.entries, count, `${workers}: feed entries made`);
    const front = cards(fs.readFileSync(path.join(out, 'index.html'), 'utf8'));
    const section = cards(fs.readFileSync(path.join(out, 'section/sport/index.html'), 'utf8'));
    const tag = cards(fs.readFileSync(path.join(out, 'tag/harbour/index.html'), 'utf8'));
    assert.ok(front.size > 0 && section.size > 0 && tag.size > 0);
    // Each card was rendered on its own (its counter starts at 0), not in the listing's loop.
    for (const listing of [front, section, tag]) for (const card of listing.values()) assert.ok(card.includes('<span class="renders">0</span>'), card);
    for (const [url, card] of section) {
      assert.ok(card.includes('Story') && card.includes('&amp; co') && card.includes('Summary &lt;'), card);
      if (front.has(url)) assert.is(front.get(url), card);
      if (tag.has(url)) assert.is(tag.get(url), card);
    }
  }
  const read = (workers: string, file = 'tag/harbour/index.html') => fs.readFileSync(path.join(site, `dist-${workers}`, file), 'utf8');
  assert.is(read('always'), read('never'));
  // The same item in the main feed and a tag's, byte for byte, in each format.
  for (const [main, tag, item] of [['feed.xml', 'tag/harbour/feed.xml', /<item>[\s\S]*?<\/item>/g], ['atom.xml', 'tag/harbour/atom.xml', /<entry>[\s\S]*?<\/entry>/g]] as const) {
    const items = (file: string) => new Set(read('never', file).match(item) ?? []);
    const inMain = items(main);
    const shared = [...items(tag)].filter((block) => inMain.has(block));
    assert.ok(shared.length >= 5, `${tag}: ${shared.length} items as in ${main}`);
  }
});

test("should take the feed items of articles that did not change from the last build's cache, and give a cold build's feeds", () => {
  const site = makeSite();
  const warm = (out: string, ...flags: string[]) => {
    const result = runCli(['build', '--now', '2021-01-01T00:00:00Z', '--verbose', '--out', out, ...flags], {cwd: site, env: {DATELINE_WORKERS: 'never'}});
    assert.is(result.status, 0, result.stderr);
    const [, made, taken] = /(\d+) feed entries, (\d+) items from the last build\)/.exec(result.stdout) ?? [];
    return {made: Number(made), taken: Number(taken)};
  };
  const feeds = (out: string) => {
    const files = fs.readdirSync(out, {recursive: true, encoding: 'utf8'}).filter((file) => /(feed\.xml|atom\.xml|feed\.json)$/.test(file));
    return new Map(files.sort().map((file) => [file, fs.readFileSync(path.join(out, file), 'utf8')]));
  };
  const sameAsCold = (label: string) => {
    const cold = path.join(site, 'dist-cold');
    fs.rmSync(cold, {recursive: true, force: true});
    build(site, 'never', cold);
    const expected = feeds(cold);
    const actual = feeds(path.join(site, 'dist'));
    assert.equal([...actual.keys()], [...expected.keys()], label);
    for (const [file, text] of expected) assert.ok(actual.get(file) === text, `${label}: ${file} differs from a cold build's`);
  };
  const out = path.join(site, 'dist');
  assert.equal(warm(out), {made: count, taken: 0}, 'the first build makes every entry');
  // One article edited: the feeds that carry it are rendered again, its entry made, the others' items taken.
  const [name, text] = story(12);
  fs.writeFileSync(path.join(site, 'articles', name), text.replace('Paragraph of story 12.', 'Paragraph of story 12, corrected.'));
  const edited = warm(out);
  assert.is(edited.made, 1, 'only the edited article makes its entry again');
  assert.ok(edited.taken >= 5, `items taken from the last build: ${edited.taken}`);
  sameAsCold('after an edit');
  assert.ok(feeds(out).get('feed.xml')!.includes('Paragraph of story 12, corrected.') || feeds(out).get('archive/2020/01/feed.xml')!.includes('Paragraph of story 12, corrected.'));
  // Other settings (here the site's address, which every item's links carry): no item of the last build is taken.
  const config = path.join(site, 'dateline.config.yaml');
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('https://owner.github.io/repo/', 'https://news.example/'));
  assert.equal(warm(out), {made: count, taken: 0}, 'another address makes every entry again');
  sameAsCold('after a change of address');
});

test('should render a partial that reads only `site` once per build, and one that reads the page on every page', () => {
  const templates = path.join(tempDir(), 'templates');
  fs.mkdirSync(path.join(templates, 'partials'), {recursive: true});
  fs.writeFileSync(path.join(templates, 'partials', 'masthead.liquid'), '<p>{{ site.title | counted }}</p>');
  fs.writeFileSync(path.join(templates, 'partials', 'crumb.liquid'), '<p>{{ page.title | counted }}</p>');
  const engine = createEngine({templatesDir: templates, basePath: '/', url: 'https://example.com/'} as SiteConfig);
  let calls = 0;
  engine.registerFilter('counted', (value: unknown) => (calls++, value));
  const page = engine.parse("{% include 'masthead' %}{% include 'crumb' %}");
  const site = {title: 'Harbour <Times>'};
  const html = ['One', 'Two', 'Three'].map((title) => engine.renderSync(page, {site, page: {title}}) as string);
  assert.equal(html, ['<p>Harbour &lt;Times&gt;</p><p>One</p>', '<p>Harbour &lt;Times&gt;</p><p>Two</p>', '<p>Harbour &lt;Times&gt;</p><p>Three</p>']);
  assert.is(calls, 1 + 3, 'the masthead once, the crumb on each page');
  // Other site data (the next build) renders it again.
  engine.renderSync(page, {site: {title: 'Other'}, page: {title: 'Four'}});
  assert.is(calls, 4 + 2);
});

test('should show each page its own title from a header that reads the page', () => {
  const site = makeSite();
  const header = path.join(site, 'templates/partials/header.liquid');
  fs.writeFileSync(header, fs.readFileSync(header, 'utf8').replace('<header class="site-header">', '<header class="site-header" data-page="{{ page.path }}">'));
  const out = path.join(site, 'dist');
  build(site, 'never', out);
  for (const page of ['', 'section/sport/', 'tag/harbour/']) {
    assert.ok(fs.readFileSync(path.join(out, page, 'index.html'), 'utf8').includes(`<header class="site-header" data-page="${page}">`), page);
  }
});

test.after(removeTempDirs);
test.run();
