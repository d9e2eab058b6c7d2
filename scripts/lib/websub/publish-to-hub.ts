/**
 * One WebSub publish request: what `dateline ping` sends a hub for a feed whose bytes changed
 * (`hub.mode=publish`, `hub.url=FEED`, form-encoded), as plain data, so `--dry-run` prints
 * exactly what a real run sends.
 */
export interface HubRequest {
  readonly method: 'POST';
  readonly url: string;
  readonly contentType: 'application/x-www-form-urlencoded';
  readonly body: string;
}

/** How hard to try. */
export interface PublishOptions {
  /** How many times to try a feed again after a 5xx or 429 answer, a network error or a timeout. */
  readonly retries: number;
  /** The wait before the first retry, in milliseconds; it doubles at each further one. */
  readonly backoffMs: number;
  /** Requests in flight at once (default 4). */
  readonly concurrency?: number;
  /** How long one request may take before it counts as a network error (default 30 s). */
  readonly timeoutMs?: number;
  /** The `fetch` to use (default: Node's own). */
  readonly fetch?: typeof fetch;
}

/** What the hub made of one feed, after every try. */
export interface HubOutcome {
  readonly feed: string;
  /** The hub answered 2xx. */
  readonly accepted: boolean;
  /** Requests sent for this feed (1 when the first answer settled it). */
  readonly attempts: number;
  /** The last answer's HTTP status, or undefined when none came (a network error or a timeout). */
  readonly status: number | undefined;
  /** For a feed not accepted: the status text and the answer's first 200 characters, or the network error; otherwise empty. */
  readonly detail: string;
}

/** The request that tells `hub` that `feed` changed. */
export function hubRequest(hub: string, feed: string): HubRequest {
  return {method: 'POST', url: hub, contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams({'hub.mode': 'publish', 'hub.url': feed}).toString()};
}

/**
 * Tell a WebSub hub that each of `feeds` changed, one request per feed, a few at a time.
 * A 2xx answer is acceptance; a 5xx or 429 answer, a network error or a timeout is tried
 * again `retries` times, after `backoffMs`, then twice that, and so on; any other answer
 * (a 4xx, or a redirect, which would turn the POST into a GET) is a refusal, not retried.
 * Never throws for the hub's sake: the outcomes, in the order of `feeds`, say what happened.
 */
export async function publishToHub(hub: string, feeds: readonly string[], options: PublishOptions): Promise<HubOutcome[]> {
  const outcomes = new Array<HubOutcome>(feeds.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < feeds.length) {
      const index = next++;
      outcomes[index] = await publishOne(hubRequest(hub, feeds[index] as string), feeds[index] as string, options);
    }
  };
  await Promise.all(Array.from({length: Math.min(Math.max(1, options.concurrency ?? 4), feeds.length)}, worker));
  return outcomes;
}

async function publishOne(request: HubRequest, feed: string, options: PublishOptions): Promise<HubOutcome> {
  const send = options.fetch ?? fetch;
  for (let attempt = 1; ; attempt++) {
    let status: number | undefined;
    let detail: string;
    let retryable: boolean;
    try {
      const response = await send(request.url, {
        method: request.method,
        headers: {'content-type': request.contentType},
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      status = response.status;
      if (response.ok) {
        await response.body?.cancel();
        return {feed, accepted: true, attempts: attempt, status, detail: ''};
      }
      detail = describeAnswer(response, await response.text().catch(() => ''));
      retryable = status >= 500 || status === 429;
    } catch (error) {
      detail = networkError(error);
      retryable = true;
    }
    if (!retryable || attempt > options.retries) return {feed, accepted: false, attempts: attempt, status, detail};
    await new Promise((resolve) => setTimeout(resolve, options.backoffMs * 2 ** (attempt - 1)));
  }
}

/** `400 Bad Request: "the body…"`, with where a redirect points. */
function describeAnswer(response: Response, body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  const location = response.headers.get('location');
  return [
    `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    location && response.status >= 300 && response.status < 400 ? ` (redirect to ${location}: set websubHub to that address)` : '',
    text ? `: ${JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text)}` : '',
  ].join('');
}

/** A failed fetch's reason, with its cause (`ECONNREFUSED`) where Node gives one. */
function networkError(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'no answer in time (timeout)';
  const cause = (error as {cause?: {code?: unknown; message?: unknown}}).cause;
  const reason = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return `${(error as Error).message ?? String(error)}${reason ? ` (${reason})` : ''}`;
}
