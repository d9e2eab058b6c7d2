import type {IncomingMessage, ServerResponse} from 'node:http';

/** The page requests `serve` is answering: so work that can wait (saving the build cache) waits for the pages a reload asks for. */
export interface PageTraffic {
  /** Wrap the server's request handler: count its requests (not the open event streams). */
  readonly track: (handler: (request: IncomingMessage, response: ServerResponse) => void, isStream: (request: IncomingMessage) => boolean) => (request: IncomingMessage, response: ServerResponse) => void;
  /**
   * Resolves once no page request has been in flight or ended for `calm` ms (a reloaded page
   * asks for its page, then its styles and images), or after `longest` ms whatever comes.
   */
  readonly quiet: (calm?: number, longest?: number) => Promise<void>;
}

export function pageTraffic(): PageTraffic {
  let inFlight = 0;
  let last = performance.now();
  return {
    track: (handler, isStream) => (request, response) => {
      if (!isStream(request)) {
        inFlight++;
        last = performance.now();
        response.once('close', () => {
          inFlight--;
          last = performance.now();
        });
      }
      handler(request, response);
    },
    quiet: (calm = 150, longest = 1000) => {
      const start = performance.now();
      last = Math.max(last, start);
      return new Promise((resolve) => {
        const check = (): void => {
          const now = performance.now();
          if ((inFlight === 0 && now - last >= calm) || now - start >= longest) resolve();
          else setTimeout(check, 25);
        };
        setTimeout(check, calm);
      });
    },
  };
}
