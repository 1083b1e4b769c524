import { Worker } from 'node:worker_threads';
import { type ParsedSlice, type ParseRequest, reviveFailure, serialiseFailure } from './parsed-rows.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

/** Slices the parsing thread may run ahead of the database writes (each {@link SLICE_ROWS} rows). */
const SLICES_AHEAD = 8;
/** Chunks of the file kept queued in the parsing thread (~64 KB each): enough to parse through a long write. */
const CHUNKS_AHEAD = 32;

/** A parsing thread that finished its last file cleanly, kept for the next import (at most one waits). */
let idle: Worker | undefined;

function acquireWorker(): Worker {
  const worker = idle ?? new Worker(new URL('./parse-worker-entry.mjs', import.meta.url));
  idle = undefined;
  worker.ref();
  return worker;
}

function releaseWorker(worker: Worker, clean: boolean): void {
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  if (clean && !idle) {
    // A waiting thread must not keep the process alive.
    worker.unref();
    idle = worker;
  } else void worker.terminate();
}

/**
 * Reads, checks and scores a wave file in a worker thread, yielding the same slices as `parseInThread`: the main
 * thread is free to write rows to the database meanwhile. The file's bytes are handed over {@link CHUNKS_AHEAD}
 * chunks ahead, and the worker stops when {@link SLICES_AHEAD} slices wait unread: memory stays flat for any size.
 * The worker runs the TypeScript sources through tsx, as the API itself does (parse-worker-entry.mjs).
 */
export async function* parseInWorker(request: ParseRequest): AsyncGenerator<ParsedSlice> {
  const worker = acquireWorker();
  const input = request.stream[Symbol.asyncIterator]();
  const inbox: FromWorker[] = [];
  let wake: (() => void) | undefined;
  const receive = (message: FromWorker) => {
    inbox.push(message);
    wake?.();
  };
  const send = (message: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
  let queued = 0;
  let feeding = false;
  let ended = false;
  // Keeps CHUNKS_AHEAD chunks queued in the worker; one reader of the stream at a time.
  const feed = async () => {
    if (feeding) return;
    feeding = true;
    try {
      while (!ended && queued < CHUNKS_AHEAD) {
        const next = await input.next();
        if (next.done) {
          ended = true;
          send({ type: 'end' });
          break;
        }
        // A copy: the stream's chunk may be a view on a buffer others share, which must not be transferred away.
        const bytes = new Uint8Array(next.value);
        send({ type: 'chunk', bytes }, [bytes.buffer as ArrayBuffer]);
        queued++;
      }
    } catch (error) {
      receive({ type: 'failed', failure: serialiseFailure(error) });
    } finally {
      feeding = false;
    }
  };
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'consumed') {
      queued--;
      void feed();
    } else receive(message);
  });
  worker.on('error', (error) => receive({ type: 'failed', failure: serialiseFailure(error) }));
  worker.on('exit', (code) =>
    receive({ type: 'failed', failure: { message: `parsing thread stopped (${code})` } }),
  );
  send({ type: 'start', filename: request.filename, instrument: request.instrument });
  send({ type: 'credit', slices: SLICES_AHEAD });
  void feed();
  let clean = false;
  try {
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift()!;
      if (message.type === 'done') {
        // The worker read to the end of what it was sent, so the stream is drained too.
        clean = ended;
        return;
      }
      if (message.type === 'failed') throw reviveFailure(message.failure);
      if (message.type === 'slice') {
        yield message.slice;
        send({ type: 'credit', slices: 1 });
      }
    }
  } finally {
    releaseWorker(worker, clean);
    if (!clean) await input.return?.();
  }
}
