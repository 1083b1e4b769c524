import { queryRows, type TenantTx } from '@xinqiao/db';
import type { GpaFormula } from '@xinqiao/policy';
import { sql } from 'drizzle-orm';
import { passedOf, type Resolved } from './check.ts';
import type { ActivityRow, CardRow, GradeRow } from './columns.ts';

/**
 * Student ids as one array parameter and each row's student as an index into it: PGlite's cost grows with the
 * characters a statement carries, and a uuid per row would be most of them.
 */
function studentIndex(rows: readonly { studentId: string }[]): { ids: string; index: number[] } {
  const positions = new Map<string, number>();
  const index = rows.map((row) => {
    let at = positions.get(row.studentId);
    if (at === undefined) {
      at = positions.size + 1;
      positions.set(row.studentId, at);
    }
    return at;
  });
  return { ids: `{${[...positions.keys()].join(',')}}`, index };
}

const count = async (tx: TenantTx, query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(tx, query))[0]?.n ?? 0;

/**
 * The rows an INSERT wrote, without RETURNING them: PGlite pays for every row a statement returns, which for a
 * million card transactions is most of the cost. (PGlite answers `affectedRows`, postgres.js `count`.)
 */
const affected = async (tx: TenantTx, query: ReturnType<typeof sql>) => {
  const result = (await tx.execute(query)) as unknown as { affectedRows?: number; count?: number };
  return result.affectedRows ?? result.count ?? 0;
};

/**
 * Stores campus-card transactions with one statement per call; a transaction already stored (same student, time
 * and card-system number) is left alone, so a feed sent twice writes nothing the second time. Answers the rows
 * written. Needs the import role (`feeds.raw`).
 */
export async function writeCardRows(tx: TenantTx, schoolId: string, rows: readonly Resolved<'card'>[]) {
  if (rows.length === 0) return 0;
  const { ids, index } = studentIndex(rows);
  return affected(
    tx,
    sql`INSERT INTO feed_card_transactions (school_id, student_id, occurred_at, ref, amount_cents, place)
          SELECT ${schoolId}::uuid, (${ids}::uuid[])[i.s], to_timestamp(i.t), i.r, i.a, i.p
          FROM unnest(string_to_array(${index.join(',')}, ',')::int[],
                      string_to_array(${rows.map((r: CardRow) => r.occurredAt.getTime() / 1000).join(',')}, ',')::float8[],
                      string_to_array(${rows.map((r: CardRow) => Math.round(r.amount * 100)).join(',')}, ',')::int[],
                      string_to_array(${rows.map((r: CardRow) => r.place).join(',')}, ','),
                      string_to_array(${rows.map((r: CardRow) => r.ref).join(',')}, ',')) AS i(s, t, a, p, r)
          ON CONFLICT DO NOTHING`,
  );
}

/** Stores activity events like card transactions (same student, time and source: stored once). */
export async function writeActivityRows(
  tx: TenantTx,
  schoolId: string,
  rows: readonly Resolved<'activity'>[],
) {
  if (rows.length === 0) return 0;
  const { ids, index } = studentIndex(rows);
  return affected(
    tx,
    sql`INSERT INTO feed_activity_events (school_id, student_id, occurred_at, source)
          SELECT ${schoolId}::uuid, (${ids}::uuid[])[i.s], to_timestamp(i.t), i.o
          FROM unnest(string_to_array(${index.join(',')}, ',')::int[],
                      string_to_array(${rows.map((r: ActivityRow) => r.occurredAt.getTime() / 1000).join(',')}, ',')::float8[],
                      string_to_array(${rows.map((r: ActivityRow) => r.source).join(',')}, ',')) AS i(s, t, o)
          ON CONFLICT DO NOTHING`,
  );
}

/**
 * Upserts term grades by (student, term, course, attempt): a corrected grade replaces the stored one, an equal one
 * is left alone (and not counted). `passed` comes from the feed, or from the score and the school's pass mark.
 */
export async function writeGradeRows(
  tx: TenantTx,
  schoolId: string,
  rows: readonly Resolved<'grades'>[],
  formula: GpaFormula | null,
) {
  if (rows.length === 0) return 0;
  const payload = JSON.stringify(
    rows.map((r: Resolved<'grades'> & GradeRow) => ({
      s: r.studentId,
      t: r.term,
      c: r.courseCode,
      n: r.courseName,
      k: r.credit,
      v: r.score ?? null,
      g: r.grade ?? null,
      p: passedOf(r, formula),
      r: r.resit ?? false,
    })),
  );
  return count(
    tx,
    sql`WITH written AS (
          INSERT INTO feed_grades AS fg
            (school_id, student_id, term, course_code, course_name, credit, score, grade, passed, resit)
          SELECT ${schoolId}::uuid, i.s, i.t, i.c, i.n, i.k, i.v, i.g, i.p, i.r
          FROM jsonb_to_recordset(${payload}::jsonb)
            AS i(s uuid, t text, c text, n text, k numeric, v numeric, g text, p boolean, r boolean)
          ON CONFLICT (school_id, student_id, term, course_code, resit) DO UPDATE SET
            course_name = excluded.course_name, credit = excluded.credit, score = excluded.score,
            grade = excluded.grade, passed = excluded.passed, updated_at = now()
          WHERE (fg.course_name, fg.credit, fg.score, fg.grade, fg.passed)
                IS DISTINCT FROM (excluded.course_name, excluded.credit, excluded.score, excluded.grade, excluded.passed)
          RETURNING 1
        )
        SELECT count(*)::integer AS n FROM written`,
  );
}
