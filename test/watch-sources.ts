/**
 * serve's watcher, on real folders: what it reports after each kind of change an author or an
 * editor makes, one call per burst, and nothing for what is not a source.
 */
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {watchSources} from '../scripts/lib/serve/watch-sources.ts';
import {removeTempDirs, tempDir} from './helpers/files.ts';

/** A site folder with a watch on its articles, templates (missing at first) and config. */
async function watchedSite() {
  const site = tempDir();
  const articles = path.join(site, 'articles');
  const templates = path.join(site, 'templates');
  const config = path.join(site, 'dateline.config.yaml');
  fs.mkdirSync(path.join(articles, '2026'), {recursive: true});
  fs.writeFileSync(path.join(articles, 'a.md'), 'a');
  fs.writeFileSync(path.join(articles, '2026', 'b.md'), 'b');
  fs.writeFileSync(config, 'title: T\n');
  const batches: string[][] = [];
  const watch = watchSources([articles, templates, config], (paths) => batches.push(paths.map((file) => path.relative(site, file))), 40);
  await watch.ready;
  /** Run `change`, then wait for the next batch (or `quiet` ms without one: undefined). */
  const after = async (change: () => void, quiet = 1500): Promise<string[] | undefined> => {
    const count = batches.length;
    change();
    const started = performance.now();
    while (batches.length === count && performance.now() - started < quiet) await new Promise((resolve) => setTimeout(resolve, 10));
    // Let a burst's stragglers land in this batch's wake rather than the next test's.
    await new Promise((resolve) => setTimeout(resolve, 120));
    return batches[count];
  };
  return {site, articles, templates, config, batches, after, close: () => watch.close()};
}

test('should report an edited, a new and a removed article, in the folder and below it, once per burst', async () => {
  const site = await watchedSite();
  try {
    assert.equal(await site.after(() => fs.appendFileSync(path.join(site.articles, 'a.md'), '\nmore')), ['articles/a.md']);
    assert.equal(await site.after(() => fs.appendFileSync(path.join(site.articles, '2026', 'b.md'), '\nmore')), ['articles/2026/b.md']);
    assert.equal(await site.after(() => fs.writeFileSync(path.join(site.articles, 'c.md'), 'c')), ['articles/c.md']);
    assert.equal(await site.after(() => fs.rmSync(path.join(site.articles, 'c.md'))), ['articles/c.md']);
    // Several files written in a burst: one call with all of them.
    const burst = await site.after(() => {
      fs.writeFileSync(path.join(site.articles, 'd.md'), 'd');
      fs.appendFileSync(path.join(site.articles, 'a.md'), '\nagain');
    });
    assert.equal(burst, ['articles/a.md', 'articles/d.md']);
    assert.is(site.batches.length, 5);
  } finally {
    await site.close();
  }
});

test('should watch a folder made after it started, and stop watching one removed', async () => {
  const site = await watchedSite();
  try {
    const year = path.join(site.articles, '2027');
    assert.equal(await site.after(() => fs.mkdirSync(year)), ['articles/2027']);
    assert.equal(await site.after(() => fs.writeFileSync(path.join(year, 'e.md'), 'e')), ['articles/2027/e.md']);
    const removed = await site.after(() => fs.rmSync(year, {recursive: true}));
    assert.ok(removed?.includes('articles/2027'), `the removed folder is reported: ${removed}`);
    // Made again, it is watched again.
    fs.mkdirSync(year);
    await site.after(() => {});
    assert.equal(await site.after(() => fs.writeFileSync(path.join(year, 'f.md'), 'f')), ['articles/2027/f.md']);
  } finally {
    await site.close();
  }
});

test('should see a missing templates folder appear, and the config saved by rename as editors do', async () => {
  const site = await watchedSite();
  try {
    assert.equal(await site.after(() => fs.mkdirSync(site.templates)), ['templates']);
    assert.equal(await site.after(() => fs.writeFileSync(path.join(site.templates, 'page.liquid'), 'x')), ['templates/page.liquid']);
    const saved = await site.after(() => {
      fs.writeFileSync(`${site.config}.tmp`, 'title: U\n');
      fs.renameSync(`${site.config}.tmp`, site.config);
    });
    assert.equal(saved, ['dateline.config.yaml']);
    // Saved by rename once, the config is still watched: the next save is seen too.
    assert.equal(await site.after(() => fs.appendFileSync(site.config, 'feedSize: 5\n')), ['dateline.config.yaml']);
  } finally {
    await site.close();
  }
});

test('should report nothing for what is not a source: node_modules, .git, the output beside the sources', async () => {
  const site = await watchedSite();
  try {
    fs.mkdirSync(path.join(site.articles, 'node_modules'));
    fs.mkdirSync(path.join(site.site, 'dist'));
    const quiet = await site.after(() => {
      fs.writeFileSync(path.join(site.articles, 'node_modules', 'x.md'), 'x');
      fs.writeFileSync(path.join(site.site, 'dist', 'index.html'), 'x');
      fs.writeFileSync(path.join(site.site, 'notes.txt'), 'x');
    }, 600);
    assert.is(quiet, undefined, `reported: ${quiet}`);
  } finally {
    await site.close();
  }
});

test.after(removeTempDirs);
test.run();
