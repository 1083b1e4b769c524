import { queryRows, type TenantTx } from '@xinqiao/db';
import { sql } from 'drizzle-orm';

/** The tier of a result and why: one object per distinct decision, shared by every row that got it. */
export interface StoredDecision {
  tier: number;
  reasons: readonly { ruleName: string; zh: string; en: string; selfHarm?: true }[];
  /** A self-harm rule fired: the follow-up it opens is marked `self_harm` and comes first in everyone's work. */
  selfHarm: boolean;
}

/** A checked, scored and tiered row, ready to store. */
export interface StorableRow {
  studentId: string;
  /** The student's placement path as read with the student (RLS checks it; the database key keeps it true). */
  placementPath: string;
  /** Every score of the instrument; the summary counsellors see is these without {@link SCORES_NOT_IN_SUMMARY}. */
  scores: Record<string, unknown>;
  answers: number[];
  decision: StoredDecision;
  submittedAt: Date | null;
  /** For tier-1 rows: who follows up, and by when (ISO date). */
  followUp?: { responsiblePersonId: string | null; dueDate: string | null };
}

/** Scores kept out of the summary: the per-factor detail of SCL-90 stays with the answers (center only). */
export const SCORES_NOT_IN_SUMMARY = ['instrument', 'factors', 'positiveSymptomAverage'];

/** The wave and import a batch belongs to, and the plugin that decided its tiers. */
export interface BatchTarget {
  schoolId: string;
  waveId: string;
  instrument: string;
  importId: string;
  pluginId: string;
  pluginVersion: string;
  openedBy: string | null;
  followUpTitle: string;
  /**
   * Whether the wave may hold results of these students. When the wave had none as the import began, rows are
   * inserted plainly (no conflict handling per row). Should an import of the same wave running at the same time make
   * a row collide, the batch fails whole and the caller sets this and stores it again with the upsert.
   */
  waveHadResults: boolean;
}

/** What a batch changed: how many results were written (new or different), and the follow-ups it opened. */
export interface BatchOutcome {
  written: number;
  followUpsOpened: { caseId: string; studentId: string }[];
}

/**
 * The batch as compact JSON parameters: PGlite's cost grows with the characters a statement carries (it measures
 * and copies every one), so rows name their decision and placement by index (a batch has a few dozen of each), keys
 * are one letter.
 */
function batchPayload(rows: StorableRow[]): { rows: string; decisions: string; paths: string } {
  const decisions = new Interned<StoredDecision>();
  const paths = new Interned<string>();
  const compact = rows.map((r) => ({
    s: r.studentId,
    l: paths.indexOf(r.placementPath),
    d: decisions.indexOf(r.decision),
    t: r.submittedAt?.toISOString() ?? null,
    // A PostgreSQL array literal, read straight into smallint[] (splitting a digit string costs 3× as much).
    a: `{${r.answers.join(',')}}`,
    c: r.scores,
    p: r.followUp?.responsiblePersonId ?? null,
    u: r.followUp?.dueDate ?? null,
  }));
  return {
    rows: JSON.stringify(compact),
    decisions: JSON.stringify(
      decisions.values.map((d) => ({ tier: d.tier, reasons: d.reasons, selfHarm: d.selfHarm })),
    ),
    paths: JSON.stringify(paths.values),
  };
}

/** Distinct values in first-seen order, each answered by its index. */
class Interned<T> {
  readonly values: T[] = [];
  private readonly index = new Map<T, number>();

  indexOf(value: T): number {
    let at = this.index.get(value);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(value);
      this.index.set(value, at);
    }
    return at;
  }
}

/**
 * Stores one batch in the caller's transaction with one statement whatever its size; the rows travel as a JSON
 * parameter, never as SQL text. Rows equal to what is stored (scores, answers, tier, reasons, plugin version) are
 * left alone, so the same file again writes nothing; the others are upserted by (wave, student), answers and all,
 * and each new tier-1 result gets a follow-up case (the unique index on `cases.screening_result_id` keeps it at
 * one), marked `self_harm` when its decision says so; an open follow-up of a re-imported result takes the new
 * decision's `self_harm`. Needs the role that may write answers (the `screening.answers` capability).
 */
export async function writeBatch(
  tx: TenantTx,
  target: BatchTarget,
  rows: StorableRow[],
): Promise<BatchOutcome> {
  if (rows.length === 0) return { written: 0, followUpsOpened: [] };
  const payload = batchPayload(rows);
  const notInSummary = JSON.stringify(SCORES_NOT_IN_SUMMARY);
  // A wave without results takes plain inserts (no speculative insertion per row); a collision with an import
  // running at the same time fails the batch, which the caller then stores again with the upsert.
  // A row equal to the stored one is neither rewritten nor returned: the same file twice writes nothing, and of
  // two imports of one wave running together only the first counts a row as written.
  const upsert = sql`ON CONFLICT (wave_id, student_id) DO UPDATE SET
            summary = excluded.summary, attention_tier = excluded.attention_tier, reasons = excluded.reasons,
            plugin_id = excluded.plugin_id, plugin_version = excluded.plugin_version,
            import_batch_id = excluded.import_batch_id, submitted_at = excluded.submitted_at,
            answers = excluded.answers, scores = excluded.scores
          WHERE (sr.summary, sr.attention_tier, sr.reasons, sr.plugin_id, sr.plugin_version, sr.submitted_at, sr.answers,
                 sr.scores)
                IS DISTINCT FROM (excluded.summary, excluded.attention_tier, excluded.reasons, excluded.plugin_id,
                 excluded.plugin_version, excluded.submitted_at, excluded.answers, excluded.scores)`;
  const [outcome] = await queryRows<{
    written: number;
    opened: { caseId: string; studentId: string }[] | null;
    remarked: number;
  }>(
    tx,
    sql`WITH decision AS MATERIALIZED (
          SELECT d.ordinality - 1 AS d, (d.value->>'tier')::integer AS tier, d.value->'reasons' AS reasons,
                 (d.value->>'selfHarm')::boolean AS self_harm
          FROM jsonb_array_elements(${payload.decisions}::jsonb) WITH ORDINALITY AS d
        ),
        path AS MATERIALIZED (
          SELECT p.ordinality - 1 AS l, p.value AS placement_path
          FROM jsonb_array_elements_text(${payload.paths}::jsonb) WITH ORDINALITY AS p
        ),
        input AS MATERIALIZED (
          SELECT i.s AS student_id, p.placement_path,
                 i.c - ARRAY(SELECT jsonb_array_elements_text(${notInSummary}::jsonb)) AS summary, d.tier, d.reasons,
                 d.self_harm,
                 i.t AS submitted_at, i.a AS answers, i.c AS scores,
                 i.p AS responsible, i.u AS due
          FROM jsonb_to_recordset(${payload.rows}::jsonb)
            AS i(s uuid, l integer, d integer, t timestamptz, a smallint[], c jsonb, p uuid, u date)
          JOIN decision d ON d.d = i.d
          JOIN path p ON p.l = i.l
        ),
        results AS (
          INSERT INTO screening_results AS sr
            (school_id, wave_id, student_id, placement_path, instrument, summary, attention_tier, reasons, plugin_id,
             plugin_version, import_batch_id, submitted_at, answers, scores)
          SELECT ${target.schoolId}::uuid, ${target.waveId}::uuid, i.student_id, i.placement_path, ${target.instrument},
                 i.summary,
                 i.tier, i.reasons, ${target.pluginId}, ${target.pluginVersion}, ${target.importId}::uuid,
                 i.submitted_at, i.answers, i.scores
          FROM input i
          ${target.waveHadResults ? upsert : sql``}
          RETURNING sr.id, sr.student_id, sr.attention_tier
        ),
        follow_ups AS (
          INSERT INTO cases
            (school_id, student_id, placement_path, kind, status, title, responsible_person_id, due_date, opened_by,
             screening_result_id, self_harm, assigned_at)
          SELECT ${target.schoolId}::uuid, r.student_id, i.placement_path, 'follow_up', 'open', ${target.followUpTitle}, i.responsible,
                 i.due, ${target.openedBy}::uuid, r.id, i.self_harm,
                 CASE WHEN i.responsible IS NOT NULL THEN now() END
          FROM results r JOIN input i ON i.student_id = r.student_id
          WHERE r.attention_tier = 1
          ON CONFLICT (screening_result_id) WHERE screening_result_id IS NOT NULL DO NOTHING
          RETURNING id, student_id
        ),
        -- A corrected row of a result that already has its open follow-up: the case follows the new decision's
        -- self-harm finding (the insert above leaves such a case alone and does not count it as opened).
        remarked AS (
          UPDATE cases c SET self_harm = i.self_harm
          FROM results r JOIN input i ON i.student_id = r.student_id
          WHERE c.screening_result_id = r.id AND c.status <> 'closed' AND c.self_harm IS DISTINCT FROM i.self_harm
          RETURNING c.id
        )
        -- One row back, not one per student: PGlite pays for every row it returns.
        SELECT (SELECT count(*) FROM results)::integer AS written,
               (SELECT json_agg(json_build_object('caseId', id, 'studentId', student_id)) FROM follow_ups) AS opened,
               (SELECT count(*) FROM remarked)::integer AS remarked`,
  );
  return { written: outcome?.written ?? 0, followUpsOpened: outcome?.opened ?? [] };
}
