import {fromHtml} from 'hast-util-from-html';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {hastToHtml} from '../scripts/lib/article/hast-to-html.ts';

const page = 'https://owner.github.io/repo/2020/01/story/';
const body = (html: string) => fromHtml(html, {fragment: true});

test('should make every relative URL absolute for feeds, and leave the page its own', () => {
  const tree = body('<p><a href="../other/">Other</a> <img src="photo.jpg" alt="A photo" srcset="photo.jpg 1x, big.jpg 2x"> <q cite="/repo/x/">q</q></p>');
  const {html, feedHtml} = hastToHtml(tree, page);
  assert.match(html, '<a href="../other/">');
  assert.match(feedHtml, '<a href="https://owner.github.io/repo/2020/01/other/">');
  assert.match(feedHtml, 'src="https://owner.github.io/repo/2020/01/story/photo.jpg"');
  assert.match(html, 'srcset="photo.jpg 1x, big.jpg 2x"');
  assert.match(feedHtml, 'cite="https://owner.github.io/repo/x/"');
});

test('should give feeds each <picture> as its plain <img>, and no srcset or sizes', () => {
  const tree = body('<p><picture><source type="image/avif" srcset="p-480.avif 480w" sizes="50vw"><img src="p-1200.jpg" srcset="p-480.jpg 480w, p-1200.jpg 1200w" sizes="50vw" alt="A photo" width="1200" height="800"></picture> <img src="a.png" alt="A" srcset="a.png 1x, b.png 2x"></p>');
  const {html, feedHtml} = hastToHtml(tree, page);
  assert.match(html, '<picture><source');
  assert.is(feedHtml, '<p><img src="https://owner.github.io/repo/2020/01/story/p-1200.jpg" alt="A photo" width="1200" height="800"> <img src="https://owner.github.io/repo/2020/01/story/a.png" alt="A"></p>');
  // Nothing relative, but responsive: the feed's copy still loses its candidates.
  const absolute = hastToHtml(body('<img src="https://example.org/a.png" srcset="https://example.org/b.png 2x" alt="">'), page);
  assert.is(absolute.feedHtml, '<img src="https://example.org/a.png" alt="">');
});

test('should use one string for page and feeds when every URL is already absolute', () => {
  const {html, feedHtml} = hastToHtml(body('<p>Read <a href="https://example.org/report/">the report</a>.</p>'), page);
  assert.is(feedHtml, html);
  assert.is(html, '<p>Read <a href="https://example.org/report/">the report</a>.</p>');
});

test('should write an absolute URL the way the URL parser does', () => {
  const {html, feedHtml} = hastToHtml(body('<p><a href="https://EXAMPLE.org">x</a></p>'), page);
  assert.is(html, '<p><a href="https://EXAMPLE.org">x</a></p>');
  assert.is(feedHtml, '<p><a href="https://example.org/">x</a></p>');
});

test.run();
