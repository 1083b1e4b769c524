import type { TenantTx } from '@xinqiao/db';
import { problem } from '../../../http/problem.ts';
import { findImport, type ImportRow, importsOfWave } from './queries.ts';

/** One import (RLS: only those who manage screening see imports), or 404. */
export async function getImport(tx: TenantTx, id: string): Promise<ImportRow> {
  const row = await findImport(tx, id);
  if (!row) throw problem('screening.import-not-found');
  return row;
}

/** The imports of a wave, newest first. */
export function listImports(tx: TenantTx, waveId: string): Promise<ImportRow[]> {
  return importsOfWave(tx, waveId);
}
