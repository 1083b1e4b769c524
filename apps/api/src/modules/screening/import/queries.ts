import { people, queryRows, roleAssignments, screeningImports, type TenantTx, units } from '@xinqiao/db';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Message, RowError } from '../../../http/problem.ts';
import { storedRowError } from './stored-errors.ts';

// The import's SQL, apart from its two files of their own: write-batch.ts (the one tuned statement per batch) and
// stored-file.ts (the uploaded file's parts).

/** An import record as stored. */
export type ImportRow = typeof screeningImports.$inferSelect;

/** The counts and errors an import record holds (a resumed import takes them up). */
export type StoredProgress = Pick<
  ImportRow,
  'rowsRead' | 'rowsAccepted' | 'rowsUnchanged' | 'rowsRejected' | 'followUpsOpened' | 'errors'
>;

/** What the import record holds as an import moves: counts of the rows so far and the bytes read. */
export interface ProgressCounts {
  rowsRead: number;
  rowsAccepted: number;
  rowsUnchanged: number;
  rowsRejected: number;
  followUpsOpened: number;
  bytesRead: number;
}

/** Stores a new import record (running) and returns its id. */
export async function insertImportRecord(
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
  const [row] = await tx.insert(screeningImports).values(values).returning({ id: screeningImports.id });
  return row!.id;
}

/** The import with this id, if the caller's scope shows it (RLS: those who manage screening). */
export async function findImport(tx: TenantTx, id: string): Promise<ImportRow | undefined> {
  const [row] = await tx.select().from(screeningImports).where(eq(screeningImports.id, id));
  return row;
}

/** The imports of a wave, newest first. */
export function importsOfWave(tx: TenantTx, waveId: string): Promise<ImportRow[]> {
  return tx
    .select()
    .from(screeningImports)
    .where(eq(screeningImports.waveId, waveId))
    .orderBy(desc(screeningImports.createdAt));
}

/** An import's status, if it exists. */
export async function importStatus(tx: TenantTx, importId: string): Promise<ImportRow['status'] | undefined> {
  const [row] = await tx
    .select({ status: screeningImports.status })
    .from(screeningImports)
    .where(eq(screeningImports.id, importId));
  return row?.status;
}

/** An import's file size and what its record holds so far. */
export async function storedProgressOf(
  tx: TenantTx,
  importId: string,
): Promise<(StoredProgress & { bytesTotal: number }) | undefined> {
  const [record] = await tx
    .select({
      bytesTotal: screeningImports.bytesTotal,
      rowsRead: screeningImports.rowsRead,
      rowsAccepted: screeningImports.rowsAccepted,
      rowsUnchanged: screeningImports.rowsUnchanged,
      rowsRejected: screeningImports.rowsRejected,
      followUpsOpened: screeningImports.followUpsOpened,
      errors: screeningImports.errors,
    })
    .from(screeningImports)
    .where(eq(screeningImports.id, importId));
  return record;
}

/** Whether a wave has any result yet (its first import may insert without conflict handling). */
export async function waveHasResults(tx: TenantTx, waveId: string): Promise<boolean | undefined> {
  const [had] = await queryRows<{ any: boolean }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM screening_results WHERE wave_id = ${waveId}::uuid) AS any`,
  );
  return had?.any;
}

/** The students of a batch by student number: id, name and placement path. */
export async function studentsByNumber(
  tx: TenantTx,
  numbers: string[],
): Promise<Map<string, { id: string; name: string; placementPath: string }>> {
  if (numbers.length === 0) return new Map();
  // One JSON value back instead of a row per student (PGlite pays for every row it returns), and each placement
  // path (~150 characters) once: the students of a batch share a few dozen classes.
  const [found] = await queryRows<{
    paths: string[] | null;
    rows: [string, string, string, number][] | null;
  }>(
    tx,
    // = ANY(array) lets PostgreSQL probe the (school, student number) index instead of scanning every student.
    sql`WITH s AS MATERIALIZED (
          SELECT student_number, id, name, placement_path FROM students
          WHERE student_number = ANY (ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(numbers)}::jsonb)))
        ),
        p AS MATERIALIZED (
          SELECT placement_path, (row_number() OVER (ORDER BY placement_path) - 1)::integer AS at
          FROM (SELECT DISTINCT placement_path FROM s) d
        )
        SELECT (SELECT json_agg(placement_path ORDER BY at) FROM p) AS paths,
               (SELECT json_agg(json_build_array(s.student_number, s.id, s.name, p.at))
                FROM s JOIN p USING (placement_path)) AS rows`,
  );
  const paths = found?.paths ?? [];
  return new Map(
    (found?.rows ?? []).map(([studentNumber, id, name, at]) => [
      studentNumber,
      { id, name, placementPath: paths[at]! },
    ]),
  );
}

/** Writes an import's counts and row errors so far. */
export async function updateImportProgress(
  tx: TenantTx,
  importId: string,
  progress: ProgressCounts,
  errors: RowError[],
): Promise<void> {
  await tx
    .update(screeningImports)
    .set({
      rowsRead: progress.rowsRead,
      rowsAccepted: progress.rowsAccepted,
      rowsUnchanged: progress.rowsUnchanged,
      rowsRejected: progress.rowsRejected,
      followUpsOpened: progress.followUpsOpened,
      bytesRead: progress.bytesRead,
      errors: errors.map(storedRowError),
      updatedAt: sql`now()`,
    })
    .where(eq(screeningImports.id, importId));
}

/** Ends an import done or failed; a done import has read its whole file, and records the file's hash if known. */
export async function endImport(
  tx: TenantTx,
  importId: string,
  status: 'done' | 'failed',
  bytes: { bytesRead: number; bytesTotal: number },
  sha256: string | null,
): Promise<void> {
  await tx
    .update(screeningImports)
    .set({
      status,
      finishedAt: sql`now()`,
      ...(status === 'done' ? { bytesRead: Math.max(bytes.bytesRead, bytes.bytesTotal) } : {}),
      ...(sha256 ? { fileSha256: sha256 } : {}),
    })
    .where(eq(screeningImports.id, importId));
}

/** Ends a running import as failed, its reason first among its errors. */
export async function markImportFailed(tx: TenantTx, importId: string, reason: Message): Promise<void> {
  const failure = JSON.stringify([storedRowError({ row: 0, column: '', reason })]);
  await tx
    .update(screeningImports)
    .set({
      status: 'failed',
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
      errors: sql`${failure}::jsonb || ${screeningImports.errors}`,
    })
    .where(and(eq(screeningImports.id, importId), eq(screeningImports.status, 'running')));
}

/** Whether the school still has this person. */
export async function personExists(tx: TenantTx, personId: string): Promise<boolean> {
  const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId));
  return person !== undefined;
}

/** The school's counsellors and college station heads on their units, first assigned first. */
export function followUpAssignments(tx: TenantTx) {
  return tx
    .select({ personId: roleAssignments.personId, role: roleAssignments.role, path: units.path })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(inArray(roleAssignments.role, ['counsellor', 'college_station_head']))
    .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.personId));
}
