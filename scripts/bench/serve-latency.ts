import {spawn} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';

/**
 * `serve`'s time from saving a file to the reload event, as a browser's page sees it: start
 * `dateline serve` on a free port, open its event stream, then `runs` times append a line to
 * `victim` and time until the `reload` event arrives. The first build (a new output folder) is
 * not timed. The file is left as it was.
 *
 * @returns each save's latency in seconds.
 */
export async function serveLatency(bin: string, cwd: string, flags: readonly string[], victim: string, runs: number): Promise<number[]> {
  const original = fs.readFileSync(victim, 'utf8');
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--now', '2030-01-01T00:00:00Z', ...flags], {cwd, stdio: ['ignore', 'pipe', 'pipe']});
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const serving = /Serving (http:\/\/localhost:\d+\/\S*)/.exec(stdout);
        if (serving) resolve(serving[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited (${code}) before it served:\n${stderr}`)));
    });
    const events = new URL('__dateline/events', url.replace('localhost', '127.0.0.1'));
    const latencies: number[] = [];
    await new Promise<void>((resolve, reject) => {
      const request = http.get(events, (response) => {
        let saved = 0;
        let buffer = '';
        const save = (): void => {
          if (latencies.length === runs) {
            request.destroy();
            resolve();
            return;
          }
          saved = performance.now();
          fs.writeFileSync(victim, `${original}\nA line saved while serving, number ${latencies.length}.\n`);
        };
        response.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          if (buffer.includes(': connected') && saved === 0) {
            buffer = '';
            // Let the watcher settle on the first build's files before the first save.
            setTimeout(save, 500);
            return;
          }
          if (!buffer.includes('event: reload')) return;
          buffer = '';
          latencies.push((performance.now() - saved) / 1000);
          // Saves seconds apart, as a writer makes them: the last build has saved its cache and printed its report.
          setTimeout(save, 2000);
        });
      });
      request.once('error', reject);
    });
    return latencies;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.writeFileSync(victim, original);
  }
}
