/** Words in a body's HTML, counted once when the article is parsed. */
export function countWords(html: string): number {
  // Block boundaries separate words; inline tags (`word<em>s</em>`) do not.
  const text = html.replace(/<\/?(?:p|h[1-6]|li|ul|ol|blockquote|pre|table|tr|td|th|br|hr|div|figure|figcaption)\b[^>]*>/gi, ' ').replace(/<[^>]*>/g, '');
  return text.split(/\s+/).filter(Boolean).length;
}
