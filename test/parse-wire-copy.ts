import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { builtInChromePatterns, parseWireCopy } from '../scripts/lib/article/parse-wire-copy.ts';
import {loadWireTools} from '../scripts/lib/article/wire/wire-tools.ts';


const fixture = (name: string): string => readFileSync(new URL(`./fixtures/wire/${name}`, import.meta.url), 'utf8');
const texts = (lines: readonly { readonly text: string }[]): string[] => lines.map((line) => line.text);

const NBSP = '\u00a0';

// Wire parsing's libraries load on demand, as the build's parse step loads them.
test.before(async () => {
  await loadWireTools();
});

test('should parse the headline, caption and credit of the sample', () => {
  const copy = parseWireCopy(fixture('syrian-opposition.txt'));
  assert.equal(copy.headline, { text: 'Syrian opposition to attend Astana talks', line: 1 });
  assert.equal(copy.caption, {
    caption: 'Members of the Syrian National Coalition (SNC) meeting in Istanbul.',
    credit: 'File photo: AFP',
    line: 4,
  });
});

test('should keep every body paragraph of the sample, literally', () => {
  const { paragraphs } = parseWireCopy(fixture('syrian-opposition.txt'));
  // Lines 6, 8, …, 34: fifteen body paragraphs (the headline and the caption are not among them).
  assert.equal(paragraphs.map((p) => p.line), [6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34]);
  assert.is(
    paragraphs[0]?.text,
    'Armed Syrian opposition groups have decided to attend peace talks with the government next week in Kazakhstan’s capital, Astana, according to rebel officials.',
  );
  assert.is(
    paragraphs.at(-1)?.text,
    `Syria has been enguled by violence since widespread protests in March 2011 calling for Assad’s removal.${NBSP}More than 310,000 people have been killed and over half the population has been forced to flee.`,
  );
  assert.is(
    paragraphs[3]?.text,
    `“All the rebel groups are going [to Astana]. Everyone has agreed,”${NBSP}Alloush${NBSP}told AFP news agency.${NBSP}“Astana is a process to end the bloodletting by the regime and its allies. We want to end this series of crimes.”`,
  );
  assert.ok(paragraphs[1]?.text.includes(`in Syria,${NBSP}scheduled`));
  assert.ok(paragraphs.every((p) => p.text === p.text.trim() && p.text !== ''));
});

test('should remove and report the trailing chrome of the sample', () => {
  const { removed } = parseWireCopy(fixture('syrian-opposition.txt'));
  assert.equal(removed, [
    { text: 'For the latest news follow us on Twitter', line: 37 },
    { text: 'Join our Weekly Newsletter', line: 39 },
    { text: 'Related Items', line: 42 },
    { text: 'Leave a Reply', line: 44 },
    { text: 'Your email address will not be published. Required fields are marked *', line: 46 },
    { text: '1 + twenty =', line: 48 },
  ]);
});

test('should give the same result for CRLF and lone CR line endings as for LF', () => {
  const lf = parseWireCopy(fixture('syrian-opposition.txt'));
  const crlf = fixture('syrian-opposition-crlf.txt');
  assert.ok(crlf.includes('\r\n'));
  assert.equal(parseWireCopy(crlf), lf);
  assert.equal(parseWireCopy(fixture('syrian-opposition.txt').replace(/\n/g, '\r')), lf);
});

test('should keep a newsletter mention in the middle of the body and drop the share buttons', () => {
  const copy = parseWireCopy(fixture('newsletter-mid-body.txt'));
  assert.is(copy.caption, undefined);
  assert.is(copy.paragraphs.length, 4);
  assert.ok(copy.paragraphs[1]?.text.includes('sign up for our newsletter'));
  assert.is(copy.paragraphs.at(-1)?.text, 'The first edition is due on March 1.');
  assert.equal(texts(copy.removed), ['Share this:', 'Email', 'Print']);
});

test('should remove a "Related Articles" header, its headlines and the comment prompt', () => {
  const copy = parseWireCopy(fixture('related-articles.txt'));
  assert.equal(copy.removed, [
    { text: 'Related Articles', line: 11 },
    { text: 'Storms batter Alpine valleys as rivers burst their banks', line: 13 },
    { text: 'Rail line reopens after landslide', line: 15 },
    { text: 'Tourists stranded as snow arrives early', line: 17 },
    { text: 'Leave a comment', line: 19 },
  ]);
  assert.equal(texts(copy.paragraphs).at(-1), 'Forecasters expect the rain to ease by Thursday.');
  assert.is(copy.paragraphs.length, 3);
});

test('should split an "(AP Photo/…)" credit from its caption', () => {
  const copy = parseWireCopy(fixture('related-articles.txt'));
  assert.equal(copy.caption, {
    caption: 'Police stand guard at the closed road near Bellwald on Monday.',
    credit: 'AP Photo/Jane Doe',
    line: 3,
  });
});

test('should split a "Photo: Reuters/…" credit from its caption', () => {
  const copy = parseWireCopy(fixture('reuters-photo.txt'));
  assert.equal(copy.caption, {
    caption: 'The governor of the central bank speaks at a news conference in the capital.',
    credit: 'Photo: Reuters/John Smith',
    line: 3,
  });
  assert.is(copy.paragraphs.length, 2);
  assert.equal(copy.removed, [{ text: 'Advertisement', line: 9 }]);
});

test('should recognise other common credit forms', () => {
  const captionOf = (line: string) => parseWireCopy(`Headline\n\n${line}\n\nBody.`).caption;
  assert.equal(captionOf('Smoke over the city. (Photo by Jane Doe)'), { caption: 'Smoke over the city.', credit: 'Photo by Jane Doe', line: 3 });
  assert.equal(captionOf('Smoke over the city. Photo by Jane Doe'), { caption: 'Smoke over the city.', credit: 'Photo by Jane Doe', line: 3 });
  assert.equal(captionOf('Smoke over the city | Photo: EPA'), { caption: 'Smoke over the city', credit: 'Photo: EPA', line: 3 });
  assert.equal(captionOf('Smoke over the city. Jane Doe/AFP via Getty Images'), {
    caption: 'Smoke over the city.',
    credit: 'Jane Doe/AFP via Getty Images',
    line: 3,
  });
  assert.equal(captionOf('Smoke over the city / AFP'), { caption: 'Smoke over the city', credit: 'AFP', line: 3 });
  assert.equal(captionOf('Smoke over the city. Picture: PA'), { caption: 'Smoke over the city.', credit: 'Picture: PA', line: 3 });
  assert.equal(captionOf('Smoke over the city. Credit: Jane Doe'), { caption: 'Smoke over the city.', credit: 'Credit: Jane Doe', line: 3 });
  assert.is(captionOf('Smoke over the city, officials said. (Reuters)'), undefined);
});

test('should not take a body sentence that mentions a photo for a caption', () => {
  const copy = parseWireCopy(fixture('photo-in-body.txt'));
  assert.is(copy.caption, undefined);
  assert.ok((copy.paragraphs[0]?.text.length ?? 0) > 300);
  assert.equal(texts(copy.paragraphs).slice(1), [
    'The photo was taken by a tourist in 1975.',
    'The statue will go on display in Athens next year.',
  ]);
  assert.equal(copy.removed, []);
});

test('should remove custom trailing lines matched by site patterns from the options', () => {
  const text = fixture('site-pattern.txt');
  const plain = parseWireCopy(text);
  assert.equal(texts(plain.removed), ['Tags: transport, city council']);
  assert.is(plain.paragraphs.at(-1)?.text, 'Support independent journalism. Give what you can today.');

  const sitePattern = /^support independent journalism\b/gi; // a `g` flag must not make matching stateful
  const copy = parseWireCopy(text, { chromePatterns: [sitePattern] });
  assert.equal(copy.removed, [
    { text: 'Support independent journalism. Give what you can today.', line: 7 },
    { text: 'Tags: transport, city council', line: 9 },
  ]);
  assert.equal(parseWireCopy(text, { chromePatterns: [sitePattern] }), copy);
  assert.is(sitePattern.lastIndex, 0);
  assert.is(copy.paragraphs.at(-1)?.text, 'Work on the first stretch, along the river, is due to start in the spring.');
});

test('should recognise other trailing chrome and captcha sums', () => {
  const copy = parseWireCopy(
    [
      'Headline',
      'A body paragraph.',
      'Another body paragraph that ends the story.',
      'Advertisement',
      'You may also like',
      'A related headline',
      'Follow us on Facebook',
      'Share on WhatsApp',
      'Sign up for our newsletter',
      '3 Comments',
      'Name *',
      'Email *',
      'Website',
      'Save my name, email, and website in this browser for the next time I comment.',
      'seven × 3 = ',
      '5 - 2 =',
      'Post Comment',
    ].join('\n\n'),
  );
  assert.equal(texts(copy.paragraphs), ['A body paragraph.', 'Another body paragraph that ends the story.']);
  assert.is(copy.removed.length, 14);
  assert.is(copy.removed.at(-1)?.line, 33);
});

test('should keep short final paragraphs that are not under a related header', () => {
  const copy = parseWireCopy('Headline\n\nA long enough opening paragraph.\n\nShort one.\n\nShort two.\n\nLeave a Reply');
  assert.equal(texts(copy.paragraphs), ['A long enough opening paragraph.', 'Short one.', 'Short two.']);
  assert.equal(texts(copy.removed), ['Leave a Reply']);
});

test('should keep markup-like text literal', () => {
  const copy = parseWireCopy(fixture('markup.txt'));
  assert.equal(copy.headline, { text: '# Not a *Markdown* heading <b>bold</b>', line: 1 });
  assert.equal(texts(copy.paragraphs), [
    '1. This is not a list item and [this](is not a link).',
    '<script>alert("x")</script> & &amp; stay as they are.',
    '* Neither is this | a | table |\n---',
  ]);
  assert.equal(copy.removed, []);
});

test('should join the lines of a paragraph with a single newline and keep their line numbers', () => {
  const copy = parseWireCopy('\n\n  Headline  \nfirst line\r\n  second line  \n \t\n\n\nthird');
  assert.equal(copy.headline, { text: 'Headline', line: 3 });
  assert.equal(copy.paragraphs, [
    { text: 'first line\n  second line', line: 4 },
    { text: 'third', line: 9 },
  ]);
});

test('should return nothing for empty and whitespace-only input', () => {
  const empty = { headline: undefined, caption: undefined, byline: undefined, dateline: undefined, paragraphs: [], trailer: undefined, removed: [], lang: undefined };
  assert.equal(parseWireCopy(''), empty);
  assert.equal(parseWireCopy(' \n\t\r\n\u00a0\r'), empty);
});

test('should not throw on input that is only chrome or very large', () => {
  const onlyChrome = parseWireCopy('Related Items\n\nLeave a Reply\n\n1 + twenty =');
  assert.equal(onlyChrome.headline, { text: 'Related Items', line: 1 });
  assert.equal(onlyChrome.paragraphs, []);
  assert.equal(texts(onlyChrome.removed), ['Leave a Reply', '1 + twenty =']);

  const huge = parseWireCopy(`Headline\n\n${'word '.repeat(100_000)}\n\n${'Short.\n\n'.repeat(10_000)}Advertisement`);
  assert.is(huge.paragraphs.length, 10_001);
  assert.equal(texts(huge.removed), ['Advertisement']);
});

test('should split the credit forms of every agency from the caption', () => {
  const captionOf = (line: string) => parseWireCopy(`Headline\n\n${line}\n\nBody.`).caption;
  const cases: [string, string, string][] = [
    ['Smoke over Berlin, March 3, 2023. REUTERS/Fabian Bimmer/File Photo', 'Smoke over Berlin, March 3, 2023.', 'REUTERS/Fabian Bimmer/File Photo'],
    ['Smoke over Berlin. REUTERS/Fabian Bimmer', 'Smoke over Berlin.', 'REUTERS/Fabian Bimmer'],
    ['Smoke over Berlin. AP Photo/Jane Doe, File', 'Smoke over Berlin.', 'AP Photo/Jane Doe, File'],
    ['Smoke over Berlin. (AP Photo/Jane Doe)', 'Smoke over Berlin.', 'AP Photo/Jane Doe'],
    ['Smoke over Berlin. AFP/Getty Images', 'Smoke over Berlin.', 'AFP/Getty Images'],
    ['Smoke over Berlin (AFP)', 'Smoke over Berlin', 'AFP'],
    ['Smoke over Berlin. AFP', 'Smoke over Berlin.', 'AFP'],
    ['Smoke over Berlin. Jane Doe/Getty Images', 'Smoke over Berlin.', 'Jane Doe/Getty Images'],
    ['Smoke over Berlin. EPA-EFE/JOHN DOE', 'Smoke over Berlin.', 'EPA-EFE/JOHN DOE'],
    ['Smoke over Berlin. Anadolu Agency', 'Smoke over Berlin.', 'Anadolu Agency'],
    ['Smoke over Berlin. (Anadolu Agency)', 'Smoke over Berlin.', 'Anadolu Agency'],
    ['Smoke over Berlin. (Xinhua/Li Ming)', 'Smoke over Berlin.', 'Xinhua/Li Ming'],
    ['Smoke over Berlin. Photo: Anna Weber/dpa', 'Smoke over Berlin.', 'Photo: Anna Weber/dpa'],
    ['Smoke over Berlin. Anna Weber/dpa', 'Smoke over Berlin.', 'Anna Weber/dpa'],
    ['Smoke over Berlin. PA Media', 'Smoke over Berlin.', 'PA Media'],
    ['Smoke over Berlin. Photographer: Tom Hansen/Bloomberg', 'Smoke over Berlin.', 'Photographer: Tom Hansen/Bloomberg'],
    ['Smoke over Berlin. Image: City Archive', 'Smoke over Berlin.', 'Image: City Archive'],
    ['Smoke over Berlin. Courtesy of the museum', 'Smoke over Berlin.', 'Courtesy of the museum'],
    ['Smoke over Berlin. © Jane Doe', 'Smoke over Berlin.', '© Jane Doe'],
  ];
  for (const [line, caption, credit] of cases) assert.equal(captionOf(line), { caption, credit, line: 3 }, line);
});

test('should find the caption after a standfirst and a byline', () => {
  const copy = parseWireCopy('Headline\n\nA standfirst that sums up the story in one longer sentence for readers.\n\nBy Jane Doe\n\nCranes over the harbour. Photo: Port Authority\n\nThe body begins here, and it goes on for a while.');
  assert.equal(copy.caption, { caption: 'Cranes over the harbour.', credit: 'Photo: Port Authority', line: 7 });
  assert.equal(copy.byline, { text: 'By Jane Doe', authors: ['Jane Doe'], line: 5 });
  assert.equal(texts(copy.paragraphs), ['A standfirst that sums up the story in one longer sentence for readers.', 'The body begins here, and it goes on for a while.']);
});

test('should take the dateline out of the first paragraph, in the forms agencies use', () => {
  const datelineOf = (opening: string) => {
    const copy = parseWireCopy(`Headline\n\n${opening} The rest of the sentence.\n\nMore.`);
    return [copy.dateline?.text, copy.paragraphs[0]?.text];
  };
  assert.equal(datelineOf('ANKARA, Jan 16 (Reuters) -'), ['ANKARA, Jan 16 (Reuters)', 'The rest of the sentence.']);
  assert.equal(datelineOf('CAIRO (AFP) —'), ['CAIRO (AFP)', 'The rest of the sentence.']);
  assert.equal(datelineOf('WASHINGTON —'), ['WASHINGTON', 'The rest of the sentence.']);
  assert.equal(datelineOf('LYON, 12 avril (AFP) -'), ['LYON, 12 avril (AFP)', 'The rest of the sentence.']);
  assert.equal(datelineOf('Berlin (dpa) -'), ['Berlin (dpa)', 'The rest of the sentence.']);
  assert.equal(datelineOf('The Senate — which met late —'), [undefined, 'The Senate — which met late — The rest of the sentence.']);
  assert.equal(parseWireCopy('Headline\n\nCAIRO (AFP) — Text.').dateline, { text: 'CAIRO (AFP)', line: 3 });
  const ownLine = parseWireCopy('Headline\n\nWASHINGTON —\nThe Senate voted late on Thursday.');
  assert.equal([ownLine.dateline?.text, texts(ownLine.paragraphs)], ['WASHINGTON', ['The Senate voted late on Thursday.']]);
});

test('should read the authors of a byline, without the agency or a role', () => {
  const authorsOf = (line: string) => parseWireCopy(`Headline\n\n${line}\n\nThe body, which is long enough to be prose.`).byline?.authors;
  assert.equal(authorsOf('By Jane Doe'), ['Jane Doe']);
  assert.equal(authorsOf('By Jane Doe and John Roe, Reuters'), ['Jane Doe', 'John Roe']);
  assert.equal(authorsOf('Par Jean Dupont'), ['Jean Dupont']);
  assert.equal(authorsOf('Por María López y Juan Pérez'), ['María López', 'Juan Pérez']);
  assert.equal(authorsOf('By James Carter, PA Political Correspondent'), ['James Carter']);
  assert.equal(authorsOf('By Reuters'), ['Reuters']);
  assert.is(authorsOf('By the time rescuers arrived'), undefined);
  assert.is(authorsOf('By Monday, officials said.'), undefined);
});

test('should keep the agency trailer apart, after removing the chrome below it', () => {
  const copy = parseWireCopy('Headline\n\nThe body, which is long enough to be prose, ends here.\n\n(Reporting by Jane Doe; Editing by John Roe)\n\nShare this\nFacebook\nTwitter');
  assert.equal(copy.trailer, { text: '(Reporting by Jane Doe; Editing by John Roe)', line: 5 });
  assert.equal(texts(copy.paragraphs), ['The body, which is long enough to be prose, ends here.']);
  assert.equal(texts(copy.removed), ['Share this', 'Facebook', 'Twitter']);
  assert.equal(parseWireCopy('Headline\n\nThe body, which is long enough to be prose, ends here.\n\n— AFP').trailer?.text, '— AFP');
});

test('should remove chrome pasted as one block of lines, at the tail and at the head', () => {
  const copy = parseWireCopy(
    'Home > News > Politics\nMenu\nCouncil votes\nBy Jane Doe\nUpdated 3 March 2024\n\nThe council voted on Tuesday to close the old bridge to cars, officials said.\nThe vote was close, and the debate was long.\nShare this:\nTwitter\nFacebook\nRelated\nBridge plan approved\nHarbour tunnel opens',
  );
  assert.equal(copy.headline, { text: 'Council votes', line: 3 });
  assert.equal(copy.byline?.authors, ['Jane Doe']);
  assert.equal(texts(copy.paragraphs), ['The council voted on Tuesday to close the old bridge to cars, officials said.\nThe vote was close, and the debate was long.']);
  assert.equal(copy.removed.map((line) => line.line), [1, 2, 5, 9, 10, 11, 12, 13, 14]);
});

test('should remove a run of short lines without stopwords after the body, but keep a short spoken line', () => {
  const run = parseWireCopy('Headline\n\nThe body, which is long enough to be prose, ends here.\n\nStorm batters coast\n\nRail line reopens');
  assert.equal(texts(run.removed), ['Storm batters coast', 'Rail line reopens']);
  const spoken = parseWireCopy('Headline\n\nThe body, which is long enough to be prose, ends here.\n\n“We will be back,” he said');
  assert.equal(texts(spoken.paragraphs).at(-1), '“We will be back,” he said');
  assert.equal(spoken.removed, []);
});

test('should tell the language of long text only, and never the site language', () => {
  const french = 'Les conducteurs de tramway et de bus de la métropole se sont mis en grève mardi pour réclamer des hausses de salaire, perturbant fortement les déplacements de milliers d’habitants de la ville.';
  assert.is(parseWireCopy(`Grève à Lyon\n\n${french}`).lang, 'fr');
  assert.is(parseWireCopy(`Grève à Lyon\n\n${french}`, { language: 'fr-FR' }).lang, undefined);
  assert.is(parseWireCopy('Grève à Lyon\n\nLes conducteurs sont en grève.').lang, undefined);
  assert.is(parseWireCopy(fixture('syrian-opposition.txt')).lang, undefined);
});

test('should stay fast on a 1 MB line and on 1 MB of short lines', () => {
  // Unloaded, each takes 5–50 ms (the short lines about 0.7 s): the bounds leave room for a
  // busy machine and still catch a regular expression that backtracks (minutes on such lines).
  const cases: [string, number][] = [
    [`Headline\n\n${'word '.repeat(200_000)}`, 5000],
    [`Headline\n\n${'(By ANKARA, REUTERS/'.repeat(50_000)}`, 5000],
    [`Headline\n\n${'Home > '.repeat(140_000)}`, 5000],
    [`Headline\n\n${'Photo: a/'.repeat(110_000)}\n\n${'Share '.repeat(160_000)}`, 5000],
    [`Headline\n\n${'a\n'.repeat(500_000)}`, 20_000],
  ];
  for (const [text, bound] of cases) {
    const start = performance.now();
    parseWireCopy(text);
    const took = performance.now() - start;
    assert.ok(took < bound, `${text.slice(10, 40)}…: took ${took} ms`);
  }
});

test('should export the built-in chrome patterns', () => {
  assert.ok(builtInChromePatterns.length > 10);
  assert.ok(builtInChromePatterns.every((pattern) => pattern instanceof RegExp));
});

test.run();
