import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {dateParts, formatDate, parseDate} from '../scripts/lib/dates.ts';

test('should keep an explicit offset and read a bare date in the site time zone', () => {
  assert.equal(parseDate('2017-01-16T09:00:00+03:00', 'America/New_York'), {iso: '2017-01-16T06:00:00.000Z'});
  assert.equal(parseDate('2017-01-16', 'Asia/Tokyo'), {iso: '2017-01-15T15:00:00.000Z'});
  assert.equal(parseDate('2017-01-16 12:30', 'UTC'), {iso: '2017-01-16T12:30:00.000Z'});
});

test('should refuse impossible dates', () => {
  const result = parseDate('2025-02-30', 'UTC');
  assert.ok('reason' in result);
  assert.match(result.reason, /not a real date/);
});

test('should format and split dates in the site zone, whatever the machine', () => {
  assert.is(formatDate('2017-01-15T23:30:00.000Z', 'en', 'Asia/Kolkata'), 'January 16, 2017');
  assert.is(formatDate('2017-01-15T23:30:00.000Z', 'de', 'UTC'), '15. Januar 2017');
  assert.equal(dateParts('2017-01-31T23:30:00.000Z', 'Europe/Berlin'), {year: '2017', month: '02', day: '01'});
});

test.run();
