import { queryRows, screeningWaves, type TenantTx, type WaveStatus } from '@xinqiao/db';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';

/** A wave as stored. */
export type WaveRow = typeof screeningWaves.$inferSelect;

/** A wave with how many results it holds per tier, counted within the caller's scope (RLS on the results). */
export interface WaveCountRow {
  id: string;
  academic_year: number;
  name: string;
  instrument: string;
  cohort: string;
  opens_on: string;
  closes_on: string;
  status: WaveStatus;
  results: number;
  tier1: number;
  tier2: number;
  tier3: number;
}

/** The school's waves (one academic year, one wave, or all) with result counts, newest first. */
export function waveCountRows(
  tx: TenantTx,
  filter: { academicYear?: number | undefined; id?: string | undefined } = {},
): Promise<WaveCountRow[]> {
  const conditions = [
    filter.academicYear === undefined ? sql`true` : sql`w.academic_year = ${filter.academicYear}`,
    filter.id === undefined ? sql`true` : sql`w.id = ${filter.id}::uuid`,
  ];
  return queryRows<WaveCountRow>(
    tx,
    sql`SELECT w.id, w.academic_year, w.name, w.instrument, w.cohort, w.opens_on::text, w.closes_on::text, w.status,
               count(r.id)::int AS results,
               count(r.id) FILTER (WHERE r.attention_tier = 1)::int AS tier1,
               count(r.id) FILTER (WHERE r.attention_tier = 2)::int AS tier2,
               count(r.id) FILTER (WHERE r.attention_tier = 3)::int AS tier3
        FROM screening_waves w LEFT JOIN screening_results r ON r.wave_id = w.id
        WHERE ${sql.join(conditions, sql` AND `)}
        GROUP BY w.id ORDER BY w.opens_on DESC, w.name`,
  );
}

/** The wave with this id, if the school has it. */
export async function findWave(tx: TenantTx, id: string): Promise<WaveRow | undefined> {
  const [wave] = await tx.select().from(screeningWaves).where(eq(screeningWaves.id, id));
  return wave;
}

/** The waves of one academic year that are not cancelled: id, name and instrument. */
export function wavesOfYear(tx: TenantTx, academicYear: number) {
  return tx
    .select({ id: screeningWaves.id, name: screeningWaves.name, instrument: screeningWaves.instrument })
    .from(screeningWaves)
    .where(and(eq(screeningWaves.academicYear, academicYear), ne(screeningWaves.status, 'cancelled')));
}

/**
 * Whether the year already has a wave of this name and instrument that is not cancelled (a cancelled wave counts
 * as never made), other than `exceptId` (the wave being renamed).
 */
export async function waveExists(
  tx: TenantTx,
  wave: { academicYear: number; name: string; instrument: string },
  exceptId?: string,
): Promise<boolean> {
  const [clash] = await tx
    .select({ id: screeningWaves.id })
    .from(screeningWaves)
    .where(
      and(
        eq(screeningWaves.academicYear, wave.academicYear),
        eq(screeningWaves.name, wave.name),
        eq(screeningWaves.instrument, wave.instrument),
        ne(screeningWaves.status, 'cancelled'),
        exceptId === undefined ? undefined : ne(screeningWaves.id, exceptId),
      ),
    );
  return clash !== undefined;
}

/** Stores a new wave and returns its id. */
export async function insertWave(tx: TenantTx, values: typeof screeningWaves.$inferInsert): Promise<string> {
  const [row] = await tx.insert(screeningWaves).values(values).returning({ id: screeningWaves.id });
  return row!.id;
}

/** Changes a wave's name or window. */
export async function updateWave(
  tx: TenantTx,
  id: string,
  change: { name?: string; opensOn?: string; closesOn?: string },
): Promise<void> {
  await tx.update(screeningWaves).set(change).where(eq(screeningWaves.id, id));
}

/** How many results the wave holds (all of them, whatever the caller's scope: RLS lets the center see every one). */
export async function resultCountOf(tx: TenantTx, waveId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM screening_results WHERE wave_id = ${waveId}::uuid`,
  );
  return row?.n ?? 0;
}

/** Whether an import into the wave is still running. */
export async function importRunning(tx: TenantTx, waveId: string): Promise<boolean> {
  const [row] = await queryRows<{ running: boolean }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM screening_imports WHERE wave_id = ${waveId}::uuid AND status = 'running') AS running`,
  );
  return row?.running ?? false;
}

/** Sets a wave's status. */
export async function updateWaveStatus(tx: TenantTx, id: string, status: WaveStatus): Promise<void> {
  await tx.update(screeningWaves).set({ status }).where(eq(screeningWaves.id, id));
}

/** SQL condition on students `s`: the student belongs to the cohort (all, freshmen, graduating, or an enrolment year). */
function cohortCondition(cohort: string, academicYear: number) {
  if (cohort === 'freshmen') return sql`s.enrolment_year = ${academicYear}`;
  // A four-year programme: students who enrolled three years before the academic year graduate in it.
  if (cohort === 'graduating') return sql`s.enrolment_year = ${academicYear - 3}`;
  if (/^\d{4}$/.test(cohort)) return sql`s.enrolment_year = ${Number(cohort)}`;
  return sql`true`;
}

/**
 * Completion of a wave in one class (or, with `class_id` null, one college): students of the cohort, how many have a
 * result, and where each stands in the online wave, one state per student, the first that holds: submitted (a
 * result, or answers submitted and being stored), declined (their consent says so now), in progress (answers saved,
 * not submitted), consented but not started, not opened (no consent, no answers, no result).
 */
export interface CompletionRow {
  college_id: string;
  college_name: string;
  class_id: string | null;
  class_name: string | null;
  students: number;
  screened: number;
  submitted: number;
  in_progress: number;
  consented: number;
  declined: number;
  not_opened: number;
}

/**
 * Per college and per class of the caller's full scope, in one statement (GROUPING SETS: a college's row has no
 * class): the wave's cohort and where it stands. Saved answers are read only with `screening.answers` (RLS); for
 * anyone else a student with saved answers counts as consented.
 */
export function completionRows(
  tx: TenantTx,
  wave: Pick<WaveRow, 'id' | 'cohort' | 'academicYear'>,
): Promise<CompletionRow[]> {
  return queryRows<CompletionRow>(
    tx,
    sql`SELECT s.college_unit_id AS college_id, cu.name AS college_name, s.class_unit_id AS class_id,
               ku.name AS class_name, count(*)::int AS students, count(r.id)::int AS screened,
               count(*) FILTER (WHERE r.id IS NOT NULL OR p.status = 'submitted')::int AS submitted,
               count(*) FILTER (WHERE r.id IS NULL AND p.status IS DISTINCT FROM 'submitted'
                                  AND c.decision = 'declined')::int AS declined,
               count(*) FILTER (WHERE r.id IS NULL AND p.status = 'in_progress'
                                  AND c.decision IS DISTINCT FROM 'declined')::int AS in_progress,
               count(*) FILTER (WHERE r.id IS NULL AND p.id IS NULL AND c.decision = 'consented')::int AS consented,
               count(*) FILTER (WHERE r.id IS NULL AND p.id IS NULL AND c.id IS NULL)::int AS not_opened
        FROM students s
        JOIN units cu ON cu.id = s.college_unit_id
        JOIN units ku ON ku.id = s.class_unit_id
        LEFT JOIN screening_results r ON r.student_id = s.id AND r.wave_id = ${wave.id}::uuid
        LEFT JOIN screening_responses p ON p.student_id = s.id AND p.wave_id = ${wave.id}::uuid
        LEFT JOIN screening_consents c ON c.student_id = s.id AND c.wave_id = ${wave.id}::uuid
        WHERE ${cohortCondition(wave.cohort, wave.academicYear)} AND xq_in_scope(s.placement_path, 'xq.full_scope')
        GROUP BY GROUPING SETS ((s.college_unit_id, cu.name), (s.college_unit_id, cu.name, s.class_unit_id, ku.name))
        ORDER BY cu.name, s.college_unit_id, ku.name NULLS FIRST`,
  );
}

/** The latest academic year that has a wave, if any. */
export async function latestWaveYear(tx: TenantTx): Promise<number | undefined> {
  const [row] = await tx
    .select({ year: screeningWaves.academicYear })
    .from(screeningWaves)
    .orderBy(desc(screeningWaves.academicYear), asc(screeningWaves.opensOn))
    .limit(1);
  return row?.year;
}
