/**
 * Property-based tests (fast-check) over the stages that read untrusted text: the wire-copy
 * parser, the front-matter reader, the slug maker and a whole article. Random and adversarial
 * text must never throw, never turn text into markup, and always give a slug that stays a
 * single segment inside the output folder. Runs are seeded, so a failure is reproducible.
 */
import path from 'node:path';
import fc from 'fast-check';
import {fromHtml} from 'hast-util-from-html';
import {toString} from 'hast-util-to-string';
import {h} from 'hastscript';
import {toHtml} from 'hast-util-to-html';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {VFile} from 'vfile';
import {parseArticle} from '../scripts/lib/article/parse-article.ts';
import {parseWireCopy} from '../scripts/lib/article/parse-wire-copy.ts';
import {readFrontMatter} from '../scripts/lib/source/read-front-matter.ts';
import {isReservedName, slugify} from '../scripts/lib/slugify.ts';
import {inside} from '../scripts/lib/output/write-output.ts';
import {testConfig} from './helpers/config.ts';
import {executableMarkup} from './helpers/scan-markup.ts';
import {loadWireTools} from '../scripts/lib/article/wire/wire-tools.ts';


/** Fixed seed: the same cases on every run (change it to explore). */
const settings = {seed: 20170116, numRuns: 300};

/** Pieces that break parsers: markup, YAML syntax, URL schemes, line endings, odd Unicode. */
const hostile = fc.constantFrom(
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">', '<iframe>', '</p>', '<!--', ']]>', '&lt;', '&amp;', '&#x3C;',
  'javascript:', 'data:text/html,', '---', '...', ': ', '- ', '&a ', '*a', '[', ']', '{', '}', '"', "'", '|', '>', '#', '!!str ', '%', '@', '`', '? ', '\t',
  '\n', '\n\n', '\r\n', '\r', '\u2028', '\u0000', '\uFEFF', '\u202E', '\uD800', '🎉', 'محادثات', '東京', 'ﬁ', 'é', '../', '..\\', '/etc/passwd', 'con', 'NUL', 'aux',
  'title', 'date', 'slug', 'Photo: AP', 'Related Items', 'Follow us on Twitter', '1 + twenty =', '    ', 'a'.repeat(300),
);
/** Text made of hostile pieces and random characters of every kind. */
const text = fc.array(fc.oneof(hostile, fc.string({unit: 'binary'}), fc.string({unit: 'grapheme'})), {maxLength: 30}).map((parts) => parts.join(''));

/** Every element a fragment of HTML parses into. */
function elements(html: string): string[] {
  const names: string[] = [];
  const walk = (node: {type: string; tagName?: string; children?: unknown[]}): void => {
    if (node.type === 'element') names.push(node.tagName!);
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(fromHtml(html, {fragment: true}));
  return names;
}

// Wire parsing's libraries load on demand, as the build's parse step loads them.
test.before(async () => {
  await loadWireTools();
});

test('should parse any wire copy without throwing, into text that stays text', () => {
  fc.assert(
    fc.property(text, (input) => {
      const wire = parseWireCopy(input);
      const blocks = [wire.headline?.text, wire.caption?.caption, wire.caption?.credit, ...wire.paragraphs.map((p) => p.text), ...wire.removed.map((p) => p.text)];
      for (const block of blocks) if (block !== undefined) assert.type(block, 'string');
      // Rendered the way parse-article renders them: each paragraph one <p> of its own text.
      const html = toHtml({type: 'root', children: wire.paragraphs.map((paragraph) => h('p', paragraph.text))});
      assert.equal(elements(html), wire.paragraphs.map(() => 'p'));
      assert.equal(executableMarkup(html, {fragment: true}), []);
      const texts = fromHtml(html, {fragment: true}).children.map((node) => toString(node));
      assert.equal(texts, wire.paragraphs.map((paragraph) => paragraph.text.replace(/\r\n?/g, '\n')));
    }),
    settings,
  );
});

/** Words of ordinary news prose, chrome's own words among them (a body may mention a newsletter). */
const word = fc.constantFrom(
  'the', 'council', 'said', 'on', 'Monday', 'that', 'it', 'would', 'share', 'newsletter', 'comment', 'follow', 'subscribe', 'reply', 'related', 'tags',
  'print', 'email', 'cookies', 'login', 'readers', 'talks', 'ministry', 'harbour', 'and', 'of', 'a', 'in', 'more', 'from', 'updated', 'published', 'advertisement',
  'home', 'menu', 'search', 'copyright', 'rights', 'reserved', '2024', '310,000', 'Ankara', 'after', 'before', 'with', 'like', 'us', 'our', 'join', 'read',
);
/** A sentence: capitalised words ending with a full stop, a question or an exclamation mark. */
const sentence = fc
  .tuple(fc.array(word, {minLength: 4, maxLength: 18}), fc.constantFrom('.', '!', '?', '.”'))
  .map(([words, end]) => `${words.join(' ').replace(/^./u, (first) => first.toUpperCase())}${end}`);
/** A prose paragraph: one to four sentences, over 60 characters. */
const prose = fc.array(sentence, {minLength: 1, maxLength: 4}).map((sentences) => sentences.join(' ')).filter((text) => text.length > 60);
/** Page chrome and other lines that may be pasted around a story, as paragraphs or as one block. */
const chromeLine = fc.constantFrom(
  'Share this:', 'Facebook', 'Twitter', 'Related Items', 'Leave a Reply', '1 + twenty =', 'Advertisement', 'Tags: council, harbour', 'Home > News > Politics',
  'Updated 12 March 2024', 'Join our Weekly Newsletter', 'Read more', '3 Comments', 'About the author', 'Print', '© 2024 Example News', 'Menu', 'By Jane Doe',
  'Photo: Reuters/Jane Doe', '(Reporting by Jane Doe; Editing by John Roe)', '— AFP', 'Storm batters coast', 'Short line', 'WASHINGTON —',
);
const around = fc.array(fc.tuple(chromeLine, fc.constantFrom('\n', '\n\n')), {maxLength: 12}).map((lines) => lines.map(([line, gap]) => line + gap).join(''));

test('should never remove a prose paragraph, whatever is pasted around it', () => {
  fc.assert(
    fc.property(fc.array(prose, {minLength: 1, maxLength: 5}), around, around, (paragraphs, head, tail) => {
      const wire = parseWireCopy(`Headline\n\n${head}\n\n${paragraphs.join('\n\n')}\n\n${tail}`);
      const removed = wire.removed.map((line) => line.text);
      const body = wire.paragraphs.map((paragraph) => paragraph.text);
      for (const paragraph of paragraphs) {
        assert.not.ok(removed.includes(paragraph), `removed: ${paragraph}`);
        assert.ok(body.includes(paragraph), `not in the body as written: ${paragraph}\nbody: ${JSON.stringify(body)}`);
      }
    }),
    settings,
  );
});

test('should read any front matter without throwing: data, or fatal messages with a line', () => {
  fc.assert(
    fc.property(text, text, (yaml, body) => {
      const file = new VFile({path: 'a.md', value: ''});
      const result = readFrontMatter(file, `---\n${yaml.replace(/\r\n?/g, '\n')}\n---\n${body}`);
      if (result.data === undefined) {
        const fatal = file.messages.filter((message) => message.fatal);
        assert.ok(fatal.length > 0, 'no data, but no error either');
        for (const message of fatal) assert.ok((message.line ?? 1) >= 1 && message.reason.length > 0);
      } else {
        assert.type(result.data, 'object');
        assert.ok(result.bodyLine >= 1);
      }
    }),
    settings,
  );
});

test('should make a slug that is one safe path segment inside the output folder', () => {
  const root = path.resolve('/srv/site/dist');
  fc.assert(
    fc.property(text, (input) => {
      const slug = slugify(input);
      if (slug === '') return;
      assert.match(slug, /^[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*$/u);
      assert.ok(new TextEncoder().encode(slug).length <= 120, `too long: ${slug}`);
      assert.not.ok(isReservedName(slug), slug);
      assert.is(path.dirname(inside(root, `2020/01/${slug}/index.html`)), path.join(root, '2020', '01', slug));
      assert.is(encodeURIComponent(slug).length > 0, true);
      assert.is(slugify(slug), slug, 'a slug is its own slug');
    }),
    settings,
  );
});

test('should turn any article into a page whose HTML runs nothing, or report why not', () => {
  const config = testConfig();
  const article = fc.record({format: fc.constantFrom('md', 'txt'), title: text, body: text, name: text});
  fc.assert(
    fc.property(article, ({format, title, body, name}) => {
      const front = format === 'md' ? `---\ntitle: ${JSON.stringify(title || 'x')}\ndate: "2020-01-01"\n---\n` : '';
      const stem = `2020-01-01-${name.replace(/[/\\\0]/g, '')}`.slice(0, 100);
      const file = new VFile({path: `${stem}.${format}`, cwd: config.articlesDir, value: `${front}${format === 'txt' ? `${title || 'x'}\n\n` : ''}${body}`});
      let parsed;
      try {
        parsed = parseArticle(file, config, 'property');
      } catch (error) {
        assert.unreachable(`threw ${(error as Error).stack}`);
      }
      if (!parsed) {
        assert.ok(file.messages.some((message) => message.fatal), 'no article and no error');
        return;
      }
      assert.equal(executableMarkup(parsed.body.html, {fragment: true}), []);
      assert.equal(executableMarkup(parsed.body.feedHtml, {fragment: true}), []);
      assert.match(parsed.article.path, /^2020\/01\/[^/.\\\0]+\/$/u);
    }),
    {...settings, numRuns: 150},
  );
});

test.run();
