import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An uploaded file spooled to disk while it arrives, then stored with its import (see `stored-file.ts`). */
export interface SpooledFile {
  path: string;
  bytes: number;
  sha256: string;
  remove(): Promise<void>;
}

/**
 * Writes an upload to a temporary file while hashing it, so a large file never sits in memory; the request then
 * stores it in the database in parts for the background import.
 */
export async function spoolUpload(body: ReadableStream<Uint8Array>): Promise<SpooledFile> {
  const dir = await mkdtemp(join(tmpdir(), 'xinqiao-screening-'));
  const path = join(dir, randomUUID());
  const hash = createHash('sha256');
  let bytes = 0;
  const counted = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>).map(
    (chunk: Buffer) => {
      bytes += chunk.byteLength;
      hash.update(chunk);
      return chunk;
    },
  );
  await pipeline(counted, createWriteStream(path));
  return { path, bytes, sha256: hash.digest('hex'), remove: () => rm(dir, { recursive: true, force: true }) };
}
