import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {isReservedName, slugify} from '../scripts/lib/slugify.ts';

test('should make readable slugs in any script', () => {
  assert.is(slugify('Syrian opposition to attend Astana talks'), 'syrian-opposition-to-attend-astana-talks');
  assert.is(slugify('  Crème brûlée: a “history”  '), 'creme-brulee-a-history');
  assert.is(slugify('محادثات أستانا'), 'محادثات-أستانا');
  assert.is(slugify('東京 2020'), '東京-2020');
  assert.is(slugify('हिन्दी समाचार'), 'हिन्दी-समाचार');
});

test('should return nothing usable for punctuation only', () => {
  assert.is(slugify('!!! ??? …'), '');
  assert.is(slugify('../../etc/passwd'), 'etc-passwd');
});

test('should cap the length without a trailing dash', () => {
  const slug = slugify('word '.repeat(40));
  assert.ok(slug.length <= 80);
  assert.not.match(slug, /-$/);
});

test('should never give a Windows device name', () => {
  assert.is(slugify('CON'), 'con-1');
  assert.is(slugify('nul'), 'nul-1');
  assert.is(slugify('Aux.'), 'aux-1');
  assert.is(slugify('LPT1'), 'lpt1-1');
  assert.is(slugify('console'), 'console');
  assert.ok(isReservedName('com9'));
  assert.not.ok(isReservedName('com10'));
});

test('should cap multi-byte slugs at 120 bytes on a character boundary', () => {
  const slug = slugify('𠀀'.repeat(100));
  assert.is(slug, '𠀀'.repeat(30));
  assert.ok(new TextEncoder().encode(slugify('東京'.repeat(100))).length <= 120);
});

test.run();
