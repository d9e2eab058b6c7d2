/**
 * A photo caption and its credit, in the forms agencies and sites write them: AFP (`File photo:
 * AFP`, `AFP/Getty Images`, `(AFP)`), Reuters (`REUTERS/Name/File Photo`, `Photo: Reuters/Name`),
 * AP (`(AP Photo/Name)`, `AP Photo/Name, File`), Getty Images, EPA-EFE, Anadolu, Xinhua, dpa,
 * PA Media, Bloomberg, `Credit: …`, `Photo by …`, `Image: …`, `Courtesy of …` and `© …`.
 */

/** Captions are single lines at most this long. */
export const MAX_CAPTION_LENGTH = 300;

/** Agencies and picture services, spelled as their credits spell them (case matters: `AP`, `dpa`). */
export const AGENCY = String.raw`(?:AFP|Agence France-Presse|AP|Associated Press|Reuters|REUTERS|EPA-EFE|EPA|EFE|Getty Images|Anadolu Agency|Anadolu Ajansı|Anadolu|ANADOLU|Xinhua|XINHUA|Bloomberg|dpa|DPA|PA Media|PA Wire|PA Images|PA|Shutterstock|Alamy|SANA|Sipa|SIPA|ANSA|Kyodo|Yonhap|UPI|WANA|IRNA|TASS|NurPhoto|ZUMA(?: Press| Wire)?|Keystone|Belga|AAP|Pool|POOL|Handout|HANDOUT)`;

/** Picture services whose bare name is always a credit, even after a full stop (`… in Ankara. Anadolu Agency`). */
const PICTURE_AGENCY = String.raw`(?:Getty Images|Anadolu Agency|Anadolu Ajansı|Shutterstock|Alamy|EPA-EFE|EPA|PA Media|PA Images|PA Wire|NurPhoto|ZUMA(?: Press| Wire)?|Sipa|SIPA|Keystone|Pool|POOL|Handout|HANDOUT)`;

/** A photographer's name: one to four capitalised words (`Jane Doe`, `JOHN DOE`, `Li Ming`, `J. R. Smith`). */
const NAME = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,3}`;

/** Where a credit may start: at the line's start, after a sentence's end, or after a separator. */
const AFTER_SENTENCE = String.raw`(?:^|(?<=[.!?)"”’])\s+|\s*[|•·–—]\s*)`;
const AFTER_SEPARATOR = String.raw`(?:^|\s*[|•·–—]\s*)`;

/** Words that say "this is a picture credit". */
const PICTURE_WORD = String.raw`(?:photo(?:graph)?s?|pictures?|pics?|images?|credits?|courtesy|foto|bild|imagen|photographie|صورة)`;

/** Credit forms; group 1 is the credit. Each runs to the end of the line; the earliest start wins. */
const CREDIT_FORMS: readonly RegExp[] = [
  // `(AP Photo/John Doe)`, `(Photo: Reuters)`, `(Xinhua/Li Ming)`, `(AFP)`.
  new RegExp(String.raw`\(\s*((?:[^()]{0,80}?(?<![\p{L}\p{N}])${PICTURE_WORD}(?![\p{L}\p{N}])[^()]{0,80}?)|(?:${AGENCY}(?:\s+(?:Photo|Images|Foto))?(?:\s*\/\s*[^()/]{1,60}){0,3}(?:,\s*File)?))\s*\)[\s.]*$`, 'iu'),
  // `File photo: AFP`, `Photo: Reuters/Jane Doe`, `Image: …`, `Credit: …`, `Photographer: …/Bloomberg`.
  /(?<![\p{L}\p{N}])((?:(?:file|stock|handout|archive|main|top|lead|cover)\s+)?(?:(?:photo|image|picture)\s+credit|photographer|photo(?:graph)?s?|pictures?|pics?|images?|credits?|foto|bild|imagen|photographie|صورة)\s*[:/]\s*\S.{0,119})$/iu,
  // `Photo by Jane Doe`, `Courtesy of the museum`, `Picture courtesy of …`.
  new RegExp(String.raw`${AFTER_SENTENCE}((?:(?:file |stock )?(?:photo(?:graph)?|picture|image)s?\s+(?:by|courtesy(?: of)?|from|via)|courtesy(?: of)?)\s+\S.{0,119})$`, 'iu'),
  // `© Jane Doe`, `©AFP 2024`.
  /(?:^|\s)(©\s*\S.{0,119})$/u,
  // `REUTERS/Fabian Bimmer/File Photo`, `AP Photo/Jane Doe, File`, `AFP/Getty Images`, `EPA-EFE/JOHN DOE`, `dpa/Anna Weber`.
  new RegExp(String.raw`${AFTER_SENTENCE}(${AGENCY}(?:\s+(?:Photo|Images|Pictures|Foto))?(?:\s*\/\s*[^/\s][^/]{0,80}){1,3}(?:\s+via\s+Getty Images)?)[\s.]*$`, 'u'),
  // `AFP via Getty Images`, `Anadolu Agency`, `PA Media` after a separator.
  new RegExp(String.raw`${AFTER_SEPARATOR}(${AGENCY}(?:\s+(?:Photo|Images|Pictures))?(?:\s+via\s+Getty Images)?)[\s.]*$`, 'u'),
  // `… in Ankara. Anadolu Agency`, `… Downing Street. PA Media`, `… mardi. AFP`.
  new RegExp(String.raw`${AFTER_SENTENCE}(${AGENCY})[\s.]*$`, 'u'),
  // `Jane Doe/AFP via Getty Images`, `Anna Weber/dpa`, `Li Ming/Xinhua`, `Jane Doe/Getty Images`.
  new RegExp(String.raw`${AFTER_SENTENCE}(${NAME}\s*\/\s*${AGENCY}(?:\s+(?:via|for)\s+Getty Images)?(?:\s*\/\s*File(?: Photo)?)?)[\s.]*$`, 'u'),
  // `… / AFP`, `… | Reuters`.
  new RegExp(String.raw`\s[/|]\s*(${AGENCY})[\s.]*$`, 'u'),
];

/** A news agency's bare name in brackets: after a sentence's end it attributes the sentence (`… officials said. (Reuters)`), not a photo. */
const BARE_AGENCY = new RegExp(String.raw`^(?!${PICTURE_AGENCY}$)${AGENCY}$`, 'u');

/**
 * Split a caption line into caption and credit, or `undefined` when it carries no picture credit.
 * Lines longer than {@link MAX_CAPTION_LENGTH} are never captions.
 */
export function splitCredit(text: string): {caption: string; credit: string} | undefined {
  if (text.length > MAX_CAPTION_LENGTH || text.includes('\n')) return undefined;
  let best: {index: number; credit: string} | undefined;
  for (const form of CREDIT_FORMS) {
    const match = form.exec(text);
    const credit = match?.[1]?.trim();
    if (!match || !credit) continue;
    if (BARE_AGENCY.test(credit) && text[match.index] === '(' && /[.!?]["”’]?\s*$/u.test(text.slice(0, match.index))) continue;
    if (best === undefined || match.index < best.index) best = {index: match.index, credit};
  }
  if (best === undefined) return undefined;
  const caption = text.slice(0, best.index).replace(/[\s|•·–—/-]+$/u, '').trim();
  return {caption, credit: best.credit};
}
