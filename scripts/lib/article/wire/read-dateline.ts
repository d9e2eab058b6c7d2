/**
 * The dateline that opens a wire story's first paragraph: `ANKARA, Jan 16 (Reuters) -`,
 * `CAIRO (AFP) —`, `WASHINGTON —`, `LYON, 12 avril (AFP) -`, `Berlin (dpa) -`, `القاهرة (أ ف ب) -`.
 * Anchored at the paragraph's start with bounded parts, so it costs the same on a 1 MB line.
 */

/** A place in capitals: one to four words (`WASHINGTON`, `NEW YORK`, `ST. PETERSBURG`, `SÃO PAULO`). */
const CAPITAL_PLACE = String.raw`\p{Lu}[\p{Lu}\p{M}.'’-]*(?:[ ]\p{Lu}[\p{Lu}\p{M}.'’-]*){0,3}`;
/** A place in any script or case (`Berlin`, `القاهرة`), allowed only before an agency in brackets. */
const ANY_PLACE = String.raw`\p{L}[\p{L}\p{M}.'’-]*(?:[ ]\p{L}[\p{L}\p{M}.'’-]*){0,2}`;
/** A date after the place: `Jan 16`, `12 avril`, `16. Januar`. */
const DATE = String.raw`(?:,[ ]*[\p{L}\p{N}][\p{L}\p{N}. ]{0,24}){1,2}`;
/** The agency in brackets: `(Reuters)`, `(AFP)`, `(أ ف ب)`. */
const AGENCY = String.raw`[ ]*\([^()\n]{1,30}\)`;
/** The dash that closes a dateline, then a space or a line break. */
const DASH = String.raw`[ ]*(?:--|[-–—])\s+`;

const DATELINE = new RegExp(
  String.raw`^(?:(${CAPITAL_PLACE}(?:${DATE})?(?:${AGENCY})?)|(${ANY_PLACE}(?:${DATE})?${AGENCY}))${DASH}`,
  'u',
);

/** A dateline must have at least two letters. */
const HAS_LETTERS = /\p{L}.*\p{L}/u;

/** The dateline opening `text` (without its dash) and the text after it, or `undefined`. */
export function readDateline(text: string): {dateline: string; rest: string} | undefined {
  const match = DATELINE.exec(text);
  const dateline = (match?.[1] ?? match?.[2])?.trim();
  if (!match || !dateline || !HAS_LETTERS.test(dateline)) return undefined;
  const rest = text.slice(match[0].length).trim();
  return rest === '' ? undefined : {dateline, rest};
}
