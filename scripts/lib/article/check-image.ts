import fs from 'node:fs';
import path from 'node:path';
import type {Element} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {visit} from 'unist-util-visit';

/** File types a local image may have; anything else (`.html`, `.xml`) could run as a page. */
export const imageExtensions = ['.avif', '.gif', '.jpeg', '.jpg', '.png', '.svg', '.webp'];

/** Elements that run script or embed a document inside an SVG. */
const active = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener']);

/**
 * Why a local image may not be published, or undefined when it may. Pages only reference
 * images with `<img>`, where scripts never run, but the file itself is served from the
 * site's origin, and an SVG opened directly runs its scripts there. So an SVG with anything
 * that can execute is refused (a `<script>`, a `<foreignObject>`, an `on…` handler, a
 * `javascript:` URL, or XML entity declarations that could hide one); other types are
 * checked by extension only.
 *
 * @param file Absolute path of the image.
 */
export function imageProblem(file: string): string | undefined {
  const extension = path.extname(file).toLowerCase();
  if (!imageExtensions.includes(extension)) return `is not an image (${imageExtensions.join(', ')})`;
  if (extension !== '.svg') return undefined;
  const text = fs.readFileSync(file, 'utf8');
  if (/<!ENTITY/i.test(text)) return 'is an SVG that declares XML entities, which can hide a script';
  const tree = fromHtml(text, {fragment: true, space: 'svg'});
  let found: string | undefined;
  visit(tree, 'element', (node: Element) => {
    if (found) return;
    if (active.has(node.tagName.toLowerCase())) found = `<${node.tagName}>`;
    for (const [name, value] of Object.entries(node.properties)) {
      if (found) break;
      if (/^on/i.test(name)) found = `an event handler (${name.toLowerCase()})`;
      else if (/(?:java|vb)script:/i.test(String(value).replace(/[\s\0-\x1f]+/g, ''))) found = 'a javascript: URL';
    }
  });
  return found ? `is an SVG with ${found}: it would run when the image is opened on its own; remove it, or export the image as PNG` : undefined;
}
