import type {Root} from 'hast';
import type {VFile} from 'vfile';
import {eachElement} from '../each-element.ts';

/**
 * Every image in an article body must describe itself: an `<img>` without `alt`, or with an
 * empty one (Markdown `![](photo.jpg)`), is a build error at the image's line and column.
 * The one exception is WCAG's way of marking a decorative image, which needs raw HTML:
 * `<img src="rule.svg" alt="" role="presentation">` (or `role="none"`).
 */
export function rehypeRequireAlt() {
  return function (tree: Root, file: VFile): void {
    eachElement(tree, (node) => {
      if (node.tagName !== 'img') return;
      const alt = node.properties['alt'];
      if (typeof alt === 'string' && alt.trim() !== '') return;
      if (isDecorative(node.properties)) return;
      const src = typeof node.properties['src'] === 'string' ? node.properties['src'] : '';
      const message = file.message(
        `image "${src}" has no alt text: describe it for readers who cannot see it, as in ![A lifeboat leaving the harbour](${src || 'photo.jpg'}); only a purely decorative image may have none, marked as <img src="${src || 'photo.jpg'}" alt="" role="presentation">`,
        {place: node.position, ruleId: 'image-alt', source: 'dateline'},
      );
      message.fatal = true;
    });
  };
}

/** Whether an image is marked decorative, WCAG's way: an empty `alt` and `role="presentation"` or `"none"`. */
export function isDecorative(properties: Readonly<Record<string, unknown>>): boolean {
  const role = properties['role'];
  const roles = Array.isArray(role) ? role.map(String) : typeof role === 'string' ? role.split(/\s+/) : [];
  return properties['alt'] === '' && (roles[0] === 'presentation' || roles[0] === 'none');
}
