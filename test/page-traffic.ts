/**
 * serve's wait for the reloaded pages before it saves the cache: through a real HTTP server
 * on 127.0.0.1, with a page held open by the test.
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {pageTraffic} from '../scripts/lib/serve/page-traffic.ts';

test('should wait while a page is being served, not for an open event stream, and never past its limit', async () => {
  const traffic = pageTraffic();
  const held: http.ServerResponse[] = [];
  /** The paths the server has received, in order. */
  const received: string[] = [];
  const server = http.createServer(
    traffic.track(
      (request, response) => {
        received.push(request.url!);
        if (request.url === '/events') response.writeHead(200, {'content-type': 'text/event-stream'}).write(': connected\n\n');
        else held.push(response);
      },
      (request) => request.url === '/events',
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  /** Request `path`; resolved once the server has received it. */
  const open = (path: string) => {
    const count = received.filter((url) => url === path).length;
    const request = http.get(`http://127.0.0.1:${port}${path}`, () => {});
    request.on('error', () => {});
    return new Promise<http.ClientRequest>((resolve) => {
      const wait = () => (received.filter((url) => url === path).length > count ? resolve(request) : setTimeout(wait, 5));
      wait();
    });
  };
  try {
    const stream = await open('/events');
    let started = performance.now();
    await traffic.quiet(100, 2000);
    const idle = performance.now() - started;
    assert.ok(idle >= 95 && idle < 1000, `an open event stream is not a page in flight: ${idle} ms`);

    await open('/page');
    started = performance.now();
    let done = false;
    const waiting = traffic.quiet(100, 5000).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.not.ok(done, 'it waits while a page is in flight');
    held.shift()!.end('page');
    await waiting;
    assert.ok(performance.now() - started >= 400, 'it waits a calm spell after the page');

    await open('/slow');
    started = performance.now();
    await traffic.quiet(100, 300);
    assert.ok(performance.now() - started < 1000, 'it gives up waiting at its limit');
    held.shift()!.end();
    stream.destroy();
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test.run();
