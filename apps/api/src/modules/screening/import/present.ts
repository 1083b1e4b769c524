import type { MessageLocale } from '../../../http/problem.ts';
import type { ImportRow } from './queries.ts';
import { type PresentedRowError, presentRowError } from './stored-errors.ts';

/** A running import not updated for this long was cut off (the process that ran it stopped). */
const STALE_AFTER_MS = 10 * 60_000;

/** An import as `GET /api/screening/imports/{id}` shows it. */
export interface ImportView {
  id: string;
  waveId: string;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  /** Share of the file read, 0–1. */
  progress: number;
  rowsRead: number;
  rowsAccepted: number;
  rowsUnchanged: number;
  rowsRejected: number;
  followUpsOpened: number;
  bytesRead: number;
  bytesTotal: number;
  errors: PresentedRowError[];
  /** True when a running import has not moved for 10 minutes: its process stopped; import the file again. */
  stale: boolean;
  createdAt: string;
  finishedAt: string | null;
}

/** An import as the API answers it: progress as a share of the file, stale when its process stopped, its row errors in the reader's language. */
export function presentImport(row: ImportRow, now: Date, locale: MessageLocale): ImportView {
  const progress =
    row.status === 'done' ? 1 : row.bytesTotal > 0 ? Math.min(1, row.bytesRead / row.bytesTotal) : 0;
  return {
    id: row.id,
    waveId: row.waveId,
    fileName: row.fileName,
    status: row.status,
    progress: Math.round(progress * 1000) / 1000,
    rowsRead: row.rowsRead,
    rowsAccepted: row.rowsAccepted,
    rowsUnchanged: row.rowsUnchanged,
    rowsRejected: row.rowsRejected,
    followUpsOpened: row.followUpsOpened,
    bytesRead: row.bytesRead,
    bytesTotal: row.bytesTotal,
    errors: row.errors.map((e) => presentRowError(e, locale)),
    stale: row.status === 'running' && now.getTime() - row.updatedAt.getTime() > STALE_AFTER_MS,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** An import in a wave's list: the same, without its row errors. */
export function presentImportSummary(row: ImportRow, now: Date): ImportView {
  return { ...presentImport({ ...row, errors: [] }, now, 'zh-CN'), errors: [] };
}
