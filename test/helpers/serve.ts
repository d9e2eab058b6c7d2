import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

/** A running static server. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serve `dir` under `basePath` on 127.0.0.1 at a free port, as GitHub Pages would: files under
 * the sub-path, `404.html` with status 404 for anything missing, and a strict
 * Content-Security-Policy (scripts only from the site; `wasm-unsafe-eval` for Pagefind's index).
 */
export async function serveStatic(dir: string, basePath: string): Promise<StaticServer> {
  const files = sirv(dir, {dev: true, etag: false, dotfiles: false});
  const notFound = (response: http.ServerResponse): void => {
    response.writeHead(404, {'content-type': 'text/html; charset=utf-8'});
    response.end(fs.readFileSync(path.join(dir, '404.html')));
  };
  const server = http.createServer((request, response) => {
    response.setHeader('content-security-policy', "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:");
    const url = request.url ?? '/';
    if (!url.startsWith(basePath)) return notFound(response);
    request.url = `/${url.slice(basePath.length)}`;
    files(request, response, () => notFound(response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
