import type {IncomingMessage, ServerResponse} from 'node:http';

/** The open Server-Sent Events streams of the pages in the browser, and how to tell them to reload. */
export interface ReloadEvents {
  /** Answer a request for the event stream: keep it open until the page or the server goes. */
  readonly connect: (request: IncomingMessage, response: ServerResponse) => void;
  /** Send a `reload` event to every open page. */
  readonly reload: () => void;
  /** End every stream (when the server stops). */
  readonly close: () => void;
}

/** A thin collector of event streams (`text/event-stream`). */
export function reloadEvents(): ReloadEvents {
  const clients = new Set<ServerResponse>();
  let sent = 0;
  return {
    connect(request, response) {
      response.writeHead(200, {'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive'});
      response.write('retry: 1000\n: connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
    },
    reload() {
      sent += 1;
      for (const client of clients) client.write(`event: reload\ndata: ${sent}\n\n`);
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
