import {performance} from 'node:perf_hooks';

/**
 * A function to call between pieces of long synchronous work (rendering pages one after
 * another) that lets the event loop turn once every `interval` milliseconds: pipes to child
 * processes are written and read only on a turn, so without one Pagefind's process would get
 * its first records only after the last page, and sit idle while the pages render.
 * Between turns a call costs one clock read.
 */
export function ioTurns(interval: number): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < interval) return undefined;
    last = now;
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      last = performance.now();
    });
  };
}
