import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {progressReporter} from '../scripts/lib/report/build-progress.ts';
import type {BuildProgress} from '../scripts/lib/build/build-site.ts';

/** A stream stand-in that records what was written. */
function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return {isTTY, chunks, write: (chunk: string) => chunks.push(chunk) > 0};
}

/** The events of a build of `articles` article files. */
function events(articles: number): BuildProgress[] {
  return [
    {step: 'config', done: 1, total: 1},
    {step: 'load', done: articles, total: articles},
    ...Array.from({length: articles}, (_, index): BuildProgress => ({step: 'parse', done: index, total: articles})),
    {step: 'parse', done: articles, total: articles},
    {step: 'render', done: 7, total: 7},
    {step: 'write', done: 9, total: 9},
  ];
}

function run(isTTY: boolean, articles: number, options = {}) {
  const out = stream(isTTY);
  const reporter = progressReporter(out, options);
  for (const event of events(articles)) reporter.onProgress(event);
  reporter.done();
  return out.chunks;
}

test('should rewrite one line with counts on a terminal, and erase it at the end', () => {
  const chunks = run(true, 3);
  assert.ok(chunks.every((chunk) => chunk.startsWith('\r\x1b[2K')));
  assert.ok(chunks.includes('\r\x1b[2KBuilding: 1/3 articles parsed'));
  assert.is(chunks.at(-1), '\r\x1b[2K');
});

test('should print nothing for a short build in a log, and plain step lines for a long one', () => {
  assert.equal(run(false, 3), []);
  const lines = run(false, 250).join('');
  assert.is(lines, '250 article files found\n100/250 articles parsed\n200/250 articles parsed\n250 articles parsed\n7 pages rendered\n9 files written\n');
  assert.not.match(lines, /\x1b/);
});

test('should print plain step lines with --verbose and nothing with --quiet', () => {
  assert.is(run(false, 3, {verbose: true}).join(''), 'config loaded\n3 article files found\n3 articles parsed\n7 pages rendered\n9 files written\n');
  assert.equal(run(true, 300, {quiet: true}), []);
  assert.equal(run(false, 300, {quiet: true}), []);
});

test.run();
