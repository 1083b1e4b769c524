import { queryRows, type TenantTx } from '@xinqiao/db';
import { type SQL, sql } from 'drizzle-orm';

/** What a counsellor's student list filters on: the latest tier, the key-student roster, open items. */
export interface AttentionFilter {
  /** The tier of the student's latest screening result (by wave date). */
  tier?: number | undefined;
  keyStudent?: 'true' | 'false' | undefined;
  /** Only students with an open case or an open concern report. */
  openItems?: 'true' | undefined;
}

/** The tier of a student's latest screening result, as SQL on `students` (RLS decides what the caller sees). */
const latestTier = sql`(SELECT r.attention_tier FROM screening_results r JOIN screening_waves w ON w.id = r.wave_id
  WHERE r.student_id = students.id ORDER BY w.opens_on DESC, r.created_at DESC LIMIT 1)`;
const onRoster = sql`EXISTS (SELECT 1 FROM key_students k WHERE k.student_id = students.id AND k.removed_at IS NULL)`;
const hasOpenItems = sql`(EXISTS (SELECT 1 FROM cases c WHERE c.student_id = students.id AND c.status <> 'closed')
  OR EXISTS (SELECT 1 FROM concern_reports cr WHERE cr.student_id = students.id AND cr.status <> 'closed'))`;

/**
 * The conditions of the attention filters on `students`. Each reads only what RLS shows the caller (a reduced view
 * sees no results, cases or roster, so the filters find nobody for it); the service checks the permissions first.
 */
export function attentionConditions(filter: AttentionFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.tier !== undefined) conditions.push(sql`${latestTier} = ${filter.tier}`);
  if (filter.keyStudent === 'true') conditions.push(onRoster);
  if (filter.keyStudent === 'false') conditions.push(sql`NOT ${onRoster}`);
  if (filter.openItems === 'true') conditions.push(hasOpenItems);
  return conditions;
}

/** Where a student stands: the latest tier, whether on the key-student roster, how many open cases and reports. */
export interface Attention {
  tier: number | null;
  keyStudent: boolean;
  openItems: number;
}

/**
 * The attention of the student in `students` as three columns (`tier`, `key_student`, `open_items`), for a
 * statement over `students` that lists a page (RLS shows a reduced view none of what they read).
 */
export const attentionColumns = sql`${latestTier} AS tier, ${onRoster} AS key_student,
  ((SELECT count(*) FROM cases c WHERE c.student_id = students.id AND c.status <> 'closed')
   + (SELECT count(*) FROM concern_reports cr WHERE cr.student_id = students.id AND cr.status <> 'closed'))::int
    AS open_items`;

/**
 * The attention of the students of a CTE `page` (column `id`), each table read once for the whole page: one index
 * scan of each table for the page's ids (`= ANY(ARRAY(...))`, computed once), where the per-row subqueries of
 * {@link attentionColumns} ran four scans for every student of the page (on PGlite each scan of a small table also
 * asks the file system for its size). Add {@link pageAttention}.ctes to the page's WITH, its joins after the page's
 * FROM and its columns to the SELECT; RLS decides what each table shows, as for the subqueries. MATERIALIZED: each is
 * computed once, whichever side of a join the planner puts it on.
 */
export const pageAttention = {
  ctes: sql.raw(`,
    page_tier AS MATERIALIZED (
      SELECT DISTINCT ON (r.student_id) r.student_id, r.attention_tier AS tier
      FROM screening_results r JOIN screening_waves w ON w.id = r.wave_id
      WHERE r.student_id = ANY (ARRAY(SELECT id FROM page))
      ORDER BY r.student_id, w.opens_on DESC, r.created_at DESC
    ),
    page_roster AS MATERIALIZED (
      SELECT DISTINCT k.student_id FROM key_students k
      WHERE k.student_id = ANY (ARRAY(SELECT id FROM page)) AND k.removed_at IS NULL
    ),
    page_open AS MATERIALIZED (
      SELECT student_id, count(*)::int AS n FROM (
        SELECT c.student_id FROM cases c
        WHERE c.student_id = ANY (ARRAY(SELECT id FROM page)) AND c.status <> 'closed'
        UNION ALL
        SELECT cr.student_id FROM concern_reports cr
        WHERE cr.student_id = ANY (ARRAY(SELECT id FROM page)) AND cr.status <> 'closed'
      ) open_items GROUP BY student_id
    )`),
  joins: sql.raw(`LEFT JOIN page_tier ON page_tier.student_id = page.id
    LEFT JOIN page_roster ON page_roster.student_id = page.id
    LEFT JOIN page_open ON page_open.student_id = page.id`),
  columns: sql.raw(
    'page_tier.tier, page_roster.student_id IS NOT NULL AS key_student, COALESCE(page_open.n, 0) AS open_items',
  ),
};

/** The attention of each listed student the caller sees in full, by id (one statement for the page). */
export async function attentionOf(
  tx: TenantTx,
  studentIds: readonly string[],
): Promise<Map<string, Attention>> {
  if (studentIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; tier: number | null; key_student: boolean; open_items: number }>(
    tx,
    sql`SELECT students.id, ${attentionColumns}
        FROM students WHERE students.id = ANY(${`{${studentIds.join(',')}}`}::uuid[])`,
  );
  return new Map(
    rows.map((r) => [r.id, { tier: r.tier, keyStudent: r.key_student, openItems: r.open_items }]),
  );
}
