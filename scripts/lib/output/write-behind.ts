import {MessageChannel, receiveMessageOnPort, Worker, type MessagePort} from 'node:worker_threads';

/** A file-system failure on the writer's thread, as it is told back: enough for `attempt` to word it. */
export interface WriteBehindFailure {
  /** The path the failure is reported on (the output path, not the staging one). */
  readonly where: string;
  readonly code: string;
  readonly syscall: string;
  readonly message: string;
}

/** One queued operation: make a folder (it may exist), or create a file with a slice of the batch's bytes. */
type Operation = {readonly folder: string; readonly where: string} | {readonly file: string; readonly where: string; readonly start: number; readonly end: number};

/**
 * The writer thread's code, plain JavaScript so that it runs the same from the sources and the
 * bundle: each batch's operations in order, synchronously, the first failure reported and every
 * later operation of the session skipped (the session is aborted anyway); then the batch count
 * goes up in shared memory, for {@link WriteBehind.drain} to wait on.
 */
const thread = `
const fs = require('node:fs');
const {workerData} = require('node:worker_threads');
const {progress, failures} = workerData;
let failed = false;
require('node:worker_threads').parentPort.on('message', ({operations, bytes}) => {
  const data = Buffer.from(bytes);
  for (const operation of operations) {
    if (failed) break;
    try {
      if ('folder' in operation) {
        try { fs.mkdirSync(operation.folder); } catch (error) { if (error.code !== 'EEXIST') throw error; }
      } else {
        fs.writeFileSync(operation.file, data.subarray(operation.start, operation.end));
      }
    } catch (error) {
      failed = true;
      failures.postMessage({where: operation.where, code: String(error.code), syscall: String(error.syscall), message: String(error.message)});
    }
  }
  Atomics.add(progress, 0, 1);
  Atomics.notify(progress, 0);
});
`;

/** How many bytes or files make a batch: fewer messages, and the thread starts early on the first. */
const batchBytes = 1 << 20;
const batchFiles = 64;
/** How many batches may be sent and not yet written: at most 16 MiB held for the thread. */
const batchesAhead = 16;
/** How long {@link WriteBehind.drain} waits without the thread finishing a batch before it gives up. */
const stallMs = 60_000;

/**
 * The writer's file-system calls for new files, made on a thread of their own so that the main
 * thread renders the next page while the last one is written (creating a folder or a file costs
 * about 0.1 ms here; a cold build makes thousands of each). Operations run in the order they are
 * queued; `drain` waits, synchronously, until all of them are done and throws the first failure.
 * Bytes are copied into a batch's own buffer and moved to the thread, never shared.
 */
export class WriteBehind {
  private readonly worker: Worker;
  private readonly failures: MessagePort;
  private readonly progress = new Int32Array(new SharedArrayBuffer(4));
  private sent = 0;
  private operations: Operation[] = [];
  private chunks: Uint8Array[] = [];
  private size = 0;

  constructor() {
    const channel = new MessageChannel();
    this.failures = channel.port1;
    this.worker = new Worker(thread, {eval: true, workerData: {progress: this.progress, failures: channel.port2}, transferList: [channel.port2]});
    // Never what keeps the process alive: `drain` is what waits for it.
    this.worker.unref();
    this.failures.unref();
  }

  /** Queue making `folder` (its parent made or queued before); a failure is reported on `where`. */
  folder(folder: string, where: string): void {
    this.operations.push({folder, where});
  }

  /** Queue writing `bytes` to `file`; a failure is reported on `where`. */
  write(file: string, where: string, bytes: Uint8Array): void {
    this.operations.push({file, where, start: this.size, end: this.size + bytes.byteLength});
    this.chunks.push(bytes);
    this.size += bytes.byteLength;
    if (this.chunks.length >= batchFiles || this.size >= batchBytes) this.send();
  }

  private send(): void {
    if (this.operations.length === 0) return;
    const bytes = new ArrayBuffer(this.size);
    const view = new Uint8Array(bytes);
    let at = 0;
    for (const chunk of this.chunks) {
      view.set(chunk, at);
      at += chunk.byteLength;
    }
    // The thread may fall behind (a slow disk): at most this many batches wait for it in memory.
    this.wait(this.sent - batchesAhead);
    this.worker.postMessage({operations: this.operations, bytes}, [bytes]);
    this.sent++;
    this.operations = [];
    this.chunks = [];
    this.size = 0;
  }

  /**
   * Send what is queued and wait until the thread has done it all.
   * @returns the first failure since the thread started, if any.
   */
  drain(): WriteBehindFailure | undefined {
    this.send();
    return this.wait(this.sent) ?? (receiveMessageOnPort(this.failures)?.message as WriteBehindFailure | undefined);
  }

  /** Wait until the thread has done `batches` batches; a failure only if it stalls. */
  private wait(batches: number): WriteBehindFailure | undefined {
    let done = Atomics.load(this.progress, 0);
    while (done < batches) {
      if (Atomics.wait(this.progress, 0, done, stallMs) === 'timed-out') {
        return {where: '', code: 'ETIMEDOUT', syscall: 'write', message: `the writer's thread did not finish a batch in ${stallMs / 1000} s`};
      }
      done = Atomics.load(this.progress, 0);
    }
    return undefined;
  }

  /** Stop the thread; call after {@link drain}. */
  close(): void {
    this.failures.close();
    void this.worker.terminate();
  }
}
