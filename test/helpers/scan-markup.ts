import type {Element} from 'hast';
import {fromHtml} from 'hast-util-from-html';
import {visit} from 'unist-util-visit';

/** Elements that run code, embed another document or change how the page loads. */
const forbidden = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'portal', 'foreignobject', 'handler']);

/** Attributes whose value is a URL a browser may load or follow. */
const urlAttributes = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlinkhref', 'poster', 'data', 'background', 'cite', 'ping', 'manifest', 'codebase', 'lowsrc', 'dynsrc']);

/** A URL that runs script or carries a document of its own. */
const dangerousScheme = /^(?:javascript|vbscript|data):/i;

/** Options for {@link executableMarkup}. */
export interface ScanOptions {
  /** Parse as a fragment (feed item content) rather than a whole document. */
  readonly fragment?: boolean;
  /** `src` prefixes of script files the site itself ships (its `assets/`). */
  readonly allowedScripts?: readonly string[];
}

/**
 * Everything in an HTML document or fragment that could execute, parsed the way a browser
 * parses it (parse5, through hast-util-from-html), not by pattern: `<script>` elements other
 * than JSON-LD and the site's own script files, `on…` attributes, `javascript:`, `vbscript:`
 * and `data:` URLs, embedding elements, `<meta http-equiv=refresh>`, and `<style>` or `style`
 * attributes with CSS expressions or script URLs.
 *
 * @returns one line per finding, empty when the markup is inert.
 */
export function executableMarkup(html: string, options: ScanOptions = {}): string[] {
  const tree = fromHtml(html, {fragment: options.fragment ?? false});
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const tag = node.tagName.toLowerCase();
    const props = node.properties;
    if (tag === 'script') {
      const src = typeof props['src'] === 'string' ? props['src'] : undefined;
      const json = String(props['type'] ?? '').toLowerCase() === 'application/ld+json' && src === undefined;
      const asset = src !== undefined && (options.allowedScripts ?? []).some((prefix) => src.startsWith(prefix));
      if (!json && !asset) found.push(`<script${src ? ` src="${src}"` : ''}>`);
    }
    if (forbidden.has(tag)) found.push(`<${tag}>`);
    if (tag === 'meta' && String(props['httpEquiv'] ?? '').toLowerCase() === 'refresh') found.push('<meta http-equiv=refresh>');
    if (tag === 'style' && cssIsActive(textOf(node))) found.push('<style> with script');
    for (const [name, value] of Object.entries(props)) {
      const lower = name.toLowerCase();
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (lower.startsWith('on')) found.push(`${lower}= on <${tag}>`);
      if (urlAttributes.has(lower) && dangerousScheme.test(text.replace(/[\s\0-\x1f]+/g, ''))) found.push(`${lower}="${text.slice(0, 40)}" on <${tag}>`);
      if (lower === 'style' && cssIsActive(text)) found.push(`style= with script on <${tag}>`);
    }
  });
  return found;
}

function cssIsActive(css: string): boolean {
  return /expression\s*\(|javascript:|behavior\s*:|-moz-binding/i.test(css.replace(/\\/g, ''));
}

function textOf(node: Element): string {
  return node.children.map((child) => ('value' in child ? String(child.value) : '')).join('');
}
