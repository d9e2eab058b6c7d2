import {isDecorative} from '../article/plugins/rehype-require-alt.ts';
import type {Element} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {visit} from 'unist-util-visit';

/** A URL a page refers to, and what kind of thing it should be. */
export interface PageReference {
  readonly url: string;
  readonly kind: 'link' | 'image' | 'resource';
}

/** What the checks need to know about one output page. */
export interface PageFacts {
  /** Every `id` (and `<a name>`) on the page: the targets of `#fragment` links. */
  readonly ids: ReadonlySet<string>;
  readonly references: readonly PageReference[];
  /** `src` of each `<img>` without alternative text. */
  readonly imagesWithoutAlt: readonly string[];
}

/** Read an output HTML page: its anchors, the URLs it links and loads, and images lacking `alt`. */
export function readPage(html: string): PageFacts {
  const tree = fromHtml(html);
  const ids = new Set<string>();
  const references: PageReference[] = [];
  const imagesWithoutAlt: string[] = [];
  const text = (node: Element, name: string): string | undefined => {
    const value = node.properties[name];
    return typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : undefined;
  };
  visit(tree, 'element', (node) => {
    const id = text(node, 'id');
    if (id) ids.add(id);
    if (node.tagName === 'a' && text(node, 'name')) ids.add(text(node, 'name')!);
    const href = text(node, 'href');
    if (href !== undefined && (node.tagName === 'a' || node.tagName === 'area')) references.push({url: href, kind: 'link'});
    if (href !== undefined && node.tagName === 'link') references.push({url: href, kind: 'resource'});
    const src = text(node, 'src');
    if (node.tagName === 'img' || node.tagName === 'source') {
      if (src !== undefined) references.push({url: src, kind: 'image'});
      const srcset = node.properties['srcSet'];
      const candidates = Array.isArray(srcset) ? srcset.map(String) : typeof srcset === 'string' ? srcset.split(',') : [];
      for (const candidate of candidates) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) references.push({url, kind: 'image'});
      }
    } else if (src !== undefined && ['script', 'iframe', 'video', 'audio', 'track', 'embed'].includes(node.tagName)) {
      references.push({url: src, kind: 'resource'});
    }
    // An empty `alt` is right for an image marked decorative (`role="presentation"` or `"none"`), WCAG's way.
    if (node.tagName === 'img' && !(text(node, 'alt') ?? '').trim() && !isDecorative(node.properties)) imagesWithoutAlt.push(src ?? '');
  });
  return {ids, references, imagesWithoutAlt};
}
