import type {Root} from 'hast';
import {visit} from 'unist-util-visit';

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
  const absolute = (value: string): string => {
    try {
      return new URL(value, options.base).href;
    } catch {
      return value;
    }
  };
  return function (tree: Root): void {
    visit(tree, 'element', (node) => {
      for (const name of urlProperties) {
        const value = node.properties[name];
        if (typeof value === 'string') node.properties[name] = absolute(value);
      }
      const srcset: unknown = node.properties['srcSet'];
      if (typeof srcset === 'string' || Array.isArray(srcset)) {
        const candidates = typeof srcset === 'string' ? srcset.split(',') : srcset.map(String);
        node.properties['srcSet'] = candidates
          .map((candidate) => {
            const [url, ...descriptor] = candidate.trim().split(/\s+/);
            return [absolute(url ?? ''), ...descriptor].join(' ');
          })
          .join(', ');
      }
    });
  };
}
