import { createHash } from 'node:crypto';
import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import { toChinaDate } from '@xinqiao/calendar';
import { type Database, pgErrorOf, type TenantScope, type TenantTx } from '@xinqiao/db';
import { scoreResponse } from '@xinqiao/instruments';
import type { CompiledPlugin, Instrument } from '@xinqiao/policy';
import { TabularError } from '@xinqiao/tabular';
import type { Me } from '../../../auth/session-types.ts';
import { inIssuedScope } from '../../../auth/tenant-work.ts';
import { type Message, message, type RowError } from '../../../http/problem.ts';
import { recordAccess } from '../../audit/record.ts';
import { schoolCalendar } from '../calendar/service.ts';
import { instrumentShape, isWaveInstrument, scoringIdOf } from '../instruments.ts';
import { memoisedTierDecider, type TierDecider, type TierDecision, tiersInstrument } from '../tiering.ts';
import { findWave } from '../waves/queries.ts';
import { loadResponsibleFinder, type ResponsibleFinder } from './follow-up.ts';
import type { ScoredRow } from './parse-row.ts';
import { parsedRows } from './parsed-rows.ts';
import {
  endImport,
  insertImportRecord,
  type StoredProgress,
  storedProgressOf,
  studentsByNumber,
  updateImportProgress,
  waveHasResults,
} from './queries.ts';
import { rowErrorOfStored } from './stored-errors.ts';
import { type BatchTarget, type StorableRow, writeBatch } from './write-batch.ts';

/** Rows per transaction: each batch is stored whole or not at all. */
export const IMPORT_BATCH_SIZE = 5000;
/** Rows read between progress reports while a batch fills (each stored batch reports too). */
const PROGRESS_EVERY_ROWS = 500;
/**
 * Rows parsed and scored between turns of the event loop: reading a stored file and scoring are promises only (PGlite
 * runs in this thread), so without a turn now and then another school's request would not even be read until the
 * batch is stored (issue 16.2).
 */
const YIELD_EVERY_ROWS = 250;
/** Row errors kept on the import (all are counted in `rowsRejected`). */
export const MAX_STORED_ERRORS = 1000;

/** Who runs an import, against which database, with which plugin and clock. */
export interface ImportActor {
  db: Database;
  scope: TenantScope;
  me: Me;
  plugin: CompiledPlugin;
  clock: () => Date;
  /** Why, for the audit rows. */
  purpose: string;
}

/** The counts of an import as it runs and when it ends. */
export interface ImportProgress {
  rowsRead: number;
  /** Good rows that wrote something (a new or changed result). */
  rowsAccepted: number;
  /** Good rows equal to what was stored: nothing written. */
  rowsUnchanged: number;
  rowsRejected: number;
  followUpsOpened: number;
  bytesRead: number;
  bytesTotal: number;
}

/** How an import ended. */
export interface ImportOutcome extends ImportProgress {
  status: 'done' | 'failed';
  errors: RowError[];
  /** How many times json-rules-engine ran (once per distinct tuple of facts). */
  engineRuns: number;
}

export interface RunImportOptions {
  batchSize?: number;
  /** Called after each stored batch and every few hundred rows read (for a progress bar). */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Carry on an import that a stopped process had begun (the job queue's retry): the counts and row errors stored
   * with its last batch are taken up, and the rows that batch had reached are read again but not stored again.
   */
  resume?: boolean;
  /**
   * 'throw': on a server error (not a file problem or a refusal) leave the import running and rethrow, so the job
   * queue can try again or end it; 'fail' (default): mark it failed with the reason, then rethrow.
   */
  onServerError?: 'fail' | 'throw';
}

/**
 * Creates the import record of a wave in the caller's transaction and answers its id.
 *
 * @example
 * const id = await createImportRecord(tx, { schoolId, waveId, fileName: 'wave.csv', fileSha256, bytesTotal, createdBy });
 */
export async function createImportRecord(
  tx: TenantTx,
  values: {
    schoolId: string;
    waveId: string;
    fileName: string;
    fileSha256: string;
    bytesTotal: number;
    createdBy: string | null;
  },
): Promise<string> {
  return insertImportRecord(tx, values);
}

/** Counts the bytes and hashes a stream as the reader pulls it. */
function metered(
  chunks: AsyncIterable<Uint8Array>,
  progress: ImportProgress,
  hash: ReturnType<typeof createHash>,
) {
  return (async function* () {
    for await (const chunk of chunks) {
      progress.bytesRead += chunk.byteLength;
      hash.update(chunk);
      yield chunk;
    }
  })();
}

/**
 * Runs an import already recorded by {@link createImportRecord}: streams the file's rows, checks and scores each,
 * tiers them with the school's plugin (memoised json-rules-engine decisions), and stores them in batches of
 * {@link IMPORT_BATCH_SIZE} rows, one transaction each, updating the import's progress in the same transaction.
 * Bad rows are reported with row number, column and reason; good rows are kept. A file-level problem (format,
 * columns) or a failure marks the import failed; batches already stored stay, and importing the same file again
 * stores the rest without changing them. Never holds the file in memory.
 *
 * @example
 * const outcome = await runImport(actor, importId, waveId, { stream: createReadStream(path), filename: 'w.csv' }, size);
 */
export async function runImport(
  actor: ImportActor,
  importId: string,
  waveId: string,
  source: { stream: AsyncIterable<Uint8Array>; filename: string },
  options: RunImportOptions = {},
): Promise<ImportOutcome> {
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const progress: ImportProgress = {
    rowsRead: 0,
    rowsAccepted: 0,
    rowsUnchanged: 0,
    rowsRejected: 0,
    followUpsOpened: 0,
    bytesRead: 0,
    bytesTotal: 0,
  };
  const errors: RowError[] = [];
  const reject = (error: RowError) => {
    progress.rowsRejected++;
    if (errors.length < MAX_STORED_ERRORS) errors.push(error);
  };
  const hash = createHash('sha256');
  try {
    const setup = await inIssuedScope(actor.db, actor.scope, (tx) => prepare(tx, actor, importId, waveId));
    progress.bytesTotal = setup.bytesTotal;
    const resumeAfter = options.resume ? takeUp(setup.stored, progress, errors) : 0;
    let rowsSeen = 0;
    const rows = parsedRows({
      stream: metered(source.stream, progress, hash),
      filename: source.filename,
      instrument: setup.instrument,
    });
    let pending: ScoredRow[] = [];
    const flush = async () => {
      const batch = pending;
      pending = [];
      await storeBatch(actor, setup, batch, progress, errors, reject);
      options.onProgress?.({ ...progress });
    };
    for await (const parsed of rows) {
      if (++rowsSeen <= resumeAfter) continue; // stored (or refused) before the stop
      progress.rowsRead++;
      if ('reason' in parsed) reject(parsed);
      else pending.push(parsed);
      if (pending.length >= batchSize) await flush();
      else if (progress.rowsRead % PROGRESS_EVERY_ROWS === 0) options.onProgress?.({ ...progress });
      if (progress.rowsRead % YIELD_EVERY_ROWS === 0) await nextTurnOfEventLoop();
    }
    await flush();
    errors.sort((a, b) => a.row - b.row);
    await inIssuedScope(actor.db, actor.scope, (tx) =>
      finish(tx, importId, 'done', progress, errors, hash.digest('hex')),
    );
    return { status: 'done', ...progress, errors, engineRuns: setup.decider.evaluations };
  } catch (error) {
    const fileProblem = error instanceof TabularError ? fileRowError(error) : undefined;
    if (!fileProblem && !(error instanceof ImportRefused) && options.onServerError === 'throw') throw error;
    if (fileProblem) errors.unshift(fileProblem);
    else errors.unshift({ row: 0, column: '', reason: failureReason(error) });
    await inIssuedScope(actor.db, actor.scope, (tx) =>
      finish(tx, importId, 'failed', progress, errors, null),
    );
    if (!fileProblem && !(error instanceof ImportRefused)) throw error;
    return { status: 'failed', ...progress, errors, engineRuns: 0 };
  }
}

/** An import that cannot start (no such wave, wave not open, no tier rules): the reason is stored on the import. */
export class ImportRefused extends Error {
  override name = 'ImportRefused';

  constructor(readonly reason: Message) {
    super(reason.code);
  }
}

function failureReason(error: unknown): Message {
  if (error instanceof ImportRefused) return error.reason;
  return message('screening.import-server-error');
}

/** A file the tabular package cannot read, in its own two texts, where it says. */
function fileRowError(error: TabularError): RowError {
  const reason = message('import.file-unreadable', { zh: error.reason, en: error.reasonEn });
  return { row: error.row ?? 0, column: error.column ?? '', reason };
}

/** Takes up the counts and errors stored with the last batch; answers how many rows that batch had reached. */
function takeUp(stored: StoredProgress, progress: ImportProgress, errors: RowError[]): number {
  progress.rowsRead = stored.rowsRead;
  progress.rowsAccepted = stored.rowsAccepted;
  progress.rowsUnchanged = stored.rowsUnchanged;
  progress.rowsRejected = stored.rowsRejected;
  progress.followUpsOpened = stored.followUpsOpened;
  errors.push(...stored.errors.map(rowErrorOfStored));
  return stored.rowsRead;
}

interface ImportSetup {
  target: BatchTarget;
  instrument: Instrument;
  bytesTotal: number;
  /** What the import record held when this run began (a resumed import takes it up). */
  stored: StoredProgress;
  decider: TierDecider;
  responsible: ResponsibleFinder;
  /** Follow-up deadline day of a result stored today, per number of working days. */
  dueDate: (workingDays: number) => string;
}

async function prepare(
  tx: TenantTx,
  actor: ImportActor,
  importId: string,
  waveId: string,
): Promise<ImportSetup> {
  const wave = await findWave(tx, waveId);
  if (!wave) throw new ImportRefused(message('screening.no-such-wave'));
  if (wave.status === 'cancelled') {
    throw new ImportRefused(message('screening.wave-cancelled', { wave: wave.name }));
  }
  if (wave.status !== 'open') {
    throw new ImportRefused(message('screening.wave-not-open', { wave: wave.name }));
  }
  if (!isWaveInstrument(wave.instrument)) {
    throw new ImportRefused(message('screening.unsupported-instrument', { instrument: wave.instrument }));
  }
  if (!actor.plugin.provides('tier-thresholds')) {
    throw new ImportRefused(message('screening.no-tier-rules'));
  }
  const { itemCount, min } = instrumentShape(wave.instrument);
  const lowest = scoreResponse(scoringIdOf(wave.instrument), new Array<number>(itemCount).fill(min));
  if (!lowest.ok || !(await tiersInstrument(actor.plugin, lowest.value))) {
    throw new ImportRefused(
      message('screening.tier-rules-miss-instrument', {
        plugin: actor.plugin.id,
        version: actor.plugin.version,
        instrument: wave.instrument,
      }),
    );
  }
  const record = await storedProgressOf(tx, importId);
  const had = await waveHasResults(tx, waveId);
  const calendar = await schoolCalendar(tx);
  const today = toChinaDate(actor.clock());
  const dues = new Map<number, string>();
  return {
    target: {
      schoolId: actor.scope.schoolId,
      waveId,
      instrument: wave.instrument,
      importId,
      pluginId: actor.plugin.id,
      pluginVersion: actor.plugin.version,
      openedBy: actor.me.person.id,
      waveHadResults: had ?? true,
      followUpTitle: `心理筛查一级关注随访：${wave.name}（${wave.instrument}）`,
    },
    instrument: wave.instrument,
    bytesTotal: record?.bytesTotal ?? 0,
    stored: record ?? {
      rowsRead: 0,
      rowsAccepted: 0,
      rowsUnchanged: 0,
      rowsRejected: 0,
      followUpsOpened: 0,
      errors: [],
    },
    decider: memoisedTierDecider(actor.plugin),
    responsible: await loadResponsibleFinder(tx),
    dueDate: (days) => {
      const known = dues.get(days);
      if (known) return known;
      const due = calendar.addWorkingDays(today, days);
      dues.set(days, due);
      return due;
    },
  };
}

async function storeBatch(
  actor: ImportActor,
  setup: ImportSetup,
  batch: ScoredRow[],
  progress: ImportProgress,
  errors: RowError[],
  reject: (error: RowError) => void,
): Promise<void> {
  // Tiers first, outside the transaction: pure computation.
  const decisions: (TierDecision | undefined)[] = [];
  for (const row of batch) {
    try {
      const decided = setup.decider.decide(row.score);
      decisions.push(decided instanceof Promise ? await decided : decided);
    } catch (error) {
      // The school's rules give this result no tier: the row is reported, the others go on.
      decisions.push(undefined);
      reject({
        row: row.rowNumber,
        column: '',
        reason: message('screening.no-tier-for-result', {
          error: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  }
  const attempt = () =>
    inIssuedScope(actor.db, actor.scope, async (tx) => {
      const known = await studentsByNumber(
        tx,
        batch.map((row) => row.studentNumber),
      );
      const refused: RowError[] = [];
      const storable: StorableRow[] = [];
      batch.forEach((row, i) => {
        const decision = decisions[i];
        if (!decision) return;
        const student = known.get(row.studentNumber);
        if (!student) {
          refused.push({
            row: row.rowNumber,
            column: '学号',
            reason: message('screening.no-such-student-number', { studentNumber: row.studentNumber }),
          });
        } else if (row.name !== '' && row.name !== student.name) {
          refused.push({
            row: row.rowNumber,
            column: '姓名',
            reason: message('screening.name-mismatch', { name: row.name, studentNumber: row.studentNumber }),
          });
        } else storable.push(storableRow(row, student, decision, setup));
      });
      const outcome = await writeBatch(tx, setup.target, storable);
      if (storable.length > 0) {
        await recordAccess(tx, actor.me, {
          action: 'screening_results.import',
          entity: 'screening_import',
          entityId: setup.target.importId,
          purpose: `${actor.purpose}（${storable.length} 行，写入 ${outcome.written}，新开随访 ${outcome.followUpsOpened.length}）`,
        });
      }
      // The counts as they stand once this batch commits; `progress` itself changes only after the commit.
      const after: ImportProgress = {
        ...progress,
        rowsAccepted: progress.rowsAccepted + outcome.written,
        rowsUnchanged: progress.rowsUnchanged + storable.length - outcome.written,
        rowsRejected: progress.rowsRejected + refused.length,
        followUpsOpened: progress.followUpsOpened + outcome.followUpsOpened.length,
      };
      await writeProgress(
        tx,
        setup.target.importId,
        after,
        [...errors, ...refused].slice(0, MAX_STORED_ERRORS),
      );
      return { outcome, storable: storable.length, refused };
    });
  let stored: Awaited<ReturnType<typeof attempt>>;
  try {
    stored = await attempt();
  } catch (error) {
    // A wave's first import inserts without conflict handling; another import of the same wave running at the same
    // time makes a row collide. Then this batch (rolled back whole) is stored again the careful way.
    if (setup.target.waveHadResults || pgErrorOf(error)?.code !== '23505') throw error;
    setup.target.waveHadResults = true;
    stored = await attempt();
  }
  progress.rowsAccepted += stored.outcome.written;
  progress.rowsUnchanged += stored.storable - stored.outcome.written;
  progress.followUpsOpened += stored.outcome.followUpsOpened.length;
  for (const error of stored.refused) reject(error);
}

function storableRow(
  row: ScoredRow,
  student: { id: string; placementPath: string },
  decision: TierDecision,
  setup: ImportSetup,
): StorableRow {
  const { instrument: _instrument, ...scores } = row.score as unknown as Record<string, unknown>;
  const stored: StorableRow = {
    studentId: student.id,
    placementPath: student.placementPath,
    scores,
    answers: row.answers,
    decision,
    submittedAt: row.submittedAt,
  };
  if (decision.tier === 1) {
    stored.followUp = {
      responsiblePersonId: setup.responsible.responsibleFor(student.placementPath),
      dueDate:
        decision.followUpWorkingDays === undefined ? null : setup.dueDate(decision.followUpWorkingDays),
    };
  }
  return stored;
}

async function writeProgress(tx: TenantTx, importId: string, progress: ImportProgress, errors: RowError[]) {
  await updateImportProgress(tx, importId, progress, errors);
}

async function finish(
  tx: TenantTx,
  importId: string,
  status: 'done' | 'failed',
  progress: ImportProgress,
  errors: RowError[],
  sha256: string | null,
) {
  await writeProgress(tx, importId, progress, errors);
  await endImport(tx, importId, status, progress, sha256);
}
