import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {slugify} from '../scripts/lib/slugify.ts';

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

test.run();
