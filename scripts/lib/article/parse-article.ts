import {editionOf} from '../config/editions.ts';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {Root} from 'hast';
import {toString} from 'hast-util-to-string';
import {h} from 'hastscript';
import type {VFile} from 'vfile';
import {dateParts, lastModified, parseDate} from '../dates.ts';
import {findPlaceholder} from './find-placeholder.ts';
import {hastToHtml} from './hast-to-html.ts';
import {imageDimensions} from './image-dimensions.ts';
import {markdownToHast} from './markdown-to-hast.ts';
import {countWords} from './count-words.ts';
import {resolveLocal} from './plugins/rehype-local-images.ts';
import {isRaster, planImage, sourceHashOf} from '../images/plan-image.ts';
import {parseWireCopy} from './parse-wire-copy.ts';
import {readFrontMatter, type FrontMatter} from '../source/read-front-matter.ts';
import {fail} from '../report/report-issues.ts';
import {slugify} from '../slugify.ts';
import type {Article, ArticleBody, ArticleImage, SiteConfig} from '../types.ts';

const datedName = /^(\d{4}-\d{2}-\d{2})-(.+)$/;

/**
 * One source file to one article. Problems are reported on `file` with their
 * position; the result is undefined when any of them is fatal.
 *
 * @param file The article's file, its `value` the raw text and `path` relative to `file.cwd`.
 * @param config The site config.
 * @param key The article's cache key (see `articleKey`): what its body is fetched by.
 * @returns the article as plain data, and its body apart.
 */
export function parseArticle(file: VFile, config: SiteConfig, key: string): {article: Article; body: ArticleBody} | undefined {
  const source = String(file.value).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const format = path.extname(file.path).toLowerCase() === '.txt' ? 'wire' : 'markdown';
  const front = readFrontMatter(file, source);
  if (!front.data) return undefined;
  const data: FrontMatter = front.data;
  const stem = path.basename(file.path, path.extname(file.path));
  const named = datedName.exec(stem);

  let title = data.title;
  let image: ArticleImage | undefined;
  let tree: Root;
  let wireAuthors: readonly string[] | undefined;
  let wireDateline: string | undefined;
  let wireLang: string | undefined;

  if (format === 'markdown') {
    if (!front.present) {
      fail(file, 'no front matter: start the file with a `---` line, then `title:` and `date:`, then another `---` line', {line: 1, column: 1}, 'front-matter');
      return undefined;
    }
    tree = markdownToHast('\n'.repeat(front.bodyLine - 1) + front.body, file, config.articlesDir, config.gfm, config);
  } else {
    const wire = parseWireCopy(front.body, {chromePatterns: config.chromePatterns.map((p) => new RegExp(p, 'iu')), language: config.language});
    title ??= wire.headline?.text;
    const shift = front.bodyLine - 1;
    const note = (reason: string, line: number, ruleId: string): void => {
      file.info(reason, {place: {line: line + shift, column: 1}, ruleId, source: 'dateline'});
    };
    if (wire.caption) image = {caption: wire.caption.caption, credit: wire.caption.credit};
    if (wire.byline) {
      if (data.author === undefined) wireAuthors = wire.byline.authors;
      note(`read byline: "${wire.byline.text.slice(0, 60)}"${data.author === undefined ? '' : ' (front matter `author` kept)'}`, wire.byline.line, 'wire-byline');
    }
    if (wire.dateline) {
      wireDateline = wire.dateline.text;
      note(`read dateline: "${wire.dateline.text.slice(0, 60)}"${data.dateline === undefined ? '' : ' (front matter `dateline` kept)'}`, wire.dateline.line, 'wire-dateline');
    }
    if (wire.trailer) note(`kept agency trailer as the last paragraph: "${wire.trailer.text.slice(0, 60)}"`, wire.trailer.line, 'wire-trailer');
    if (wire.lang && data.lang === undefined) {
      wireLang = wire.lang;
      note(`detected language: ${wire.lang}; set \`lang:\` in front matter if that is wrong`, wire.headline?.line ?? 1, 'wire-lang');
    }
    for (const removed of wire.removed) note(`removed page chrome: "${removed.text.slice(0, 60)}"`, removed.line, 'wire-chrome');
    tree = {
      type: 'root',
      children: [...wire.paragraphs.map((paragraph) => h('p', paragraph.text)), ...(wire.trailer ? [h('p', {className: ['trailer']}, wire.trailer.text)] : [])],
    };
  }

  if (!title) {
    fail(file, format === 'wire' ? 'no headline: the first non-empty line is the headline' : 'missing `title` in front matter: add `title: Your headline`', {line: 1, column: 1}, 'front-matter');
  }

  const dateText = data.date ?? named?.[1];
  let date: string | undefined;
  if (!dateText) {
    fail(file, format === 'wire' ? 'no date: name the file YYYY-MM-DD-slug.txt or add `date:` in front matter' : 'missing `date` in front matter: add `date: "2017-01-16T09:00:00+03:00"`', {line: 1, column: 1}, 'front-matter');
  } else {
    const parsed = parseDate(dateText, config.timezone);
    if ('reason' in parsed) fail(file, `\`date\`: ${parsed.reason}; use ISO 8601 such as 2017-01-16T09:00:00+03:00`, front.locate('date'), 'front-matter');
    else date = parsed.iso;
  }

  let updated: string | undefined;
  if (data.updated) {
    const parsed = parseDate(data.updated, config.timezone);
    if ('reason' in parsed) fail(file, `\`updated\`: ${parsed.reason}`, front.locate('updated'), 'front-matter');
    else if (date && parsed.iso < date) fail(file, '`updated` is before `date`: an update comes after publication', front.locate('updated'), 'front-matter');
    else updated = parsed.iso;
  }

  const corrections: {date: string; text: string}[] = [];
  for (const [index, correction] of (data.corrections ?? []).entries()) {
    const parsed = parseDate(correction.date, config.timezone);
    if ('reason' in parsed) fail(file, `\`corrections.${index}.date\`: ${parsed.reason}`, front.locate('corrections'), 'front-matter');
    else corrections.push({date: parsed.iso, text: correction.text});
  }
  corrections.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  if (data.image) {
    const {src, alt, decorative, caption, credit} = data.image;
    const lead: {-readonly [K in keyof ArticleImage]: ArticleImage[K]} = {...image};
    if (alt !== undefined) lead.alt = alt;
    if (decorative) {
      if (alt?.trim()) fail(file, '`image.decorative` is true but `image.alt` describes the image: a decorative image has no alt text; drop one of them', front.locate('image'), 'front-matter');
      Object.assign(lead, {alt: '', decorative: true});
    }
    if (caption !== undefined) lead.caption = caption;
    if (credit !== undefined) lead.credit = credit;
    if (src && !/^https?:\/\//i.test(src)) {
      const local = resolveLocal(src, path.dirname(path.resolve(file.cwd, file.path)), path.resolve(config.articlesDir));
      const plan = 'reason' in local || !isRaster(local.from) ? undefined : planImage(local.from, config, {crops: true});
      if ('reason' in local) fail(file, `\`image.src\`: ${local.reason}`, front.locate('image'), 'front-matter');
      else if (plan && 'reason' in plan) fail(file, `\`image.src\`: image "${src}" ${plan.reason}`, front.locate('image'), 'image');
      else if (plan) Object.assign(lead, {src: plan.main.name, sourceFile: local.from, width: plan.main.width, height: plan.main.height, plan});
      else Object.assign(lead, {src: path.basename(local.from), sourceFile: local.from}, imageDimensions(local.from));
    } else if (src) {
      lead.src = src;
    }
    if (lead.src && !lead.decorative && !lead.alt?.trim()) fail(file, '`image.alt` is missing: describe the image for readers who cannot see it (or, for a purely decorative image, set `decorative: true` instead)', front.locate('image'), 'front-matter');
    image = lead;
  }

  if (file.messages.some((message) => message.fatal) || !title || !date) return undefined;

  const placeholder = data.draft ? undefined : findPlaceholder(source);
  if (placeholder) {
    file.message('still holds the placeholder text `dateline new` wrote, and is not a draft: it would be published as it is; write the story in its place (or add `draft: true` until it is ready)', {
      place: placeholder,
      ruleId: 'placeholder',
      source: 'dateline',
    });
  }

  const slug = data.slug ?? (slugify(named?.[2] ?? stem) || slugify(title) || fallbackSlug(file.path));
  const section = data.section;
  const {year, month, day} = dateParts(date, config.timezone);
  const lang = data.lang ?? wireLang;
  // An article lives in its language's edition: its folder begins its path.
  const edition = editionOf(config.editions, lang);
  const articlePath = edition.path + config.permalink
    .replace(/:year/g, year)
    .replace(/:month/g, month)
    .replace(/:day/g, day)
    .replace(/:section/g, section ? slugify(section) || 'news' : 'news')
    .replace(/:slug/g, slug);
  const pageUrl = new URL(articlePath.split('/').map(encodeURIComponent).join('/'), config.url).href;
  const {html, feedHtml} = hastToHtml(tree, pageUrl);
  // The lead photo's plan names its crops too: it stands for the file when the body shows it as well.
  const assets = (file.data.assets ?? []).map((asset) => (image?.plan && asset.from === image.sourceFile ? {...asset, image: image.plan} : asset));
  if (image?.sourceFile && !assets.some((asset) => asset.from === image.sourceFile)) {
    const place = front.locate('image');
    assets.push({from: image.sourceFile, name: path.basename(image.sourceFile), ...(image.plan ? {image: image.plan} : {sourceHash: sourceHashOf(fs.readFileSync(image.sourceFile))}), ...(place ? {place: {line: place.line, column: place.column}} : {})});
  }

  const article: Article = {
    key,
    source: file.path.split(path.sep).join('/'),
    format,
    title,
    slug,
    // Minted in the edition's folder, so a translation may keep its original's slug (`fr/slug`).
    id: data.id ? (data.id.includes(':') ? data.id : config.idBase + data.id) : config.idBase + edition.path + slug,
    date,
    updated,
    modified: lastModified({date, updated, corrections}),
    authors: data.author === undefined ? [...(wireAuthors ?? [config.author])] : typeof data.author === 'string' ? [data.author] : data.author,
    summary: data.summary,
    excerpt: excerpt(tree),
    section,
    tags: [...new Set(data.tags ?? [])],
    image,
    draft: data.draft ?? false,
    dateline: data.dateline ?? wireDateline,
    lang,
    translationKey: data.translationKey,
    edition: edition.path,
    corrections,
    path: articlePath,
    words: countWords(html),
    feedBytes: Buffer.byteLength(JSON.stringify(feedHtml)),
    assets,
  };
  return {article, body: {html, feedHtml}};
}

/**
 * A slug for an article whose file name and headline have no letters or digits (`!!!.md`,
 * an emoji headline): `article-` and a short hash of the file's path, so it is the same on
 * every build and differs between files.
 */
function fallbackSlug(source: string): string {
  return `article-${createHash('sha256').update(source.split(path.sep).join('/')).digest('hex').slice(0, 8)}`;
}

/** The first paragraph's text, whitespace folded, cut at a word near 200 characters. */
function excerpt(tree: Root): string {
  const first = tree.children.find((node) => node.type === 'element' && node.tagName === 'p');
  const text = first ? toString(first).replace(/\s+/g, ' ').trim() : '';
  if (text.length <= 200) return text;
  const cut = text.slice(0, 200);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 150))}…`;
}
