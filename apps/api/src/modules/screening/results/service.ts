import { toChinaDate } from '@xinqiao/calendar';
import { queryRows, type TenantTx } from '@xinqiao/db';
import { type SQL, sql } from 'drizzle-orm';
import { problems } from '../../../http/problem.ts';

/**
 * The first interview of each follow-up, dated by its day in China: real case activity (case entries of kind
 * 'interview'), never a label. Joined as `iv` on the case `c`.
 */
const FIRST_INTERVIEW = `LEFT JOIN LATERAL (
    SELECT min(((ce.created_at AT TIME ZONE 'UTC') + interval '8 hours')::date)::text AS interviewed_on
    FROM case_entries ce WHERE ce.case_id = c.id AND ce.kind = 'interview'
  ) iv ON true`;

/** A reason a plugin rule gave. */
export interface Reason {
  ruleName: string;
  zh: string;
  en: string;
}

/** The follow-up a tier-1 result opened, with its deadline and first interview. */
export interface FollowUpState {
  caseId: string;
  status: string;
  dueDate: string | null;
  responsible: { id: string; displayName: string } | null;
  interviewedOn: string | null;
  /** No interview and the due date has passed. */
  overdue: boolean;
}

/** One row of a wave's tier table. */
export interface ResultRow {
  resultId: string;
  student: { id: string; studentNumber: string; name: string; collegeName: string; className: string };
  tier: number;
  reasons: Reason[];
  pluginId: string;
  pluginVersion: string;
  /** Totals and flags: center staff only. */
  summary?: Record<string, unknown>;
  followUp: FollowUpState | null;
}

interface RawResult {
  result_id: string;
  student_id: string;
  student_number: string;
  student_name: string;
  college_name: string;
  class_name: string;
  tier: number;
  reasons: Reason[];
  plugin_id: string;
  plugin_version: string;
  summary: Record<string, unknown>;
  case_id: string | null;
  case_status: string | null;
  due_date: string | null;
  responsible_id: string | null;
  responsible_name: string | null;
  interviewed_on: string | null;
}

const RESULT_COLUMNS =
  sql.raw(`r.id AS result_id, s.id AS student_id, s.student_number, s.name AS student_name,
  cu.name AS college_name, ku.name AS class_name, r.attention_tier AS tier, r.reasons, r.plugin_id, r.plugin_version,
  r.summary, c.id AS case_id, c.status AS case_status, c.due_date::text AS due_date,
  p.id AS responsible_id, p.display_name AS responsible_name, iv.interviewed_on`);

const RESULT_JOINS = sql.raw(`FROM screening_results r
  JOIN students s ON s.id = r.student_id
  JOIN units cu ON cu.id = s.college_unit_id
  JOIN units ku ON ku.id = s.class_unit_id
  LEFT JOIN cases c ON c.screening_result_id = r.id
  LEFT JOIN people p ON p.id = c.responsible_person_id
  ${FIRST_INTERVIEW}`);

function followUpOf(row: RawResult, today: string): FollowUpState | null {
  if (!row.case_id) return null;
  return {
    caseId: row.case_id,
    status: row.case_status!,
    dueDate: row.due_date,
    responsible: row.responsible_id ? { id: row.responsible_id, displayName: row.responsible_name! } : null,
    interviewedOn: row.interviewed_on,
    overdue: !row.interviewed_on && row.due_date !== null && row.due_date < today,
  };
}

function resultRow(row: RawResult, withScores: boolean, today: string): ResultRow {
  return {
    resultId: row.result_id,
    student: {
      id: row.student_id,
      studentNumber: row.student_number,
      name: row.student_name,
      collegeName: row.college_name,
      className: row.class_name,
    },
    tier: row.tier,
    reasons: row.reasons,
    pluginId: row.plugin_id,
    pluginVersion: row.plugin_version,
    ...(withScores ? { summary: row.summary } : {}),
    followUp: followUpOf(row, today),
  };
}

/** Filters of a wave's tier table. */
export interface ResultFilter {
  tier?: number | undefined;
  collegeId?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * A page of a wave's results within the caller's scope (RLS), most serious tier first: student, tier, reasons and
 * the follow-up; totals and flags only for center staff.
 */
export async function listResults(
  tx: TenantTx,
  waveId: string,
  filter: ResultFilter,
  withScores: boolean,
  now: Date,
): Promise<{ total: number; page: number; pageSize: number; rows: ResultRow[] }> {
  const conditions: SQL[] = [sql`r.wave_id = ${waveId}::uuid`];
  if (filter.tier !== undefined) conditions.push(sql`r.attention_tier = ${filter.tier}`);
  if (filter.collegeId) conditions.push(sql`s.college_unit_id = ${filter.collegeId}::uuid`);
  const where = sql.join(conditions, sql` AND `);
  const [count] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM screening_results r JOIN students s ON s.id = r.student_id WHERE ${where}`,
  );
  const rows = await queryRows<RawResult>(
    tx,
    sql`SELECT ${RESULT_COLUMNS} ${RESULT_JOINS} WHERE ${where}
        ORDER BY r.attention_tier, cu.name, ku.name, s.student_number
        LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
  );
  const today = toChinaDate(now);
  return {
    total: count?.n ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
    rows: rows.map((row) => resultRow(row, withScores, today)),
  };
}

/** Counts of one college in a wave: students per tier and the seed-003 KPI of tier-1 students interviewed in time. */
export interface TierCounts {
  collegeId: string;
  collegeName: string;
  screened: number;
  tier1: number;
  tier2: number;
  tier3: number;
  /** Tier-1 students whose first interview is dated on or before the follow-up's due date. */
  interviewedInTime: number;
  interviewedLate: number;
  /** Not interviewed and past the due date. */
  overdue: number;
  /** interviewedInTime / tier1 (1 when there is no tier-1 student); target 100%. */
  interviewedInTimeShare: number;
}

/** Per college of the caller's scope: tier counts and the share of tier-1 students interviewed within the deadline. */
export async function tierCounts(tx: TenantTx, waveId: string, now: Date): Promise<TierCounts[]> {
  const today = toChinaDate(now);
  const rows = await queryRows<{
    college_id: string;
    college_name: string;
    screened: number;
    tier1: number;
    tier2: number;
    tier3: number;
    in_time: number;
    late: number;
    overdue: number;
  }>(
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
  return rows.map((r) => ({
    collegeId: r.college_id,
    collegeName: r.college_name,
    screened: r.screened,
    tier1: r.tier1,
    tier2: r.tier2,
    tier3: r.tier3,
    interviewedInTime: r.in_time,
    interviewedLate: r.late,
    overdue: r.overdue,
    interviewedInTimeShare: r.tier1 === 0 ? 1 : Math.round((r.in_time / r.tier1) * 1000) / 1000,
  }));
}

/** One result with its wave, and for center staff the item answers and full scores. */
export async function getResult(tx: TenantTx, resultId: string, withAnswers: boolean, now: Date) {
  const [row] = await queryRows<RawResult & { wave_id: string; wave_name: string; instrument: string }>(
    tx,
    sql`SELECT ${RESULT_COLUMNS}, r.wave_id, w.name AS wave_name, r.instrument ${RESULT_JOINS}
        JOIN screening_waves w ON w.id = r.wave_id
        WHERE r.id = ${resultId}::uuid`,
  );
  if (!row) throw problems.notFound('没有这条筛查结果，或你无权查看 / No such result, or not visible to you');
  const result = {
    ...resultRow(row, withAnswers, toChinaDate(now)),
    wave: { id: row.wave_id, name: row.wave_name, instrument: row.instrument },
  };
  if (!withAnswers) return result;
  const [answers] = await queryRows<{ answers: number[]; scores: Record<string, unknown> }>(
    tx,
    sql`SELECT answers, scores FROM screening_results WHERE id = ${resultId}::uuid`,
  );
  return { ...result, answers: answers?.answers ?? null, scores: answers?.scores ?? null };
}

/** A student's result in one wave, with the direction against the previous result of the same instrument. */
export interface HistoryEntry {
  resultId: string;
  wave: { id: string; name: string; instrument: string; academicYear: number; opensOn: string };
  tier: number;
  reasons: Reason[];
  pluginId: string;
  pluginVersion: string;
  /** 'worse' when the tier number fell (more attention), 'better' when it rose; null for the first of its instrument. */
  trend: 'worse' | 'better' | 'same' | null;
  summary?: Record<string, unknown>;
  followUp: FollowUpState | null;
}

/** Every wave a student took part in, oldest first, with tier and trend; 404 when the student is not in full view. */
export async function studentHistory(
  tx: TenantTx,
  studentId: string,
  withScores: boolean,
  now: Date,
): Promise<{
  student: { id: string; studentNumber: string; name: string; placementPath: string };
  entries: HistoryEntry[];
}> {
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
  if (!student)
    throw problems.notFound('没有这个学生，或你无权查看 / No such student, or not visible to you');
  const rows = await queryRows<
    RawResult & {
      wave_id: string;
      wave_name: string;
      instrument: string;
      academic_year: number;
      opens_on: string;
    }
  >(
    tx,
    sql`SELECT ${RESULT_COLUMNS}, r.wave_id, w.name AS wave_name, r.instrument, w.academic_year, w.opens_on::text
        ${RESULT_JOINS} JOIN screening_waves w ON w.id = r.wave_id
        WHERE r.student_id = ${studentId}::uuid ORDER BY w.opens_on, w.name`,
  );
  const today = toChinaDate(now);
  const last = new Map<string, number>();
  const entries = rows.map((row): HistoryEntry => {
    const previous = last.get(row.instrument);
    last.set(row.instrument, row.tier);
    const { student: _student, ...base } = resultRow(row, withScores, today);
    return {
      ...base,
      wave: {
        id: row.wave_id,
        name: row.wave_name,
        instrument: row.instrument,
        academicYear: row.academic_year,
        opensOn: row.opens_on,
      },
      trend:
        previous === undefined
          ? null
          : row.tier < previous
            ? 'worse'
            : row.tier > previous
              ? 'better'
              : 'same',
    };
  });
  return {
    student: {
      id: student.id,
      studentNumber: student.student_number,
      name: student.name,
      placementPath: student.placement_path,
    },
    entries,
  };
}

/** A follow-up as the follow-up list shows it. */
export interface FollowUpRow extends FollowUpState {
  student: ResultRow['student'];
  wave: { id: string; name: string; instrument: string };
  tier: number;
  reasons: Reason[];
}

/** Which follow-ups to list. */
export interface FollowUpFilter {
  waveId?: string | undefined;
  state: 'all' | 'open' | 'overdue' | 'interviewed';
  /** Only those the caller is responsible for. */
  mine: boolean;
}

/**
 * The follow-ups of tier-1 results in the caller's scope (RLS), soonest due first: overdue ones are those with no
 * interview recorded by the due date.
 */
export async function listFollowUps(
  tx: TenantTx,
  personId: string,
  filter: FollowUpFilter,
  now: Date,
): Promise<FollowUpRow[]> {
  const today = toChinaDate(now);
  const conditions: SQL[] = [sql`c.id IS NOT NULL`];
  if (filter.waveId) conditions.push(sql`r.wave_id = ${filter.waveId}::uuid`);
  if (filter.mine) conditions.push(sql`c.responsible_person_id = ${personId}::uuid`);
  if (filter.state === 'overdue') {
    conditions.push(sql`iv.interviewed_on IS NULL AND c.due_date < ${today}::date`);
  } else if (filter.state === 'open') conditions.push(sql`iv.interviewed_on IS NULL`);
  else if (filter.state === 'interviewed') conditions.push(sql`iv.interviewed_on IS NOT NULL`);
  const rows = await queryRows<RawResult & { wave_id: string; wave_name: string; instrument: string }>(
    tx,
    sql`SELECT ${RESULT_COLUMNS}, r.wave_id, w.name AS wave_name, r.instrument
        ${RESULT_JOINS} JOIN screening_waves w ON w.id = r.wave_id
        WHERE ${sql.join(conditions, sql` AND `)}
        ORDER BY c.due_date NULLS LAST, s.student_number LIMIT 1000`,
  );
  return rows.map((row) => {
    const base = resultRow(row, false, today);
    return {
      ...followUpOf(row, today)!,
      student: base.student,
      wave: { id: row.wave_id, name: row.wave_name, instrument: row.instrument },
      tier: row.tier,
      reasons: row.reasons,
    };
  });
}
