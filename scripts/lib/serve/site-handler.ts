import fs from 'node:fs';
import type {IncomingMessage, ServerResponse} from 'node:http';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import sirv from 'sirv';
import {liveReloadPath} from '../render/render-pages.ts';
import {errorPage} from './error-page.ts';
import type {ReloadEvents} from './reload-events.ts';

/** What the server serves right now; read on every request, so a rebuild takes effect at once. */
export interface ServedSite {
  /** The built site. */
  readonly outDir: string;
  /** The site's sub-path (`/repo/`): the site is served under it, as on GitHub Pages. */
  readonly basePath: string;
  /** The last build's report lines when it failed: pages show them instead of the site. */
  readonly failure: readonly string[] | undefined;
}

const clientScript = fileURLToPath(new URL('live-reload-client.js', import.meta.url));
export const eventsPath = liveReloadPath.replace(/[^/]+$/, 'events');

/**
 * The request handler of `dateline serve`: `/` redirects to the sub-path; under it, the
 * live-reload script and event stream, then the built files (a folder without its
 * trailing slash redirects to it, as GitHub Pages does). While the build fails, every page
 * is the error page. The output folder must stay the same for the server's life.
 */
export function siteHandler(current: () => ServedSite, events: ReloadEvents): (request: IncomingMessage, response: ServerResponse) => void {
  const files = sirv(current().outDir, {dev: true, etag: true, dotfiles: false, onNoMatch: (_request, response) => notFound(response, current().basePath)});
  return (request, response) => {
    const site = current();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const base = site.basePath;
    if (!url.pathname.startsWith(base)) {
      if (url.pathname === '/' || `${url.pathname}/` === base) return redirect(response, base);
      return notFound(response, base);
    }
    const relative = url.pathname.slice(base.length);
    if (relative === liveReloadPath) {
      response.writeHead(200, {'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store'});
      return void response.end(fs.readFileSync(clientScript));
    }
    if (relative === eventsPath) return events.connect(request, response);
    if (site.failure && /(^|\/)([^/.]*|[^/]*\.html)$/.test(relative)) {
      response.writeHead(500, {'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store'});
      return void response.end(errorPage(site.failure, base + liveReloadPath));
    }
    const folder = path.join(site.outDir, safeDecode(relative));
    if (relative !== '' && !relative.endsWith('/') && folder.startsWith(site.outDir + path.sep) && isFolder(folder)) {
      return redirect(response, `${url.pathname}/${url.search}`);
    }
    request.url = `/${relative}${url.search}`;
    files(request, response);
  };
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, {location, 'content-type': 'text/plain; charset=utf-8'});
  response.end(`See ${location}\n`);
}

function notFound(response: ServerResponse, base: string): void {
  response.writeHead(404, {'content-type': 'text/plain; charset=utf-8'});
  response.end(`Not found. The site is served under ${base}\n`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
