/**
 * A byline line: `By Jane Doe`, `By Jane Doe and John Roe, Reuters`, `Par Jean Dupont`,
 * `Von Anna Weber (dpa)`, `Por María López`. The agency after the names is not an author,
 * unless it is all there is (`By Reuters`).
 */
import {AGENCY} from './split-credit.ts';

/** Bylines are short lines. */
const MAX_BYLINE_LENGTH = 120;

/** "By" in the languages of the corpus (English, French, German, Spanish, Italian, Portuguese, Dutch). */
const BY = /^(?:by|par|von|por|di|door|de)\s+/iu;

/** Particles inside names: `Jean de La Fontaine`, `Ali al-Hassan`, `Ludwig van Beethoven`. */
const PARTICLE = String.raw`(?:de|da|del|della|der|den|van|von|le|la|du|dos|das|al|el|bin|ibn|y)`;
/** One author: two to five words, each capitalised (or a particle). */
const WORD = String.raw`(?:\p{Ll}{1,3}-)?\p{Lu}[\p{L}\p{M}.'’-]*`;
const NAME = new RegExp(String.raw`^${WORD}(?:\s+(?:${PARTICLE}\s+)?${WORD}){0,4}$`, 'u');
/** Where the byline was filed: `By Jane Doe in Ankara`. */
const FILED_IN = /\s+in\s+\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,2}$/u;
/** A trailing agency: `, Reuters`, `| AFP`, `(dpa)`, `- AP`. */
const TRAILING_AGENCY = new RegExp(String.raw`(?:\s*[,|–—-]\s*|\s+)\(?(${AGENCY})(?:\s+(?:staff|correspondents?|reporters?))?\)?\.?$`, 'u');
const ONLY_AGENCY = new RegExp(String.raw`^(${AGENCY})(?:\s+(?:staff|correspondents?|reporters?))?\.?$`, 'u');
/** Words that name a job, not a person. */
const ROLE = /\b(?:correspondent|editor|reporter|writer|staff|columnist|bureau|chief|desk)\b/iu;
/** Between two authors: a comma, `and`, `&`, `et`, `und`, `y`, `e`, `en`. */
const SEPARATOR = /\s*,\s*(?:and\s+|et\s+|und\s+|y\s+|e\s+|en\s+)?|\s+(?:and|&|et|und|y|e|en)\s+/u;

/** The authors a byline names, or `undefined` when `text` is not a byline. */
export function readByline(text: string): string[] | undefined {
  if (text.length > MAX_BYLINE_LENGTH || text.includes('\n')) return undefined;
  const by = BY.exec(text);
  if (!by) return undefined;
  const rest = text.slice(by[0].length).trim();
  const only = ONLY_AGENCY.exec(rest);
  if (only?.[1]) return [only[1]];
  const names = rest.replace(TRAILING_AGENCY, '').trim().replace(FILED_IN, '');
  const authors = names.split(SEPARATOR).map((name) => name.trim());
  // `By James Carter, PA Political Correspondent`: a role after the names is not an author.
  if (authors.length > 1 && ROLE.test(authors.at(-1) ?? '')) authors.pop();
  if (authors.length === 0 || authors.length > 6 || !authors.every((name) => NAME.test(name))) return undefined;
  return authors;
}
