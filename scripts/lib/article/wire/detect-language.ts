/**
 * The language of a piece of wire copy, from `franc-min` (trigram profiles of 82 languages;
 * chosen over `eld` and `tinyld` after measuring all three on the corpus, see the README), only
 * when the text is long enough to tell and the answer is not the site's language.
 * `franc-min` is loaded by `loadWireTools`.
 */
import {wireTools} from './wire-tools.ts';

/** Fewer letters than this and the text is too short to tell (measured: 40 characters are often wrong). */
export const MIN_LETTERS = 150;
/** Only this much of the text is looked at: plenty to tell, and a 1 MB article costs no more. */
const SAMPLE_LENGTH = 600;

/** ISO 639-3 codes franc-min returns, as the shortest BCP 47 tag (ISO 639-1 where there is one). */
const TWO_LETTER: Readonly<Record<string, string>> = {
  afr: 'af', amh: 'am', arb: 'ar', azj: 'az', bel: 'be', ben: 'bn', bos: 'bs', bul: 'bg', ces: 'cs', ckb: 'ckb', cmn: 'zh', dan: 'da',
  deu: 'de', ell: 'el', eng: 'en', fin: 'fi', fra: 'fr', guj: 'gu', hau: 'ha', heb: 'he', hin: 'hi', hrv: 'hr', hun: 'hu', hye: 'hy',
  ibo: 'ig', ind: 'id', ita: 'it', jav: 'jv', jpn: 'ja', kat: 'ka', kaz: 'kk', khm: 'km', kin: 'rw', kan: 'kn', kor: 'ko', lin: 'ln',
  mal: 'ml', mar: 'mr', mya: 'my', nld: 'nl', nob: 'nb', npi: 'ne', nya: 'ny', ori: 'or', pan: 'pa', pbu: 'ps', pes: 'fa', pol: 'pl',
  por: 'pt', ron: 'ro', run: 'rn', rus: 'ru', sin: 'si', slk: 'sk', slv: 'sl', som: 'so', spa: 'es', srp: 'sr', sun: 'su', swe: 'sv',
  swh: 'sw', tam: 'ta', tel: 'te', tgl: 'tl', tha: 'th', tur: 'tr', ukr: 'uk', urd: 'ur', uzn: 'uz', vie: 'vi', yor: 'yo', zlm: 'ms', zul: 'zu',
};

const LETTER = /\p{L}/gu;

/**
 * The BCP 47 tag of the language `texts` are written in, or `undefined` when they are shorter
 * than {@link MIN_LETTERS} letters, the detector cannot tell, or it is `siteLanguage`'s.
 */
export function detectLanguage(texts: readonly string[], siteLanguage: string): string | undefined {
  let sample = '';
  for (const text of texts) {
    if (sample.length >= SAMPLE_LENGTH) break;
    sample += `${text.slice(0, SAMPLE_LENGTH - sample.length)}\n`;
  }
  if ((sample.match(LETTER)?.length ?? 0) < MIN_LETTERS) return undefined;
  const code = wireTools().franc(sample, {minLength: MIN_LETTERS});
  if (code === 'und') return undefined;
  const tag = TWO_LETTER[code] ?? code;
  return tag === siteLanguage.toLowerCase().split('-')[0] ? undefined : tag;
}
