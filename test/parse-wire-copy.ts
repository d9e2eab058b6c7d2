import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { builtInChromePatterns, parseWireCopy } from '../scripts/lib/parse-wire-copy.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/wire/${name}`, import.meta.url), 'utf8');
const texts = (lines: readonly { readonly text: string }[]): string[] => lines.map((line) => line.text);

const NBSP = '\u00a0';

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

test('should export the built-in chrome patterns', () => {
  assert.ok(builtInChromePatterns.length > 10);
  assert.ok(builtInChromePatterns.every((pattern) => pattern instanceof RegExp));
});

test.run();
