import type {Root} from 'hast';
import {eachElement} from '../each-element.ts';

/**
 * GFM tables come out of remark-rehype with the obsolete `align` attribute;
 * turn it into a `text-align` style so the page is valid HTML. Runs after sanitizing.
 */
export function rehypeTableAlign() {
  return function (tree: Root): void {
    eachElement(tree, (node) => {
      const align = node.properties['align'];
      if ((node.tagName === 'td' || node.tagName === 'th') && typeof align === 'string') {
        delete node.properties['align'];
        node.properties['style'] = `text-align: ${align}`;
      }
    });
  };
}
