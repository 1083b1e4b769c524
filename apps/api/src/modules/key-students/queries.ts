import { type KeyStudentSource, keyStudents, queryRows, sqlInstant, type TenantTx } from '@xinqiao/db';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';

/** One student on the roster, as stored (a roster row) or as the work puts them there (an open case). */
export interface RosterRow {
  id: string | null;
  studentId: string;
  studentName: string;
  studentNumber: string;
  placementPath: string;
  collegeId: string;
  collegeName: string;
  className: string;
  source: KeyStudentSource;
  reason: string;
  counsellorId: string | null;
  counsellorName: string | null;
  since: Date;
  lastTalkAt: Date | null;
  removalReason: string | null;
  removalRequestedBy: string | null;
  requesterName: string | null;
  removalRequestedAt: Date | null;
  /** The student's earliest open case, where a talk is recorded (none for some added by hand). */
  caseId: string | null;
  /** The last talk (or the day the student came on the roster, if later) plus the school's interval. */
  talkDueAt: Date;
  overdue: boolean;
}

/** What the roster is narrowed to; every value goes to SQL as a parameter. */
export interface RosterFilter {
  counsellorId?: string | undefined;
  collegeId?: string | undefined;
  overdue?: boolean | undefined;
  source?: KeyStudentSource | undefined;
  /** true: only the entries whose removal waits for approval. */
  removalRequested?: boolean | undefined;
  /** A part of the student's name or number. */
  q?: string | undefined;
}

interface RawRow {
  id: string | null;
  student_id: string;
  student_name: string;
  student_number: string;
  placement_path: string;
  college_id: string;
  college_name: string;
  class_name: string;
  source: KeyStudentSource;
  reason: string;
  counsellor_id: string | null;
  counsellor_name: string | null;
  since: Date | string;
  last_talk_at: Date | string | null;
  removal_reason: string | null;
  removal_requested_by: string | null;
  requester_name: string | null;
  removal_requested_at: Date | string | null;
  case_id: string | null;
  talk_due_at: Date | string;
  overdue: boolean;
  total: string | number;
}

const DAY_MS = 86_400_000;
const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const maybeDate = (v: Date | string | null) => (v === null ? null : date(v));

/**
 * The roster as SQL: the open stored rows, and for every other student with an open case (tier-1 follow-ups
 * included) their earliest open case, which gives the source, reason and responsible person; each with the latest
 * interview by when it happened and the talk deadline. RLS decides which rows the caller sees.
 */
function rosterSql(intervalDays: number, now: Date, counsellorId?: string, overdueOnly = false): SQL {
  // Only the overdue talks (My work): a talk is due an interval after the later of the entry's start and the last
  // talk, so an entry that started within the interval cannot be overdue. For a student on the roster by a case,
  // the start is their earliest open case: it stays the earliest when the newer cases are left out.
  // Written as the deadline below is (the start plus the interval, before now), so the two agree to the instant.
  const startedBefore = (start: SQL) =>
    overdueOnly
      ? sql` AND ${start} + make_interval(days => ${intervalDays}::int) < ${sqlInstant(now)}`
      : sql``;
  const started = { stored: startedBefore(sql`ks.added_at`), byCase: startedBefore(sql`c.created_at`) };
  // The same for an index range (`cases_open_by_start_idx`): started at least the interval less a day ago. The exact
  // test above implies it in any time zone (a day added is within a day of 24 hours) and still decides.
  const startedBeforeRange = (start: SQL) =>
    overdueOnly
      ? sql` AND ${start} < ${sqlInstant(new Date(now.getTime() - (intervalDays - 1) * DAY_MS))}`
      : sql``;
  // One counsellor's entries (My work, their own roster): only their key students and the students of their open
  // cases are read. The filter on the whole roster still decides (a student's earliest open case names who is
  // responsible); this only keeps the other counsellors' students from being read. When only the overdue are asked
  // for, only the students of their cases that started an interval ago: an entry kept for this counsellor has their
  // case as its earliest, and that case must be that old (above).
  const mine = counsellorId
    ? {
        stored: sql` AND ks.counsellor_id = ${counsellorId}::uuid`,
        byCase: sql` AND c.student_id IN (SELECT m.student_id FROM cases m
               WHERE m.responsible_person_id = ${counsellorId}::uuid AND m.status <> 'closed'${startedBeforeRange(sql`m.created_at`)}${startedBefore(sql`m.created_at`)})`,
      }
    : { stored: sql``, byCase: sql`` };
  return sql`WITH roster AS (
      SELECT ks.id, ks.student_id, ks.source, ks.reason, ks.counsellor_id, ks.added_at AS since,
             ks.removal_reason, ks.removal_requested_by, ks.removal_requested_at
        FROM key_students ks WHERE ks.removed_at IS NULL${mine.stored}${started.stored}
      UNION ALL
      SELECT * FROM (
        SELECT DISTINCT ON (c.student_id) NULL::uuid AS id, c.student_id,
               CASE WHEN c.screening_result_id IS NULL THEN 'case' ELSE 'tier1' END AS source,
               c.title AS reason, c.responsible_person_id AS counsellor_id, c.created_at AS since,
               NULL::text AS removal_reason, NULL::uuid AS removal_requested_by,
               NULL::timestamptz AS removal_requested_at
          FROM cases c
         WHERE c.status <> 'closed'
           AND NOT EXISTS (SELECT 1 FROM key_students k WHERE k.student_id = c.student_id AND k.removed_at IS NULL)${mine.byCase}${started.byCase}
         ORDER BY c.student_id, c.created_at
      ) by_case
    ), entries AS (
      SELECT r.*, s.name AS student_name, s.student_number, s.placement_path, s.college_unit_id AS college_id,
             college.name AS college_name, coalesce(klass.name, '') AS class_name,
             counsellor.display_name AS counsellor_name, requester.display_name AS requester_name,
             (SELECT max(c2.last_interview_at) FROM cases c2 WHERE c2.student_id = r.student_id) AS last_talk_at,
             (SELECT c3.id FROM cases c3 WHERE c3.student_id = r.student_id AND c3.status <> 'closed'
               ORDER BY c3.created_at LIMIT 1) AS case_id
        FROM roster r
        JOIN students s ON s.id = r.student_id
        JOIN units college ON college.id = s.college_unit_id
        LEFT JOIN units klass ON klass.id = s.class_unit_id
        LEFT JOIN people counsellor ON counsellor.id = r.counsellor_id
        LEFT JOIN people requester ON requester.id = r.removal_requested_by
    ), due AS (
      SELECT e.*, greatest(e.since, e.last_talk_at) + make_interval(days => ${intervalDays}::int) AS talk_due_at
        FROM entries e
    )
    SELECT d.*, d.talk_due_at < ${sqlInstant(now)} AS overdue, count(*) OVER () AS total
      FROM due d`;
}

function conditionsOf(filter: RosterFilter, now: Date): SQL {
  const conditions: SQL[] = [sql`TRUE`];
  if (filter.counsellorId) conditions.push(sql`d.counsellor_id = ${filter.counsellorId}::uuid`);
  if (filter.collegeId) conditions.push(sql`d.college_id = ${filter.collegeId}::uuid`);
  if (filter.source) conditions.push(sql`d.source = ${filter.source}`);
  const nowSql = sql`${sqlInstant(now)}`;
  if (filter.overdue === true) conditions.push(sql`d.talk_due_at < ${nowSql}`);
  if (filter.overdue === false) conditions.push(sql`d.talk_due_at >= ${nowSql}`);
  if (filter.removalRequested === true) conditions.push(sql`d.removal_requested_at IS NOT NULL`);
  if (filter.removalRequested === false) conditions.push(sql`d.removal_requested_at IS NULL`);
  if (filter.q) {
    const q = filter.q.toLowerCase();
    conditions.push(
      sql`(position(${q} in lower(d.student_name)) > 0 OR position(${q} in lower(d.student_number)) > 0)`,
    );
  }
  return sql.join(conditions, sql` AND `);
}

/**
 * One page of the roster the caller sees, filtered and sorted in the database: overdue talks first (the earliest
 * deadline first), then by student number. Without `page`, every entry.
 */
export async function rosterRows(
  tx: TenantTx,
  options: {
    intervalDays: number;
    now: Date;
    filter?: RosterFilter;
    page?: { limit: number; offset: number };
  },
): Promise<{ rows: RosterRow[]; total: number }> {
  const { intervalDays, now, filter = {}, page } = options;
  const paging = page ? sql` LIMIT ${page.limit} OFFSET ${page.offset}` : sql``;
  const raw = await queryRows<RawRow>(
    tx,
    sql`${rosterSql(intervalDays, now, filter.counsellorId, filter.overdue === true)} WHERE ${conditionsOf(filter, now)}
        ORDER BY d.talk_due_at, d.student_number${paging}`,
  );
  let total = raw.length ? Number(raw[0]!.total) : 0;
  if (!raw.length && page && page.offset > 0) {
    // A page past the end: count what the filter finds.
    const all = await queryRows<{ total: string | number }>(
      tx,
      sql`SELECT count(*) AS total FROM (${rosterSql(intervalDays, now, filter.counsellorId, filter.overdue === true)} WHERE ${conditionsOf(filter, now)}) n`,
    );
    total = Number(all[0]?.total ?? 0);
  }
  const rows = raw.map((r) => ({
    id: r.id,
    studentId: r.student_id,
    studentName: r.student_name,
    studentNumber: r.student_number,
    placementPath: r.placement_path,
    collegeId: r.college_id,
    collegeName: r.college_name,
    className: r.class_name,
    source: r.source,
    reason: r.reason,
    counsellorId: r.counsellor_id,
    counsellorName: r.counsellor_name,
    since: date(r.since),
    lastTalkAt: maybeDate(r.last_talk_at),
    removalReason: r.removal_reason,
    removalRequestedBy: r.removal_requested_by,
    requesterName: r.requester_name,
    removalRequestedAt: maybeDate(r.removal_requested_at),
    caseId: r.case_id,
    talkDueAt: date(r.talk_due_at),
    overdue: r.overdue,
  }));
  return { rows, total };
}

/** A stored roster row, if the caller sees it. */
export async function findRosterRow(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(keyStudents).where(eq(keyStudents.id, id));
  return row;
}

/** Whether the student has an open roster row already. */
export async function hasOpenRow(tx: TenantTx, studentId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: keyStudents.id })
    .from(keyStudents)
    .where(and(eq(keyStudents.studentId, studentId), isNull(keyStudents.removedAt)));
  return row !== undefined;
}

/** Adds a roster row; answers its id. */
export async function insertRosterRow(
  tx: TenantTx,
  values: typeof keyStudents.$inferInsert,
): Promise<string> {
  const [row] = await tx.insert(keyStudents).values(values).returning({ id: keyStudents.id });
  return row!.id;
}

/** Asks for a removal, or approves it. */
export async function updateRosterRow(
  tx: TenantTx,
  id: string,
  values: Partial<typeof keyStudents.$inferInsert>,
): Promise<void> {
  await tx.update(keyStudents).set(values).where(eq(keyStudents.id, id));
}
