/**
 * The mandated Markdown chain alone, for the benchmark's yardstick: every `.md` body in a
 * folder through remark-parse, remark-rehype and rehype-stringify on one thread; no front
 * matter parsing, templates, feeds or writing. Prints the seconds it took, reading included.
 *
 *   tsx scripts/bench/markdown-chain.ts <articles folder>
 */
import fs from 'node:fs';
import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import {unified} from 'unified';

const folder = process.argv[2]!;
const started = performance.now();
const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).freeze();
for (const name of fs.readdirSync(folder).filter((name) => name.endsWith('.md'))) {
  const body = fs.readFileSync(path.join(folder, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  processor.processSync(body);
}
console.log(((performance.now() - started) / 1000).toFixed(3));
