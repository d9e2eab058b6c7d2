/**
 * Measures the ways of driving Pagefind's Node API on one corpus, side by side in one run:
 * `addHTMLFile` one at a time, `addCustomRecord` one at a time, `addHTMLFile` with several in
 * flight, `addDirectory` over the records written to disk, and the same records split in
 * shards indexed concurrently, with fragments bundled (`maxFragments`), and `writeFiles` instead
 * of `getFiles`. Prints seconds for adding and for `getFiles`, and whether two
 * runs of each gave the same bytes.
 *
 *   tsx scripts/bench/search-levers.ts [articles=2000] [shard size=500]
 */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import {unified} from 'unified';
import {generateArticles} from './generate-corpus.ts';

const count = Number(process.argv[2] ?? 2000);
const shardSize = Number(process.argv[3] ?? 500);
const markdown = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).freeze();
const records = generateArticles(count).map((article, index) => {
  const body = article.text.replace(/^---\n[\s\S]*?\n---\n/, '');
  const title = /title: "?([^"\n]+)/.exec(article.text)?.[1] ?? body.split('\n')[0]!;
  const html = article.name.endsWith('.md') ? String(markdown.processSync(body)) : `<p>${body.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
  return {url: `/a/${index}/`, title, html, text: html.replace(/<[^>]+>/g, ' ')};
});
const page = (record: (typeof records)[number]) => `<!doctype html><html lang="en"><head><title>${record.title}</title></head><body><h1>${record.title}</h1>${record.html}</body></html>`;

type Files = {path: string; content: Uint8Array}[];
const digest = (files: Files) => {
  const hash = createHash('sha1');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) hash.update(file.path).update(file.content);
  return hash.digest('hex').slice(0, 12);
};

async function run(name: string, add: (index: import('pagefind').PagefindIndex, part: typeof records) => Promise<void>, shards = 1, extra: {maxFragments?: number} = {}): Promise<void> {
  const pagefind = await import('pagefind');
  const digests: string[] = [];
  let addSeconds = 0;
  let filesSeconds = 0;
  let fileCount = 0;
  for (let round = 0; round < 2; round++) {
    const parts = Array.from({length: shards}, (_, k) => records.slice((k * records.length) / shards, ((k + 1) * records.length) / shards));
    const indexes = await Promise.all(parts.map(async () => (await pagefind.createIndex({forceLanguage: 'en', ...extra})).index!));
    let started = performance.now();
    await Promise.all(indexes.map((index, k) => add(index, parts[k]!)));
    addSeconds += (performance.now() - started) / 1000;
    started = performance.now();
    const results = await Promise.all(indexes.map((index) => index.getFiles()));
    filesSeconds += (performance.now() - started) / 1000;
    const files = results.flatMap((result, k) => result.files.map((file) => ({path: `${k}/${file.path}`, content: file.content})));
    fileCount = files.length;
    digests.push(digest(files));
    await pagefind.close();
  }
  console.log(`${name.padEnd(34)} add ${(addSeconds / 2).toFixed(2)} s  getFiles ${(filesSeconds / 2).toFixed(2)} s  files ${fileCount}  deterministic ${digests[0] === digests[1] ? 'yes' : 'no'}`);
}

const sequentialHtml = async (index: import('pagefind').PagefindIndex, part: typeof records) => {
  for (const record of part) await index.addHTMLFile({url: record.url, content: page(record)});
};
console.log(`${records.length} records, shards of ${shardSize}, ${os.availableParallelism()} cores`);
await run('addHTMLFile, one at a time', sequentialHtml);
await run('addCustomRecord, one at a time', async (index, part) => {
  for (const record of part) await index.addCustomRecord({url: record.url, content: `${record.title} ${record.text}`, language: 'en', meta: {title: record.title}});
});
await run('addHTMLFile, 8 in flight', async (index, part) => {
  for (let start = 0; start < part.length; start += 8) await Promise.all(part.slice(start, start + 8).map((record) => index.addHTMLFile({url: record.url, content: page(record)})));
});
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'search-levers-'));
for (const record of records) {
  fs.mkdirSync(path.join(folder, record.url), {recursive: true});
  fs.writeFileSync(path.join(folder, record.url, 'index.html'), page(record));
}
await run('addDirectory', async (index) => {
  await index.addDirectory({path: folder});
});
fs.rmSync(folder, {recursive: true, force: true});
await run(`addHTMLFile, ${Math.ceil(records.length / shardSize)} shards concurrently`, sequentialHtml, Math.ceil(records.length / shardSize));
await run('addHTMLFile, maxFragments 64', sequentialHtml, 1, {maxFragments: 64});
{
  const pagefind = await import('pagefind');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'search-write-'));
  const {index} = await pagefind.createIndex({forceLanguage: 'en'});
  await sequentialHtml(index!, records);
  const started = performance.now();
  await index!.writeFiles({outputPath: out});
  console.log(`${'writeFiles instead of getFiles'.padEnd(34)} write ${((performance.now() - started) / 1000).toFixed(2)} s  files ${(fs.readdirSync(out, {recursive: true}) as string[]).length}`);
  await pagefind.close();
  fs.rmSync(out, {recursive: true, force: true});
}
