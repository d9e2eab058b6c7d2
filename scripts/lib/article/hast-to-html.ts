import type {Root} from 'hast';
import rehypeStringify from 'rehype-stringify';
import {unified} from 'unified';
import {hasRelativeUrls, rehypeAbsoluteUrls} from './plugins/rehype-absolute-urls.ts';
import {hasResponsiveImages, rehypeFeedImages} from './plugins/rehype-feed-images.ts';

/**
 * Serialize an article body for its page (URLs as written, relative to the page) and for
 * feeds (every URL absolute against the page's URL, each photo a plain `<img>` of its mid-size
 * JPEG or PNG, no `srcset`): the same string when every URL already is absolute and no image
 * is responsive, as in most articles. The tree is not changed.
 */
export function hastToHtml(tree: Root, pageUrl: string): {html: string; feedHtml: string} {
  const html = unified().use(rehypeStringify).stringify(tree);
  if (!hasRelativeUrls(tree, pageUrl) && !hasResponsiveImages(tree)) return {html, feedHtml: html};
  const feedTree = structuredClone(tree);
  rehypeFeedImages()(feedTree);
  rehypeAbsoluteUrls({base: pageUrl})(feedTree);
  const feedHtml = unified().use(rehypeStringify).stringify(feedTree);
  return {html, feedHtml};
}
