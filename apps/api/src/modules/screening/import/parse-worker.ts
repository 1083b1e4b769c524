// The parsing thread of large imports: reads, checks and scores a wave file while the main thread writes earlier
// rows to the database (PGlite runs on the main thread, so without a second thread the two take turns). It parses
// one file at a time and then waits for the next, so a process pays its start-up (~0.6 s) once. The main thread
// keeps a window of chunks queued here (it is busy for long stretches inside the database, so this thread must not
// wait on it for bytes) and slices wait for credit: neither side holds the whole file.
import { parentPort } from 'node:worker_threads';
import { parseInThread, serialiseFailure } from './parsed-rows.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

let chunks: (Uint8Array | null)[] = [];
let credit = 0;
let wakeInput: (() => void) | undefined;
let wakeCredit: (() => void) | undefined;

async function* receivedChunks(): AsyncGenerator<Uint8Array> {
  for (;;) {
    while (chunks.length === 0) await new Promise<void>((resolve) => (wakeInput = resolve));
    const chunk = chunks.shift()!;
    if (chunk === null) return;
    post({ type: 'consumed' });
    yield chunk;
  }
}

async function parseFile(start: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  try {
    const slices = parseInThread({
      stream: receivedChunks(),
      filename: start.filename,
      instrument: start.instrument,
    });
    for await (const slice of slices) {
      while (credit <= 0) await new Promise<void>((resolve) => (wakeCredit = resolve));
      credit--;
      post({ type: 'slice', slice });
    }
    post({ type: 'done' });
  } catch (error) {
    post({ type: 'failed', failure: serialiseFailure(error) });
  }
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'start':
      chunks = [];
      credit = 0;
      void parseFile(message);
      break;
    case 'credit':
      credit += message.slices;
      wakeCredit?.();
      break;
    default:
      chunks.push(message.type === 'chunk' ? message.bytes : null);
      wakeInput?.();
  }
});
