import { queryRows, type TenantTx, withGenericPlan } from '@xinqiao/db';
import type { AttentionTier } from '@xinqiao/policy';
import { type SQL, sql } from 'drizzle-orm';
import { limitOffset, type PageRequest, pageWithWindowTotal } from '../../../http/pagination.ts';
import type { ScoreSummary, StoredScores } from './scores.ts';

/**
 * The day in China of each follow-up's first interview (`occurred_at`; entries written before interviews recorded it
 * count from when they were typed): real case activity, kept on the case by the `case_entries_interview` trigger,
 * never a label. Joined as `iv` on the case `c`.
 */
const FIRST_INTERVIEW = `LEFT JOIN LATERAL (
    SELECT (((c.first_interview_at AT TIME ZONE 'UTC') + interval '8 hours')::date)::text AS interviewed_on
  ) iv ON true`;

/** A reason a plugin rule gave, as stored with the result. */
export interface StoredReason {
  ruleName: string;
  zh: string;
  en: string;
  /** The rule marks a self-harm finding (stored since the plugins mark them). */
  selfHarm?: true;
}

/** A result with its student, the follow-up it opened and that follow-up's first interview. */
export interface ResultRow {
  result_id: string;
  student_id: string;
  student_number: string;
  student_name: string;
  college_name: string;
  class_name: string;
  /** Stored only from a plugin's decision, which the tier contract limits to ATTENTION_TIERS. */
  tier: AttentionTier;
  reasons: StoredReason[];
  plugin_id: string;
  plugin_version: string;
  summary: ScoreSummary;
  case_id: string | null;
  case_status: string | null;
  due_date: string | null;
  /** The follow-up carries a self-harm finding (null without a follow-up). */
  self_harm: boolean | null;
  responsible_id: string | null;
  responsible_name: string | null;
  interviewed_on: string | null;
}

/** A result row with the wave it belongs to. */
export interface WaveResultRow extends ResultRow {
  wave_id: string;
  wave_name: string;
  instrument: string;
}

/** A result row with its wave's year and first day, for a student's history. */
export interface HistoryRow extends WaveResultRow {
  academic_year: number;
  opens_on: string;
}

const RESULT_COLUMNS =
  sql.raw(`r.id AS result_id, s.id AS student_id, s.student_number, s.name AS student_name,
  cu.name AS college_name, ku.name AS class_name, r.attention_tier AS tier, r.reasons, r.plugin_id, r.plugin_version,
  r.summary, c.id AS case_id, c.status AS case_status, c.due_date::text AS due_date, c.self_harm,
  c.responsible_person_id AS responsible_id,
  (SELECT p.display_name FROM people p WHERE p.id = c.responsible_person_id) AS responsible_name,
  iv.interviewed_on`);

// The responsible person's name by a primary-key lookup per row, not a left join: under a generic plan that
// expected one row, PostgreSQL can join people by scanning the school's people for every row, as it did for the
// case reads (cases/queries.ts).
const RESULT_JOINS = sql.raw(`FROM screening_results r
  JOIN students s ON s.id = r.student_id
  JOIN units cu ON cu.id = s.college_unit_id
  JOIN units ku ON ku.id = s.class_unit_id
  LEFT JOIN cases c ON c.screening_result_id = r.id
  ${FIRST_INTERVIEW}`);

/** Filters of a wave's tier table. */
export interface ResultFilter {
  tier?: number | undefined;
  collegeId?: string | undefined;
}

function resultConditions(waveId: string, filter: ResultFilter): SQL {
  const conditions: SQL[] = [sql`r.wave_id = ${waveId}::uuid`];
  if (filter.tier !== undefined) conditions.push(sql`r.attention_tier = ${filter.tier}`);
  if (filter.collegeId) conditions.push(sql`s.college_unit_id = ${filter.collegeId}::uuid`);
  return sql.join(conditions, sql` AND `);
}

/** How many of a wave's results the caller's scope (RLS) shows under the filter. */
export async function countResults(tx: TenantTx, waveId: string, filter: ResultFilter): Promise<number> {
  const [count] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM screening_results r JOIN students s ON s.id = r.student_id
        WHERE ${resultConditions(waveId, filter)}`,
  );
  return count?.n ?? 0;
}

/** A page of a wave's results in the caller's scope: most serious tier first, then by college, class and number. */
export function resultRows(
  tx: TenantTx,
  waveId: string,
  filter: ResultFilter,
  page: PageRequest,
): Promise<ResultRow[]> {
  const { limit, offset } = limitOffset(page);
  return queryRows<ResultRow>(
    tx,
    sql`SELECT ${RESULT_COLUMNS} ${RESULT_JOINS} WHERE ${resultConditions(waveId, filter)}
        ORDER BY r.attention_tier, cu.name, ku.name, s.student_number
        LIMIT ${limit} OFFSET ${offset}`,
  );
}

/** One college's counts in a wave: results per tier, and tier-1 follow-ups interviewed in time, late or overdue. */
export interface TierCountRow {
  college_id: string;
  college_name: string;
  screened: number;
  tier1: number;
  tier2: number;
  tier3: number;
  in_time: number;
  late: number;
  overdue: number;
}

/** Per college of the caller's scope: tier counts, and how the tier-1 follow-ups stand on `today` (China date). */
export function tierCountRows(tx: TenantTx, waveId: string, today: string): Promise<TierCountRow[]> {
  return queryRows<TierCountRow>(
    tx,
    sql`SELECT s.college_unit_id AS college_id, cu.name AS college_name, count(*)::int AS screened,
               count(*) FILTER (WHERE r.attention_tier = 1)::int AS tier1,
               count(*) FILTER (WHERE r.attention_tier = 2)::int AS tier2,
               count(*) FILTER (WHERE r.attention_tier = 3)::int AS tier3,
               count(*) FILTER (WHERE r.attention_tier = 1 AND iv.interviewed_on::date <= c.due_date)::int AS in_time,
               count(*) FILTER (WHERE r.attention_tier = 1 AND iv.interviewed_on::date > c.due_date)::int AS late,
               count(*) FILTER (WHERE r.attention_tier = 1 AND iv.interviewed_on IS NULL
                                AND c.due_date < ${today}::date)::int AS overdue
        ${RESULT_JOINS}
        WHERE r.wave_id = ${waveId}::uuid
        GROUP BY s.college_unit_id, cu.name ORDER BY cu.name`,
  );
}

/** One result with its wave, if the caller's scope shows it. */
export async function findResult(tx: TenantTx, resultId: string): Promise<WaveResultRow | undefined> {
  const [row] = await queryRows<WaveResultRow>(
    tx,
    sql`SELECT ${RESULT_COLUMNS}, r.wave_id, w.name AS wave_name, r.instrument ${RESULT_JOINS}
        JOIN screening_waves w ON w.id = r.wave_id
        WHERE r.id = ${resultId}::uuid`,
  );
  return row;
}

/**
 * A result's item answers and full scores. Only a transaction running as `xinqiao_screening` (the center, with the
 * `screening.answers` capability) may read these columns; anyone else's query fails with "permission denied".
 */
export async function answersOf(
  tx: TenantTx,
  resultId: string,
): Promise<{ answers: number[]; scores: StoredScores } | undefined> {
  const [row] = await queryRows<{ answers: number[]; scores: StoredScores }>(
    tx,
    sql`SELECT answers, scores FROM screening_results WHERE id = ${resultId}::uuid`,
  );
  return row;
}

/** A student the caller sees in full (not the reduced view), if any. */
export async function findFullViewStudent(
  tx: TenantTx,
  studentId: string,
): Promise<{ id: string; student_number: string; name: string; placement_path: string } | undefined> {
  const [student] = await queryRows<{
    id: string;
    student_number: string;
    name: string;
    placement_path: string;
  }>(
    tx,
    sql`SELECT id, student_number, name, placement_path FROM students
        WHERE id = ${studentId}::uuid AND xq_student_full_access(id)`,
  );
  return student;
}

/** Every result of a student with its wave, oldest wave first. */
export function historyRows(tx: TenantTx, studentId: string): Promise<HistoryRow[]> {
  return queryRows<HistoryRow>(
    tx,
    sql`SELECT ${RESULT_COLUMNS}, r.wave_id, w.name AS wave_name, r.instrument, w.academic_year, w.opens_on::text
        ${RESULT_JOINS} JOIN screening_waves w ON w.id = r.wave_id
        WHERE r.student_id = ${studentId}::uuid ORDER BY w.opens_on, w.name`,
  );
}

/** Which follow-ups to list. */
export interface FollowUpFilter {
  waveId?: string | undefined;
  state: 'all' | 'open' | 'overdue' | 'interviewed';
  /** Only those the caller is responsible for. */
  mine: boolean;
  /** 'none': the unassigned queue; 'me': the caller's own (as `mine`). */
  responsible?: 'none' | 'me' | undefined;
  responsiblePersonId?: string | undefined;
  collegeId?: string | undefined;
  classId?: string | undefined;
}

function followUpConditions(personId: string, filter: FollowUpFilter, today: string): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filter.waveId) conditions.push(sql`r.wave_id = ${filter.waveId}::uuid`);
  if (filter.mine || filter.responsible === 'me')
    conditions.push(sql`c.responsible_person_id = ${personId}::uuid`);
  if (filter.responsible === 'none') conditions.push(sql`c.responsible_person_id IS NULL`);
  if (filter.responsiblePersonId) {
    conditions.push(sql`c.responsible_person_id = ${filter.responsiblePersonId}::uuid`);
  }
  if (filter.collegeId) conditions.push(sql`s.college_unit_id = ${filter.collegeId}::uuid`);
  if (filter.classId) conditions.push(sql`s.class_unit_id = ${filter.classId}::uuid`);
  // Talked to yet: the case keeps its first interview (the `case_entries_interview` trigger), so the states read
  // the case itself and picking a page needs no join for them.
  if (filter.state === 'overdue') {
    conditions.push(sql`c.first_interview_at IS NULL AND c.due_date < ${today}::date`);
  } else if (filter.state === 'open') conditions.push(sql`c.first_interview_at IS NULL`);
  else if (filter.state === 'interviewed') conditions.push(sql`c.first_interview_at IS NOT NULL`);
  return sql.join(conditions, sql` AND `);
}

/**
 * The follow-ups' order: self-harm, then soonest due (undated last), then by student and result. The case carries
 * its student's number (migration 0030), so the order needs no student.
 */
const FOLLOW_UP_ORDER = sql.raw(
  'c.self_harm DESC, c.due_date NULLS LAST, c.student_number, c.screening_result_id',
);

/**
 * A page of the results that opened a follow-up, in the caller's scope, most urgent first (self-harm, then soonest
 * due), with how many match: overdue ones have no interview and a due date before `today` (China date).
 *
 * The page is picked among the follow-up cases alone (their students only when a filter names the college or
 * class), counted before the cut (`count(*) OVER ()`); the student, the result, the wave, the units and the first
 * interview's day are read for the page's rows only (the result for every match only when a filter names the
 * wave). A case and its result carry the same student path and the same full-view policy, so picking by the case
 * shows what joining the result would.
 */
export async function followUpRows(
  tx: TenantTx,
  personId: string,
  filter: FollowUpFilter,
  today: string,
  page: PageRequest,
): Promise<{ rows: WaveResultRow[]; total: number }> {
  const where = followUpConditions(personId, filter, today);
  const pickJoins = sql.join(
    [
      sql.raw('FROM cases c'),
      filter.collegeId || filter.classId ? sql.raw('JOIN students s ON s.id = c.student_id') : sql``,
      filter.waveId ? sql.raw('JOIN screening_results r ON r.id = c.screening_result_id') : sql``,
    ],
    sql` `,
  );
  const { limit, offset } = limitOffset(page);
  // Under generic plans: PostgreSQL planned the page again for every LIMIT/OFFSET (withGenericPlan).
  const counted = await withGenericPlan(tx, () =>
    queryRows<WaveResultRow & { total: number }>(
      tx,
      sql`WITH picked AS (
            SELECT c.id, count(*) OVER ()::int AS total ${pickJoins}
            WHERE c.screening_result_id IS NOT NULL AND ${where}
            ORDER BY ${FOLLOW_UP_ORDER} LIMIT ${limit} OFFSET ${offset}
          )
          SELECT ${RESULT_COLUMNS}, r.wave_id, w.name AS wave_name, r.instrument, picked.total
          FROM picked JOIN cases c ON c.id = picked.id
          JOIN screening_results r ON r.id = c.screening_result_id
          JOIN students s ON s.id = c.student_id
          JOIN units cu ON cu.id = s.college_unit_id
          JOIN units ku ON ku.id = s.class_unit_id
          ${sql.raw(FIRST_INTERVIEW)}
          JOIN screening_waves w ON w.id = r.wave_id
          ORDER BY ${FOLLOW_UP_ORDER}`,
    ),
  );
  return pageWithWindowTotal<WaveResultRow>(counted, offset, async () => {
    const [all] = await queryRows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n ${pickJoins} WHERE c.screening_result_id IS NOT NULL AND ${where}`,
    );
    return all?.n ?? 0;
  });
}
