/**
 * The agency's trailer at the end of a story: `(Reporting by …; Editing by …)`, `— AFP`,
 * `(Reportage Jean Dupont; édité par …)`, `(Berichterstattung: …; redigiert von …)`,
 * `(Información de …; editado por …)`. It is kept, as the body's last paragraph.
 */
import {AGENCY} from './split-credit.ts';

/** Words a bracketed trailer starts with. */
const CREDIT_WORD = String.raw`(?:(?:additional )?reporting|writing|written|editing|edited|compiled|graphics|reportage|rédigé|rédaction|édité|edité|avec|berichterstattung|bearbeitet|redigiert|redaktion|información|informacion|reporte|reportaje|redacción|redaccion|editado|edición|texto|reporter|report)`;

const BRACKETED = new RegExp(String.raw`^\(\s*${CREDIT_WORD}\b[^()]{1,400}\)\.?$`, 'iu');
const SIGNED = new RegExp(String.raw`^(?:--|[-–—])\s*(?:${AGENCY})(?:\s*\/\s*[\p{L}\p{M} ]{1,40})?\.?$`, 'u');

const CONTRIBUTED = /^[\p{L}\p{M} .,'’&-]{1,160}\bcontributed (?:to )?(?:this|the) (?:report|story|article)(?:ing)?\.?$/iu;

/** Whether the trimmed line `text` is an agency trailer. */
export function isTrailer(text: string): boolean {
  return text.length <= 420 && (BRACKETED.test(text) || SIGNED.test(text) || CONTRIBUTED.test(text));
}
