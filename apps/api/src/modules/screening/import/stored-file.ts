import { createReadStream } from 'node:fs';
import { screeningImportFiles, screeningImports, type TenantTx } from '@xinqiao/db';
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { SpooledFile } from './spool.ts';

/** Bytes per stored part: small enough to read one at a time, large enough to keep a 20 MiB file at 20 rows. */
export const FILE_PART_BYTES = 1024 * 1024;

/**
 * Stores an uploaded file with its import, in the caller's transaction, so whichever API process runs the import
 * (now, or after this one crashed) can read it. Parts of {@link FILE_PART_BYTES}; RLS keeps them the school's.
 *
 * @example
 * await storeImportFile(c.var.tx, schoolId, importId, spooled);
 */
export async function storeImportFile(
  tx: TenantTx,
  schoolId: string,
  importId: string,
  file: SpooledFile,
): Promise<void> {
  let part = 0;
  for await (const chunk of createReadStream(file.path, { highWaterMark: FILE_PART_BYTES })) {
    const data = chunk as Buffer;
    await tx.insert(screeningImportFiles).values({ schoolId, importId, part: part++, data });
  }
}

/** Reads one part of a stored file, or undefined past its end. */
export async function readImportFilePart(
  tx: TenantTx,
  importId: string,
  part: number,
): Promise<Uint8Array | undefined> {
  const [row] = await tx
    .select({ data: screeningImportFiles.data })
    .from(screeningImportFiles)
    .where(and(eq(screeningImportFiles.importId, importId), eq(screeningImportFiles.part, part)));
  return row ? new Uint8Array(row.data) : undefined;
}

/**
 * Deletes the stored files of the school's imports that ended (done or failed) before `endedBefore`: the daily
 * clean-up keeps a finished import's file a few days, then only its record and results remain. Answers how many
 * parts were deleted.
 */
export async function deleteFilesOfEndedImports(tx: TenantTx, endedBefore: Date): Promise<number> {
  const ended = tx
    .select({ id: screeningImports.id })
    .from(screeningImports)
    .where(
      and(inArray(screeningImports.status, ['done', 'failed']), lt(screeningImports.finishedAt, endedBefore)),
    );
  const removed = await tx
    .delete(screeningImportFiles)
    .where(inArray(screeningImportFiles.importId, ended))
    .returning({ part: screeningImportFiles.part });
  return removed.length;
}
