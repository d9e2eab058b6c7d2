import {slugify} from './slugify.ts';
import type {SiteConfig} from './types.ts';

/** A site-root-relative path with each segment percent-encoded (`2017/01/slug/`). */
export function encodePath(relative: string): string {
  return relative.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

/** The href of a site path, under the site's sub-path (`/repo/2017/01/slug/`). */
export function hrefOf(config: SiteConfig, relative: string): string {
  return config.basePath + encodePath(relative);
}

/** The absolute URL of a site path (`https://owner.github.io/repo/2017/01/slug/`). */
export function urlOf(config: SiteConfig, relative: string): string {
  const encoded = encodePath(relative);
  // Percent-encoded segments resolve to themselves against the site URL (which ends in `/`),
  // unless the path starts with `/` or a segment is `.` or `..`: only then is the URL parser
  // needed (it is slow, and the sitemap calls this for every page).
  return /^\/|(?:^|\/)\.\.?(?:\/|$)/.test(encoded) ? new URL(encoded, config.url).href : config.url + encoded;
}

/** The site path of an author's page, `author/helen-marsh/`. */
export function authorPath(name: string): string {
  return `author/${slugify(name) || 'untitled'}/`;
}
