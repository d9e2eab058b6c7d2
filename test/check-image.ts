import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {imageProblem} from '../scripts/lib/article/check-image.ts';
import {removeTempDirs, tempDir} from './helpers/files.ts';

function svg(body: string): string {
  const file = path.join(tempDir(), 'image.svg');
  fs.writeFileSync(file, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">${body}</svg>`);
  return file;
}

test.after(() => {
  removeTempDirs();
});

test('should accept plain SVG and raster images', () => {
  assert.is(imageProblem(svg('<rect width="1" height="1" style="fill:red"/><a href="https://x.example/"><text>x</text></a>')), undefined);
  assert.is(imageProblem('/nowhere/photo.JPG'), undefined);
});

test('should refuse every way an SVG can run script', () => {
  const cases: [string, RegExp][] = [
    ['<script>alert(1)</script>', /<script>/],
    ['<SCRIPT>alert(1)</SCRIPT>', /<script>/],
    ['<foreignObject><iframe/></foreignObject>', /<foreignObject>/],
    ['<circle onload="alert(1)"/>', /event handler \(onload\)/],
    ['<a xlink:href="&#106;avascript:alert(1)"><text>x</text></a>', /javascript: URL/],
    ['<set attributeName="href" to="java\tscript:alert(1)"/>', /javascript: URL/],
  ];
  for (const [body, reason] of cases) assert.match(imageProblem(svg(body)) ?? '', reason, body);
  const withEntity = path.join(tempDir(), 'entity.svg');
  fs.writeFileSync(withEntity, '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]><svg>&x;</svg>');
  assert.match(imageProblem(withEntity) ?? '', /declares XML entities/);
});

test('should refuse files that are not images', () => {
  assert.match(imageProblem('/site/articles/page.html') ?? '', /is not an image/);
  assert.match(imageProblem('/site/articles/feed.xml') ?? '', /is not an image/);
});

test.run();
