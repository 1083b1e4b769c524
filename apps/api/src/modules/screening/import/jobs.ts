import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { screeningImports, withTenant } from '@xinqiao/db';
import { eq } from 'drizzle-orm';
import { type ImportActor, runImport } from './run.ts';

/** An uploaded file spooled to disk: imports read it as a stream after the upload request has answered. */
export interface SpooledFile {
  path: string;
  bytes: number;
  sha256: string;
  remove(): Promise<void>;
}

/**
 * Writes an upload to a temporary file while hashing it, so a large file never sits in memory and the import can
 * run after the request that brought it.
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

const running = new Set<Promise<unknown>>();

/**
 * Runs an import in the background of this process once the request that recorded it has committed: the job
 * waits until its import record is visible (at once on PGlite, whose transactions queue; within a moment on
 * PostgreSQL), then streams the spooled file and removes it. Progress is in the import record, so any API process
 * can answer `GET /api/screening/imports/{id}`.
 */
export function startImportJob(
  actor: ImportActor,
  importId: string,
  waveId: string,
  file: SpooledFile,
  fileName: string,
  log: (message: string, error: unknown) => void,
): void {
  const job = (async () => {
    try {
      if (!(await waitForRecord(actor, importId))) return;
      await runImport(actor, importId, waveId, { stream: createReadStream(file.path), filename: fileName });
    } catch (error) {
      log(`screening import ${importId} failed`, error);
    } finally {
      await file.remove();
    }
  })();
  running.add(job);
  void job.finally(() => running.delete(job));
}

/** Resolves when every import job of this process has ended (tests, graceful shutdown). */
export async function importJobsIdle(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

async function waitForRecord(actor: ImportActor, importId: string): Promise<boolean> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const [found] = await withTenant(actor.db, actor.scope, (tx) =>
      tx.select({ id: screeningImports.id }).from(screeningImports).where(eq(screeningImports.id, importId)),
    );
    if (found) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false; // the request that recorded it rolled back
}
