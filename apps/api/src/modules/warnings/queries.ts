import {
  improvementPlans,
  queryRows,
  sqlInstant,
  type TenantTx,
  type WarningReasonRow,
  warnings,
} from '@xinqiao/db';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { limitOffset, type PageRequest, pageWithWindowTotal } from '../../http/pagination.ts';

/** A warning with its student as the caller may see them (RLS: students they see in full). */
export interface WarningRow {
  id: string;
  studentId: string;
  studentName: string;
  studentNumber: string;
  placementPath: string;
  className: string;
  collegeId: string;
  collegeName: string;
  module: string;
  level: 'yellow' | 'red';
  status: 'open' | 'cleared' | 'closed';
  reasons: WarningReasonRow[];
  actions: string[];
  deadlineWorkingDays: number;
  dueOn: string;
  urgent: boolean;
  term: string | null;
  clearedTerm: string | null;
  openedAt: Date;
  clearedAt: Date | null;
  closedAt: Date | null;
  closeNote: string | null;
  talkedAt: Date | null;
  crisisId: string | null;
  pluginId: string;
  pluginVersion: string;
  hasPlan: boolean;
}

export interface WarningFilter {
  status?: 'open' | 'cleared' | 'closed' | undefined;
  module?: string | undefined;
  level?: 'yellow' | 'red' | undefined;
  studentId?: string | undefined;
  id?: string | undefined;
  /** Only students under these unit paths (a counsellor's own units). */
  underPaths?: readonly string[] | undefined;
}

/**
 * Runs a statement with hash joins only: warnings are a new table the planner has no statistics of, and it would
 * nest-loop a whole school's warnings against its students (the center's list and overview).
 */
async function hashJoined<T>(tx: TenantTx, query: SQL): Promise<T[]> {
  await tx.execute(sql`SET LOCAL enable_nestloop = off`);
  try {
    return await queryRows<T>(tx, query);
  } finally {
    await tx.execute(sql`SET LOCAL enable_nestloop = on`);
  }
}

/** A warning's columns with its student's, class's and college's. */
const BASE_COLUMNS = sql`w.id, w.student_id AS "studentId", s.name AS "studentName",
    s.student_number AS "studentNumber", s.placement_path AS "placementPath", cl.name AS "className",
    co.id AS "collegeId", co.name AS "collegeName", w.module, w.level, w.status, w.reasons, w.actions,
    w.deadline_working_days AS "deadlineWorkingDays", w.due_on::text AS "dueOn", w.urgent, w.term,
    w.cleared_term AS "clearedTerm", w.opened_at AS "openedAt", w.cleared_at AS "clearedAt", w.closed_at AS "closedAt",
    w.close_note AS "closeNote", w.talked_at AS "talkedAt", w.crisis_id AS "crisisId", w.plugin_id AS "pluginId",
    w.plugin_version AS "pluginVersion"`;

/** With whether each warning has a plan, looked up per warning: for a few warnings, or a whole export's. */
const COLUMNS = sql`${BASE_COLUMNS},
    EXISTS (SELECT 1 FROM improvement_plans p WHERE p.warning_id = w.id) AS "hasPlan"`;

/**
 * With whether each warning of a page has a plan, from one read of the plans of the page's warnings (`picked`).
 * Asked per warning, an empty or small plans table was scanned again for every row, and on PGlite each scan asks the
 * file system for the table's size: 50 times for a page of warnings.
 */
const PAGE_COLUMNS = sql`${BASE_COLUMNS},
    w.id IN (SELECT p.warning_id FROM improvement_plans p WHERE p.warning_id IN (SELECT id FROM picked)) AS "hasPlan"`;

/** A warning's student and the student's class and college. */
const STUDENT_JOINS = sql`JOIN students s ON s.id = w.student_id
  JOIN units cl ON cl.id = s.class_unit_id
  JOIN units co ON co.id = s.college_unit_id`;

const FROM = sql`FROM warnings w ${STUDENT_JOINS}`;

const SELECT = sql`SELECT ${COLUMNS} ${FROM}`;

/**
 * What a count of warnings reads: the warnings alone. Each carries its student's path, which RLS and a filter test,
 * so the students need not be read (a warning the caller may see is of a student they see).
 */
const COUNT_FROM = sql`FROM warnings w`;

/**
 * A warning's student is under the unit path `prefix`: an index range on the warning's own copy of the student's
 * path (text_pattern_ops). `LIKE $1 || '%'` would be the same test, but a generic plan cannot make a range of it.
 */
const underPath = (prefix: string) => {
  const next = `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
  return sql`(w.placement_path ~>=~ ${prefix} AND w.placement_path ~<~ ${next})`;
};

/** The conditions of a filter; null when nothing can match (a counsellor of no unit). */
function warningWhere(filter: WarningFilter): SQL | null {
  const where: SQL[] = [sql`true`];
  if (filter.status) where.push(sql`w.status = ${filter.status}`);
  if (filter.module) where.push(sql`w.module = ${filter.module}`);
  if (filter.level) where.push(sql`w.level = ${filter.level}`);
  if (filter.studentId) where.push(sql`w.student_id = ${filter.studentId}::uuid`);
  if (filter.id) where.push(sql`w.id = ${filter.id}::uuid`);
  if (filter.underPaths) {
    if (filter.underPaths.length === 0) return null;
    where.push(sql`(${sql.join(filter.underPaths.map(underPath), sql` OR `)})`);
  }
  return sql.join(where, sql` AND `);
}

/**
 * Most urgent first (open, urgent, red, earliest due), then by student and id so pages never overlap. The warning
 * carries its student's number (migration 0030), so the order needs no student.
 */
const URGENCY = sql`w.status = 'open' DESC, w.urgent DESC, w.level = 'red' DESC, w.due_on, w.student_number, w.id`;

/**
 * A whole school's warnings with their students (an export) have no student or unit to start from: hash joins (see
 * {@link hashJoined}). A page is picked without them ({@link pageWarnings}).
 */
const isWide = (filter: WarningFilter) => !filter.studentId && !filter.id && !filter.underPaths;

type RawWarningRow = WarningRow & { openedAt: Date | string };

const warningRowOf = <R extends Omit<RawWarningRow, 'hasPlan'>>(row: R) => ({
  ...row,
  openedAt: new Date(row.openedAt),
  clearedAt: row.clearedAt ? new Date(row.clearedAt) : null,
  closedAt: row.closedAt ? new Date(row.closedAt) : null,
  talkedAt: row.talkedAt ? new Date(row.talkedAt) : null,
});

/** Warnings by filter, most urgent first (urgent, red, earliest due), at most `limit`. */
export async function selectWarnings(
  tx: TenantTx,
  filter: WarningFilter,
  limit = 500,
): Promise<WarningRow[]> {
  const where = warningWhere(filter);
  if (!where) return [];
  const rows = await (isWide(filter) ? hashJoined : queryRows)<RawWarningRow>(
    tx,
    sql`${SELECT} WHERE ${where} ORDER BY ${URGENCY} LIMIT ${limit}`,
  );
  return rows.map(warningRowOf);
}

/**
 * One page of the warnings a filter matches, most urgent first, and how many match in all: the page sorts every
 * match anyway, so the total rides on it (`count(*) OVER ()`); a page past the end counts alone.
 */
export async function pageWarnings(
  tx: TenantTx,
  filter: WarningFilter,
  page: PageRequest,
): Promise<{ rows: WarningRow[]; total: number }> {
  const where = warningWhere(filter);
  if (!where) return { rows: [], total: 0 };
  const { limit, offset } = limitOffset(page);
  // Picked among the warnings alone, counted before the cut; only the page's rows read their students, units and
  // plan. No hash joins here, even for a whole school: nothing but the page is joined, and forcing them made the
  // center's page read every student of the school (PGlite, 30,000 students: 123 against 30 ms).
  const counted = await queryRows<RawWarningRow & { total: number }>(
    tx,
    sql`WITH picked AS (
          SELECT w.id, count(*) OVER ()::int AS total FROM warnings w
          WHERE ${where} ORDER BY ${URGENCY} LIMIT ${limit} OFFSET ${offset}
        )
        SELECT ${PAGE_COLUMNS}, picked.total FROM picked JOIN warnings w ON w.id = picked.id ${STUDENT_JOINS}
        ORDER BY ${URGENCY}`,
  );
  const { rows, total } = await pageWithWindowTotal<RawWarningRow>(counted, offset, async () => {
    const [all] = await queryRows<{ total: number }>(
      tx,
      sql`SELECT count(*)::int AS total ${COUNT_FROM} WHERE ${where}`,
    );
    return all?.total ?? 0;
  });
  return { rows: rows.map(warningRowOf), total };
}

/** The open warnings not yet talked about of the students under `paths` (a counsellor's own units). */
const toHandle = (paths: readonly string[]) =>
  // The state written out, not a parameter: a generic plan can then use the index of open, untalked warnings.
  sql`${warningWhere({ underPaths: paths })} AND w.status = 'open' AND w.talked_at IS NULL`;

/**
 * Where the warnings to handle of the students under `paths` sort in My work: the `first` earliest due (then by
 * id: work/urgency.ts `byUrgency`), read from the warnings alone, and how many there are and are overdue (due
 * before `today`).
 */
export async function warningRanksToHandle(
  tx: TenantTx,
  paths: readonly string[],
  first: number,
  today: string,
): Promise<{ ranks: { id: string; dueOn: string }[]; count: number; overdue: number }> {
  const where = toHandle(paths);
  if (first <= 0) {
    const [counted] = await queryRows<{ count: number; overdue: number }>(
      tx,
      sql`SELECT count(*)::int AS count, (count(*) FILTER (WHERE w.due_on < ${today}::date))::int AS overdue
          ${COUNT_FROM} WHERE ${where}`,
    );
    return { ranks: [], count: counted?.count ?? 0, overdue: counted?.overdue ?? 0 };
  }
  // The ranks and the counts in one pass over the warnings: the counts are window aggregates over every match, taken
  // before the cut (no row: nothing matches).
  const rows = await queryRows<{ id: string; dueOn: string; count: number; overdue: number }>(
    tx,
    sql`SELECT w.id, w.due_on::text AS "dueOn", count(*) OVER ()::int AS count,
          (count(*) FILTER (WHERE w.due_on < ${today}::date) OVER ())::int AS overdue
        ${COUNT_FROM} WHERE ${where} ORDER BY w.due_on, w.id LIMIT ${first}`,
  );
  return {
    ranks: rows.map(({ id, dueOn }) => ({ id, dueOn })),
    count: rows[0]?.count ?? 0,
    overdue: rows[0]?.overdue ?? 0,
  };
}

/** A warning to handle as My work shows it: without whether it has a plan, which the item does not show. */
export type WarningToHandle = Omit<WarningRow, 'hasPlan'>;

/** The warnings to handle under `paths` with these ids, with their students (any order). */
export async function warningsToHandleById(
  tx: TenantTx,
  paths: readonly string[],
  ids: readonly string[],
): Promise<WarningToHandle[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<Omit<RawWarningRow, 'hasPlan'>>(
    tx,
    sql`SELECT ${BASE_COLUMNS} FROM (SELECT * FROM warnings w WHERE ${toHandle(paths)}
          AND w.id = ANY (${`{${ids.join(',')}}`}::uuid[])) w ${STUDENT_JOINS}`,
  );
  return rows.map(warningRowOf);
}

/** Counts per module, level, status and college (RLS: what the caller sees), and opened per ISO week for trends. */
export async function warningCounts(tx: TenantTx, since: Date) {
  const byCollege = await hashJoined<{
    collegeId: string;
    collegeName: string;
    module: string;
    level: string;
    open: number;
    cleared: number;
    closed: number;
  }>(
    tx,
    sql`SELECT co.id AS "collegeId", co.name AS "collegeName", w.module, w.level,
          (count(*) FILTER (WHERE w.status = 'open'))::integer AS open,
          (count(*) FILTER (WHERE w.status = 'cleared'))::integer AS cleared,
          (count(*) FILTER (WHERE w.status = 'closed'))::integer AS closed
        FROM warnings w JOIN students s ON s.id = w.student_id JOIN units co ON co.id = s.college_unit_id
        GROUP BY co.id, co.name, w.module, w.level ORDER BY co.name, w.module, w.level`,
  );
  const weekly = await hashJoined<{ week: string; module: string; opened: number; cleared: number }>(
    tx,
    sql`SELECT to_char(date_trunc('week', (d.at AT TIME ZONE 'UTC') + interval '8 hours'), 'YYYY-MM-DD') AS week, d.module,
          (count(*) FILTER (WHERE d.kind = 'opened'))::integer AS opened,
          (count(*) FILTER (WHERE d.kind = 'cleared'))::integer AS cleared
        FROM (
          SELECT opened_at AS at, module, 'opened' AS kind FROM warnings WHERE opened_at >= ${sqlInstant(since)}
          UNION ALL
          SELECT coalesce(cleared_at, closed_at), module, 'cleared' FROM warnings
          WHERE coalesce(cleared_at, closed_at) >= ${sqlInstant(since)}
        ) d
        GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return { byCollege, weekly };
}

/**
 * KPI 1.2 (seed 003): of the students given an academic warning in a term, the share whose warning cleared in a later
 * term, per college; terms with a later term only (the next term has to have happened).
 */
export async function clearedNextTermKpi(tx: TenantTx) {
  return hashJoined<{
    term: string;
    collegeId: string;
    collegeName: string;
    warned: number;
    cleared: number;
  }>(
    tx,
    sql`WITH terms AS (SELECT DISTINCT term FROM warnings WHERE module = 'academic' AND term IS NOT NULL),
        -- The school's current grades term, from the signals (one row), not from every grade: reading feed_grades
        -- as the center checks each row's student against the caller's view.
        latest AS (SELECT term FROM student_signals WHERE term IS NOT NULL LIMIT 1)
        SELECT w.term, co.id AS "collegeId", co.name AS "collegeName",
          count(DISTINCT w.student_id)::integer AS warned,
          count(DISTINCT w.student_id) FILTER (WHERE w.status = 'cleared' AND w.cleared_term > w.term)::integer AS cleared
        FROM warnings w JOIN students s ON s.id = w.student_id JOIN units co ON co.id = s.college_unit_id, latest
        WHERE w.module = 'academic' AND w.term IS NOT NULL AND w.term < latest.term
        GROUP BY w.term, co.id, co.name ORDER BY w.term, co.name`,
  );
}

export async function updateWarning(tx: TenantTx, id: string, values: Partial<typeof warnings.$inferInsert>) {
  await tx
    .update(warnings)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(warnings.id, id));
}

export async function planOf(tx: TenantTx, warningId: string) {
  const [plan] = await tx.select().from(improvementPlans).where(eq(improvementPlans.warningId, warningId));
  return plan;
}

export async function plansOfStudent(tx: TenantTx, studentId: string) {
  return tx
    .select()
    .from(improvementPlans)
    .where(and(eq(improvementPlans.studentId, studentId)));
}

/** The student's latest signals (values only). */
export async function signalsOf(tx: TenantTx, studentId: string) {
  const [row] = await queryRows<{
    values: Record<string, number>;
    term: string | null;
    computedAt: Date | string;
  }>(
    tx,
    sql`SELECT values, term, computed_at AS "computedAt" FROM student_signals WHERE student_id = ${studentId}::uuid`,
  );
  return row;
}
