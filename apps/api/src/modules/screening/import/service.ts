import type { CompiledPlugin } from '@xinqiao/policy';
import { type Caller, requirePermission } from '../../../auth/caller.ts';
import { problem } from '../../../http/problem.ts';
import { enqueueJob } from '../../../jobs/enqueue.ts';
import type { WaveRow } from '../waves/queries.ts';
import { getWave } from '../waves/service.ts';
import { screeningImportJob } from './job.ts';
import { findImport, type ImportRow, importsOfWave } from './queries.ts';
import { createImportRecord } from './run.ts';
import type { SpooledFile } from './spool.ts';
import { storeImportFile } from './stored-file.ts';

/**
 * The wave an import would go into, checked before its file is read: 404 for no such wave, 409 when it is cancelled
 * (`screening.wave-cancelled`) or not open, or when the school's plugin has no tier rules. Needs `screening.import`.
 */
export async function importableWave(
  caller: Caller,
  waveId: string,
  plugin: CompiledPlugin | undefined,
): Promise<WaveRow> {
  requirePermission(caller, 'screening.import');
  const wave = await getWave(caller.tx, waveId);
  if (wave.status === 'cancelled') throw problem('screening.wave-cancelled', { wave: wave.name });
  if (wave.status !== 'open') throw problem('screening.wave-not-open', { wave: wave.name });
  if (!plugin?.provides('tier-thresholds')) throw problem('screening.no-tier-rules');
  return wave;
}

/**
 * Starts an import of a spooled file into an open wave: the record, the file and the background job commit with
 * the caller's transaction, or none of them does. Answers the import's id. Needs `screening.import`.
 */
export async function startImport(
  caller: Caller,
  input: { waveId: string; file: SpooledFile; fileName: string; purpose: string },
): Promise<string> {
  requirePermission(caller, 'screening.import');
  const { tx, me } = caller;
  const { waveId, file, fileName, purpose } = input;
  const importId = await createImportRecord(tx, {
    schoolId: me.school.id,
    waveId,
    fileName,
    fileSha256: file.sha256,
    bytesTotal: file.bytes,
    createdBy: me.person.id,
  });
  await storeImportFile(tx, me.school.id, importId, file);
  await enqueueJob(tx, me.school.id, screeningImportJob, {
    importId,
    waveId,
    personId: me.person.id,
    fileName,
    purpose,
  });
  return importId;
}

/** One import (RLS: only those who manage screening see imports), or 404. Needs `screening.import`. */
export async function getImport(caller: Caller, id: string): Promise<ImportRow> {
  requirePermission(caller, 'screening.import');
  const row = await findImport(caller.tx, id);
  if (!row) throw problem('screening.import-not-found');
  return row;
}

/** The imports of a wave, newest first; 404 when there is no such wave. Needs `screening.import`. */
export async function listImports(caller: Caller, waveId: string): Promise<ImportRow[]> {
  requirePermission(caller, 'screening.import');
  await getWave(caller.tx, waveId);
  return importsOfWave(caller.tx, waveId);
}
