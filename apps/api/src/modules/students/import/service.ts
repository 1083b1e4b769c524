import { TabularError } from '@xinqiao/tabular';
import { type Caller, requirePermission } from '../../../auth/caller.ts';
import { type Message, message, type ProblemError, problem, type RowError } from '../../../http/problem.ts';
import { enqueueJob } from '../../../jobs/enqueue.ts';
import { refreshStatisticsJob } from '../../../jobs/refresh-statistics.ts';
import { studentViewOf } from '../access.ts';
import type { StudentRow, StudentValues } from '../queries.ts';
import { recordAccessBatch, rewriteStudents } from './batch.ts';
import { type ImportColumn, importColumns } from './columns.ts';
import { desiredValues, differs, type PlacedRecord } from './plan.ts';
import { insertNewStudents, studentsByNumber } from './queries.ts';
import { type ReadStudentFile, readStudentFile } from './read-file.ts';
import { PlacementResolver } from './units.ts';

interface Update {
  placed: PlacedRecord;
  row: StudentRow;
  values: StudentValues;
}

/** Rows written from which an import is followed by fresh planner statistics (`platform.refresh-statistics`). */
export const LARGE_IMPORT_ROWS = 1000;

/** What an import did: students created, students changed, rows that matched what was stored. */
export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Imports a CSV or XLSX file of students (read by {@link readImportFile} before the request's transaction opened),
 * all or nothing, keyed by student number, in the request's transaction.
 * Every bad row is collected first (format, duplicates in the file, unknown units, placements outside the
 * caller's units, students the caller may not change) and any bad row rejects the whole file with 400 before a
 * single write. A good file creates the new students and rewrites only those whose values differ, so importing
 * the same file again changes nothing: no updated_at moves, no audit row is written.
 *
 * Audit: one row per created student ('student.import_create') and one per updated student
 * ('student.import_update'); unchanged rows are not written, so they are not audited.
 *
 * @example
 * const report = await importStudents(callerOf(c, '导入学生 / import'), await readImportFile(bytes, 'students.csv'));
 */
export async function importStudents(caller: Caller, file: ReadStudentFile): Promise<ImportReport> {
  requirePermission(caller, 'students.import');
  const errors: RowError[] = [...file.errors];
  const columnName = (key: ImportColumn) => file.headers[key] ?? importColumns[key][0];
  const rowError = (row: number, key: ImportColumn, reason: Message) =>
    errors.push({ row, column: columnName(key), reason });

  const unique = withoutDuplicates(file.records, (first, again) =>
    rowError(again, 'studentNumber', message('import.number-repeated', { first, again })),
  );
  const resolver = await PlacementResolver.load(caller.tx);
  const placed: PlacedRecord[] = [];
  for (const { rowNumber, record } of unique) {
    const placement = resolver.resolve(record.college, record.className, record.dorm);
    if (!placement.ok) rowError(rowNumber, placement.column, placement.reason);
    else if (studentViewOf(caller.scope, placement.path) !== 'full') {
      rowError(rowNumber, record.dorm ? 'dorm' : 'className', message('import.placement-outside-units'));
    } else placed.push({ rowNumber, record, placement });
  }
  rejectIfAny(errors, file.errorCount - file.errors.length);

  const existing = await studentsByNumber(
    caller.tx,
    placed.map((p) => p.record.studentNumber),
  );
  const toCreate: { placed: PlacedRecord; values: StudentValues }[] = [];
  const toUpdate: Update[] = [];
  let unchanged = 0;
  for (const p of placed) {
    const stored = existing.get(p.record.studentNumber);
    if (stored && studentViewOf(caller.scope, stored.placementPath) !== 'full') {
      rowError(p.rowNumber, 'studentNumber', message('import.student-outside-units'));
      continue;
    }
    const values = desiredValues(p, stored, file.columns);
    if (!stored) toCreate.push({ placed: p, values });
    else if (differs(stored, values)) toUpdate.push({ placed: p, row: stored, values });
    else unchanged++;
  }
  rejectIfAny(errors);

  const created = await insertNewStudents(
    caller.tx,
    caller.me.school.id,
    toCreate.map((c) => c.values),
  );
  for (const { placed: p } of toCreate) {
    if (!created.has(p.record.studentNumber)) {
      rowError(p.rowNumber, 'studentNumber', message('import.number-taken-outside-units'));
    }
  }
  // Throwing here rolls the whole request transaction back, the students inserted just now included.
  rejectIfAny(errors);
  await rewriteStudents(
    caller.tx,
    toUpdate.map(({ row, values }) => ({ id: row.id, values })),
  );
  await auditImport(caller, toCreate, created, toUpdate);
  // A large import changes the distributions the planner relies on: gather statistics once it has committed.
  if (toCreate.length + toUpdate.length >= LARGE_IMPORT_ROWS) {
    await enqueueJob(caller.tx, caller.me.school.id, refreshStatisticsJob, {});
  }
  return { created: toCreate.length, updated: toUpdate.length, unchanged };
}

/**
 * Reads and checks a student file (see `readStudentFile`); a file that cannot be read, or is over one of the
 * reader's limits, throws its problem. Call it before the request's transaction opens (`upload.ts`).
 *
 * @example
 * const file = await readImportFile(bytes, 'students.xlsx');
 */
export async function readImportFile(bytes: Uint8Array, filename: string): Promise<ReadStudentFile> {
  try {
    return await readStudentFile(bytes, filename);
  } catch (error) {
    if (!(error instanceof TabularError)) throw error;
    throw fileProblem(error);
  }
}

/** A file that cannot be read at all, in the tabular package's own words in both languages, as a 400 naming where. */
function fileProblem(error: TabularError): ProblemError {
  const texts = { zh: error.reason, en: error.reasonEn };
  // Over one of the reader's limits (unpacked size, shared strings, cell length, rows read): 413 naming it.
  if (error.code === 'over_limit' && error.limit) {
    return problem('import.file-over-limit', texts).withExtensions({
      limit: error.limit.name,
      max: error.limit.max,
    });
  }
  const reason = message('import.file-unreadable', texts);
  return problem('import.file-unreadable', texts).naming([
    { row: error.row ?? 0, column: error.column ?? '', reason },
  ]);
}

/** The records whose student number is the first of its kind in the file; `onDuplicate` hears of every other. */
function withoutDuplicates<T extends { rowNumber: number; record: { studentNumber: string } }>(
  records: readonly T[],
  onDuplicate: (firstRow: number, againRow: number) => void,
): T[] {
  const firstRow = new Map<string, number>();
  const unique: T[] = [];
  for (const item of records) {
    const first = firstRow.get(item.record.studentNumber);
    if (first !== undefined) onDuplicate(first, item.rowNumber);
    else {
      firstRow.set(item.record.studentNumber, item.rowNumber);
      unique.push(item);
    }
  }
  return unique;
}

/** Rejects the file (400, nothing stored) when any row is bad, errors in row order. */
function rejectIfAny(errors: RowError[], notListed = 0): void {
  if (errors.length === 0) return;
  errors.sort((a, b) => a.row - b.row);
  const total = errors.length + notListed;
  throw problem('import.rows-rejected', { count: total }).naming(errors);
}

async function auditImport(
  caller: Caller,
  toCreate: { placed: PlacedRecord }[],
  created: Map<string, string>,
  toUpdate: Update[],
): Promise<void> {
  const event = (action: string, id: string, studentPath: string) => ({
    action,
    entity: 'student',
    entityId: id,
    studentId: id,
    studentPath,
    purpose: caller.purpose,
  });
  await recordAccessBatch(caller.tx, caller.me, [
    ...toCreate.map(({ placed }) =>
      event('student.import_create', created.get(placed.record.studentNumber)!, placed.placement.path),
    ),
    ...toUpdate.map(({ placed, row, values }) =>
      // Without a dorm column a student keeps their dorm, and so their placement path.
      event(
        'student.import_update',
        row.id,
        values.dormUnitId === placed.placement.dormUnitId ? placed.placement.path : row.placementPath,
      ),
    ),
  ]);
}
