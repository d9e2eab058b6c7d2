import {fromHtml} from 'hast-util-from-html';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {hastToHtml} from '../scripts/lib/hast-to-html.ts';

const page = 'https://owner.github.io/repo/2020/01/story/';
const body = (html: string) => fromHtml(html, {fragment: true});

test('should make every relative URL absolute for feeds, and leave the page its own', () => {
  const tree = body('<p><a href="../other/">Other</a> <img src="photo.jpg" alt="A photo" srcset="photo.jpg 1x, big.jpg 2x"> <q cite="/repo/x/">q</q></p>');
  const {html, feedHtml} = hastToHtml(tree, page);
  assert.match(html, '<a href="../other/">');
  assert.match(feedHtml, '<a href="https://owner.github.io/repo/2020/01/other/">');
  assert.match(feedHtml, 'src="https://owner.github.io/repo/2020/01/story/photo.jpg"');
  assert.match(feedHtml, 'srcset="https://owner.github.io/repo/2020/01/story/photo.jpg 1x, https://owner.github.io/repo/2020/01/story/big.jpg 2x"');
  assert.match(feedHtml, 'cite="https://owner.github.io/repo/x/"');
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
