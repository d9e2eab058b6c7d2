/**
 * The Markdown parser is chosen per article (no `|`, no table extension; no `~`, no
 * strikethrough): the tree must be exactly the one the parser with both extensions gives,
 * positions included, for every Markdown file of the repository and for random Markdown.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {newsParser} from '../scripts/lib/article/markdown-to-hast.ts';
import {remarkNewsMarkdown} from '../scripts/lib/article/plugins/remark-news-markdown.ts';

const both = unified().use(remarkParse).use(remarkNewsMarkdown).freeze();
const root = path.join(import.meta.dirname, '..');

/** Every `.md` file under a folder. */
function markdownFiles(folder: string): string[] {
  return fs.readdirSync(folder, {withFileTypes: true}).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(file);
    return entry.isFile() && entry.name.endsWith('.md') ? [file] : [];
  });
}

test('should give the same tree as both extensions for every Markdown fixture and article', () => {
  const files = [...markdownFiles(path.join(root, 'articles')), ...markdownFiles(path.join(root, 'test', 'fixtures'))];
  assert.ok(files.length > 20, `only ${files.length} Markdown files found`);
  let tables = 0;
  for (const file of files) {
    const body = fs.readFileSync(file, 'utf8');
    const tree = newsParser(body).parse(body);
    assert.equal(tree, both.parse(body), file);
    if (JSON.stringify(tree).includes('"type":"table"')) tables++;
  }
  assert.ok(tables > 0, 'no fixture has a table: the comparison would not cover the table extension');
});

test('should give the same tree as both extensions for random Markdown with tables and strikethrough', () => {
  const piece = fc.constantFrom('|', '| a | b |\n| --- | :-: |\n| 1 | 2 |\n', '~', '~~', '~~gone~~', '-', ':', '\n', '\n\n', 'text', ' ', '`', '\\|', '> ', '* ', '1. ', '# ', '    ', '<b>', '|---|', 'a|b\n-|-\n');
  fc.assert(
    fc.property(fc.array(piece, {maxLength: 25}), (pieces) => {
      const body = pieces.join('');
      assert.equal(newsParser(body).parse(body), both.parse(body));
    }),
    {seed: 20261201, numRuns: 500},
  );
});

test('should read a table and strikethrough when the body has them', () => {
  const tree = JSON.stringify(newsParser('| a |\n| - |\n| ~~b~~ |\n').parse('| a |\n| - |\n| ~~b~~ |\n'));
  assert.ok(tree.includes('"type":"table"') && tree.includes('"type":"delete"'));
});

test.run();
