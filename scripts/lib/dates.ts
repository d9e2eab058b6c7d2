import {DateTime} from 'luxon';

/**
 * Read an ISO 8601 date; one without an offset is read in `timezone`.
 *
 * @returns the instant as a UTC ISO string (`2017-01-16T06:00:00.000Z`), or a reason it is invalid.
 */
export function parseDate(value: string, timezone: string): {iso: string} | {reason: string} {
  const parsed = DateTime.fromISO(value.replace(' ', 'T'), {zone: timezone, setZone: false});
  if (!parsed.isValid) {
    return {reason: `"${value}" is not a real date (${parsed.invalidExplanation ?? parsed.invalidReason ?? 'invalid'})`};
  }
  return {iso: parsed.toUTC().toISO()!};
}

/**
 * Show an instant as a reader expects it, in the site's language and time zone.
 * Locale and zone are explicit, so the machine's own settings never leak in.
 */
export function formatDate(iso: string, language: string, timezone: string): string {
  const key = `${language}\u0000${timezone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {dateStyle: 'long', timeZone: timezone});
    formatters.set(key, format);
  }
  return format.format(new Date(iso));
}

/** Formatters are costly to make and immutable: one per language and zone, shared (a pure memo). */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY`, `MM` and `DD` of an instant in the site's time zone, for permalinks and the archive. */
export function dateParts(iso: string, timezone: string): {year: string; month: string; day: string} {
  const key = `${timezone}\0${iso}`;
  let parts = partsMemo.get(key);
  if (!parts) {
    if (partsMemo.size > 200_000) partsMemo.clear();
    partsMemo.set(key, (parts = computeDateParts(iso, timezone)));
  }
  return parts;
}

/** The archive pages, the archive feeds and permalinks ask for the same articles' dates: a memo of a pure function. */
const partsMemo = new Map<string, {year: string; month: string; day: string}>();

function computeDateParts(iso: string, timezone: string): {year: string; month: string; day: string} {
  // Instants are kept as UTC ISO strings (`2017-01-16T06:00:00.000Z`): in UTC, their date is their start.
  const utc = /^(\d{4})-(\d{2})-(\d{2})T[^Z]*Z$/.exec(iso);
  if (utc && (timezone === 'UTC' || timezone === 'Etc/UTC')) return {year: utc[1]!, month: utc[2]!, day: utc[3]!};
  let format = partFormatters.get(timezone);
  if (!format) partFormatters.set(timezone, (format = new Intl.DateTimeFormat('en-US', {timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit'})));
  let year = '';
  let month = '';
  let day = '';
  for (const part of format.formatToParts(new Date(iso))) {
    if (part.type === 'year') year = part.value.padStart(4, '0');
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return {year, month, day};
}

/** Calendar-date formatters by time zone (Gregorian, Latin digits), shared like {@link formatters}. */
const partFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The one notion of "last modified": the latest of an article's publication date, its
 * `updated` and its corrections' dates (a correction is a change readers must be told about).
 */
export function lastModified(article: {readonly date: string; readonly updated: string | undefined; readonly corrections: readonly {readonly date: string}[]}): string {
  return [article.updated ?? article.date, ...article.corrections.map((correction) => correction.date)].reduce((latest, time) => (time > latest ? time : latest), article.date);
}
