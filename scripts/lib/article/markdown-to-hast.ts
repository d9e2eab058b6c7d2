import type {Root} from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, {defaultSchema, type Options as SanitizeSchema} from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import {remarkNewsMarkdown} from './plugins/remark-news-markdown.ts';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import {unified} from 'unified';
import type {VFile} from 'vfile';
import {someNode} from './each-element.ts';
import {rehypeLocalImages} from './plugins/rehype-local-images.ts';
import {rehypeRequireAlt} from './plugins/rehype-require-alt.ts';
import {rehypeTableAlign} from './plugins/rehype-table-align.ts';
import {configDefaults} from '../config/config-defaults.ts';
import type {SiteConfig} from '../types.ts';

/**
 * The sanitizer's allow-list: GitHub's (hast-util-sanitize's default), plus `lang` and `dir`
 * everywhere for articles in other scripts, and `role="presentation"`/`"none"` on images. Scripts, event handlers, `style`, iframes and
 * `javascript:`/`data:` URLs are not on it.
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'lang', 'dir'],
    // `role="presentation"` (or `none`) marks an image decorative, WCAG's way, with `alt=""`.
    img: [...(defaultSchema.attributes?.['img'] ?? []), ['role', 'presentation', 'none']],
  },
};

/**
 * Markdown body to a sanitized HTML tree: remark-parse (CommonMark) with tables and
 * strikethrough, or all of GitHub Flavored Markdown with `gfm`,
 * remark-rehype with raw HTML kept, rehype-raw to parse it, rehype-sanitize to defang it,
 * then every image checked for alt text, local images checked and sized, and tables made valid HTML.
 *
 * @param body The Markdown text, padded so its lines match the file's.
 * @param file The article's file: positions and messages go there.
 * @param articlesDir The articles folder, which local images must stay inside.
 * @param gfm Whether to read all of GitHub Flavored Markdown (bare URLs, footnotes, task lists).
 * @param images The image settings raster images are planned with (`imageWidths`, `maxImagePixels`).
 */
export function markdownToHast(body: string, file: VFile, articlesDir: string, gfm = false, images: Pick<SiteConfig, 'imageWidths' | 'maxImagePixels'> = configDefaults): Root {
  const mdast = (gfm ? gfmParser : newsParser(body)).parse(body);
  const hast = toHast.runSync(mdast, file) as Root;
  // Raw HTML is re-parsed through parse5 only when there is some: most articles have none.
  const raw = hasRaw(hast) ? (reparse.runSync(hast, file) as Root) : hast;
  const clean = sanitize.runSync(raw, file) as Root;
  return unified().use(rehypeRequireAlt).use(rehypeLocalImages, {articlesDir, images}).use(rehypeTableAlign).runSync(clean, file) as Root;
}

/** The frozen stages, made once: a processor's plugins are set up when it is frozen, not per article. */
const newsParsers = [false, true].flatMap((table) =>
  [false, true].map((strikethrough) => unified().use(remarkParse).use(remarkNewsMarkdown, {table, strikethrough}).freeze()),
);

/**
 * The news parser with only the constructs the body can hold: a GFM table always has a `|`
 * and strikethrough a `~`, so without them their extensions could match nothing, and the
 * tree is the same without their cost (about a fifth of the parse on news copy).
 */
export function newsParser(body: string) {
  return newsParsers[(body.includes('|') ? 2 : 0) + (body.includes('~') ? 1 : 0)]!;
}
const gfmParser = unified().use(remarkParse).use(remarkGfm).freeze();
const toHast = unified().use(remarkRehype, {allowDangerousHtml: true}).freeze();
const reparse = unified().use(rehypeRaw).freeze();
const sanitize = unified().use(rehypeSanitize, schema).freeze();

function hasRaw(tree: Root): boolean {
  return someNode(tree, (node) => node.type === 'raw');
}
