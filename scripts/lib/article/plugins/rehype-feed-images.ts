import type {Element, ElementContent, Root} from 'hast';
import {CONTINUE, SKIP, visit} from 'unist-util-visit';
import {someNode} from '../each-element.ts';

/**
 * Make a body's images fit for feed readers, which show `<img src>` and little else: each
 * `<picture>` becomes its `<img>` (whose `src` is the photo's mid-size JPEG or PNG), and no
 * image keeps a `srcset` or `sizes` (readers would pick a candidate by a width they do not have,
 * or drop the image). Run before URLs are made absolute.
 */
export function rehypeFeedImages() {
  return function (tree: Root): void {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName === 'picture' && parent && index !== undefined) {
        const img = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'img');
        const replacement: ElementContent[] = img ? [withoutCandidates(img)] : [];
        parent.children.splice(index, 1, ...replacement);
        return [SKIP, index + replacement.length];
      }
      if (node.tagName === 'img') node.properties = withoutCandidates(node).properties;
      return CONTINUE;
    });
  };
}

/** Whether {@link rehypeFeedImages} would change anything in `tree`. */
export function hasResponsiveImages(tree: Root): boolean {
  return someNode(tree, (node) => node.type === 'element' && (node.tagName === 'picture' || node.properties['srcSet'] !== undefined || node.properties['sizes'] !== undefined));
}

function withoutCandidates(img: Element): Element {
  const {srcSet: _srcSet, sizes: _sizes, ...properties} = img.properties;
  return {...img, properties};
}
