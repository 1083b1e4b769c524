import type { Instrument } from '@xinqiao/policy';
import type { ParsedSlice, SerialisedFailure } from './parsed-rows.ts';

/** Main thread → parsing thread: a new file, its next bytes, its end, or leave to send more slices. */
export type ToWorker =
  | { type: 'start'; filename: string; instrument: Instrument }
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'end' }
  | { type: 'credit'; slices: number };

/** Parsing thread → main thread: took a chunk off its queue, a parsed slice, the end, or a failure. */
export type FromWorker =
  | { type: 'consumed' }
  | { type: 'slice'; slice: ParsedSlice }
  | { type: 'done' }
  | { type: 'failed'; failure: SerialisedFailure };
