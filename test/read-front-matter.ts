import fs from 'node:fs';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {VFile} from 'vfile';
import {readFrontMatter} from '../scripts/lib/source/read-front-matter.ts';
import {fixture} from './helpers/config.ts';

function read(name: string) {
  const file = new VFile({path: name, value: fs.readFileSync(fixture('front-matter', name), 'utf8')});
  return {file, result: readFrontMatter(file, String(file.value))};
}

test('should read every field and say where the body starts', () => {
  const {file, result} = read('full.md');
  assert.is(file.messages.length, 0);
  assert.equal(result.data, {
    title: 'Full: every field',
    date: '2020-03-01T10:00:00+01:00',
    updated: '2020-03-02T08:00:00Z',
    author: ['Ana Lima', 'Ben Okafor'],
    summary: 'A summary.',
    section: 'World',
    tags: ['one', 'two', 'one'],
    slug: 'every-field',
    id: 'tag:fixture.example,2020:every-field',
    draft: false,
    dateline: 'ASTANA',
    lang: 'ar',
    corrections: [
      {date: '2020-03-03T10:00:00Z', text: 'Second fix.'},
      {date: '2020-03-02T10:00:00Z', text: 'First fix.'},
    ],
  });
  assert.is(result.bodyLine, 20);
  assert.is(result.body, '\nBody *text*.\n');
  assert.equal(result.locate('section'), {line: 7, column: 10});
});

test('should report malformed YAML with its line', () => {
  const {file, result} = read('bad-yaml.md');
  assert.is(result.data, undefined);
  assert.ok(file.messages.length > 0);
  assert.ok(file.messages.every((message) => message.fatal));
  assert.match(file.messages[0]!.reason, /^invalid YAML in front matter/);
  assert.ok(file.messages[0]!.line! >= 3);
});

test('should report wrong types at the key', () => {
  const {file, result} = read('wrong-types.md');
  assert.is(result.data, undefined);
  const reasons = file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`).sort();
  assert.equal(reasons, ['4:7 `tags`: must be a list, e.g. [politics, syria]', '5:8 `draft`: must be true or false']);
});

test('should warn about an unknown key and suggest the nearest known one', () => {
  const {file, result} = read('typo.md');
  assert.ok(result.data);
  assert.is(file.messages.length, 1);
  assert.is(file.messages[0]!.fatal, false);
  assert.is(file.messages[0]!.reason, 'unknown front-matter key `sumary`; did you mean `summary`?');
  assert.is(file.messages[0]!.line, 4);
});

test('should refuse front matter that is not a mapping', () => {
  const {file, result} = read('not-a-mapping.md');
  assert.is(result.data, undefined);
  assert.match(file.messages[0]!.reason, /must be a mapping/);
});

test('should treat a file without fences as having no front matter', () => {
  const file = new VFile({path: 'x.txt', value: 'Headline\n\nBody'});
  const result = readFrontMatter(file, 'Headline\n\nBody');
  assert.equal(result.data, {});
  assert.is(result.present, false);
  assert.is(result.body, 'Headline\n\nBody');
});

test('should report an unclosed front matter block', () => {
  const file = new VFile({path: 'x.md', value: '---\ntitle: x\n\nBody'});
  const result = readFrontMatter(file, '---\ntitle: x\n\nBody');
  assert.is(result.data, undefined);
  assert.match(file.messages[0]!.reason, /never closed/);
});

test('should stop YAML alias bombs', () => {
  const bomb = ['---', 'a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', '---', ''].join('\n');
  const file = new VFile({path: 'bomb.md', value: bomb});
  const result = readFrontMatter(file, bomb);
  assert.is(result.data, undefined);
  assert.ok(file.messages[0]!.fatal);
});

test.run();
