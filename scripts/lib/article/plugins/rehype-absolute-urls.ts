import type {Element, Root} from 'hast';
import {visit} from 'unist-util-visit';
import {someNode} from '../each-element.ts';

const urlProperties = ['href', 'src', 'poster', 'cite'] as const;

/** Options for {@link rehypeAbsoluteUrls}. */
export interface AbsoluteUrlsOptions {
  /** The page's absolute URL, against which relative URLs resolve. */
  readonly base: string;
}

/**
 * Make every `href`, `src`, `srcset`, `poster` and `cite` absolute against the page's URL,
 * so content works in feed readers, which have no page to resolve against.
 */
export function rehypeAbsoluteUrls(options: AbsoluteUrlsOptions) {
  return function (tree: Root): void {
    visit(tree, 'element', (node) => {
      for (const [name, value] of rewrites(node, options.base)) node.properties[name] = value;
    });
  };
}

/** Whether {@link rehypeAbsoluteUrls} would change anything in `tree` (most bodies link only to absolute URLs). */
export function hasRelativeUrls(tree: Root, base: string): boolean {
  return someNode(tree, (node) => node.type === 'element' && rewrites(node, base).length > 0);
}

/** The URL properties of an element whose absolute form differs, with that form. */
function rewrites(node: Element, base: string): [string, string][] {
  const absolute = (value: string): string => {
    try {
      return new URL(value, base).href;
    } catch {
      return value;
    }
  };
  const changed: [string, string][] = [];
  for (const name of urlProperties) {
    const value = node.properties[name];
    if (typeof value === 'string' && absolute(value) !== value) changed.push([name, absolute(value)]);
  }
  const srcset: unknown = node.properties['srcSet'];
  if (typeof srcset === 'string' || Array.isArray(srcset)) {
    const candidates = typeof srcset === 'string' ? srcset.split(',') : srcset.map(String);
    const value = candidates
      .map((candidate) => {
        const [url, ...descriptor] = candidate.trim().split(/\s+/);
        return [absolute(url ?? ''), ...descriptor].join(' ');
      })
      .join(', ');
    if (value !== srcset) changed.push(['srcSet', value]);
  }
  return changed;
}
