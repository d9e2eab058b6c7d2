import type {Root} from 'hast';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';

/**
 * Every image in an article body must describe itself: an `<img>` without `alt`, or with an
 * empty one (Markdown `![](photo.jpg)`), is a build error at the image's line and column.
 * Decorative pictures belong in the theme, not in an article.
 */
export function rehypeRequireAlt() {
  return function (tree: Root, file: VFile): void {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img') return;
      const alt = node.properties['alt'];
      if (typeof alt === 'string' && alt.trim() !== '') return;
      const src = typeof node.properties['src'] === 'string' ? node.properties['src'] : '';
      const message = file.message(
        `image "${src}" has no alt text: describe it for readers who cannot see it, as in ![A lifeboat leaving the harbour](${src || 'photo.jpg'})`,
        {place: node.position, ruleId: 'image-alt', source: 'dateline'},
      );
      message.fatal = true;
    });
  };
}
