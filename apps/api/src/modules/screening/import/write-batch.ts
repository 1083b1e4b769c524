import { queryRows, type TenantTx } from '@xinqiao/db';
import { sql } from 'drizzle-orm';

/** A checked, scored and tiered row, ready to store. */
export interface StorableRow {
  studentId: string;
  summary: Record<string, unknown>;
  scores: Record<string, unknown>;
  answers: number[];
  tier: number;
  reasons: readonly { ruleName: string; zh: string; en: string }[];
  submittedAt: Date | null;
  /** For tier-1 rows: who follows up, and by when (ISO date). */
  followUp?: { responsiblePersonId: string | null; dueDate: string | null };
}

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
}

/** What a batch changed: students whose result or answers were written, and the follow-ups it opened. */
export interface BatchOutcome {
  changedStudentIds: Set<string>;
  followUpsOpened: { caseId: string; studentId: string }[];
}

/**
 * Stores one batch in the caller's transaction with one statement whatever its size. The batch travels as one JSON
 * parameter (never as SQL text) and is read once; rows whose stored result and answers already equal the file are
 * left alone (so the same file again changes nothing and writes nothing); the others are upserted by (wave,
 * student), their answers follow from the ids the upsert returns (no second lookup), and each new tier-1 result
 * gets a follow-up case (the unique index on `cases.screening_result_id` keeps it at one).
 */
export async function writeBatch(
  tx: TenantTx,
  target: BatchTarget,
  rows: StorableRow[],
): Promise<BatchOutcome> {
  const changedStudentIds = new Set<string>();
  if (rows.length === 0) return { changedStudentIds, followUpsOpened: [] };
  const input = JSON.stringify(
    rows.map((r) => ({
      student_id: r.studentId,
      summary: r.summary,
      tier: r.tier,
      reasons: r.reasons,
      submitted_at: r.submittedAt?.toISOString() ?? null,
      answers: r.answers,
      scores: r.scores,
      responsible: r.followUp?.responsiblePersonId ?? null,
      due: r.followUp?.dueDate ?? null,
    })),
  );
  const [outcome] = await queryRows<{
    changed: string[] | null;
    opened: { caseId: string; studentId: string }[] | null;
  }>(
    tx,
    sql`WITH input AS MATERIALIZED (
          SELECT * FROM jsonb_to_recordset(${input}::jsonb) AS i(student_id uuid, summary jsonb, tier integer,
            reasons jsonb, submitted_at timestamptz, answers jsonb, scores jsonb, responsible uuid, due date)
        ),
        unchanged AS MATERIALIZED (
          SELECT i.student_id
          FROM screening_results r
          JOIN input i ON i.student_id = r.student_id
          JOIN screening_answers a ON a.result_id = r.id
          -- = ANY (ARRAY(...)) makes the (wave, student) index drive the lookup whatever the planner guesses.
          WHERE r.wave_id = ${target.waveId}::uuid AND r.student_id = ANY (ARRAY(SELECT student_id FROM input))
            AND (r.summary, r.attention_tier, r.reasons, r.plugin_id, r.plugin_version, r.submitted_at, a.answers,
                 a.scores)
                IS NOT DISTINCT FROM (i.summary, i.tier, i.reasons, ${target.pluginId}, ${target.pluginVersion},
                 i.submitted_at, i.answers, i.scores)
        ),
        results AS (
          INSERT INTO screening_results AS sr
            (school_id, wave_id, student_id, instrument, summary, attention_tier, reasons, plugin_id, plugin_version,
             import_batch_id, submitted_at)
          SELECT ${target.schoolId}::uuid, ${target.waveId}::uuid, i.student_id, ${target.instrument}, i.summary,
                 i.tier, i.reasons, ${target.pluginId}, ${target.pluginVersion}, ${target.importId}::uuid,
                 i.submitted_at
          FROM input i
          WHERE i.student_id NOT IN (SELECT student_id FROM unchanged)
          ON CONFLICT (wave_id, student_id) DO UPDATE SET
            summary = excluded.summary, attention_tier = excluded.attention_tier, reasons = excluded.reasons,
            plugin_id = excluded.plugin_id, plugin_version = excluded.plugin_version,
            import_batch_id = excluded.import_batch_id, submitted_at = excluded.submitted_at
          RETURNING sr.id, sr.student_id, sr.attention_tier
        ),
        answers AS (
          INSERT INTO screening_answers AS sa (result_id, school_id, student_id, answers, scores)
          SELECT r.id, ${target.schoolId}::uuid, r.student_id, i.answers, i.scores
          FROM results r JOIN input i ON i.student_id = r.student_id
          ON CONFLICT (result_id) DO UPDATE SET answers = excluded.answers, scores = excluded.scores
        ),
        follow_ups AS (
          INSERT INTO cases
            (school_id, student_id, kind, status, title, responsible_person_id, due_date, opened_by,
             screening_result_id)
          SELECT ${target.schoolId}::uuid, r.student_id, 'follow_up', 'open', ${target.followUpTitle}, i.responsible,
                 i.due, ${target.openedBy}::uuid, r.id
          FROM results r JOIN input i ON i.student_id = r.student_id
          WHERE r.attention_tier = 1
          ON CONFLICT (screening_result_id) WHERE screening_result_id IS NOT NULL DO NOTHING
          RETURNING id, student_id
        )
        SELECT (SELECT json_agg(student_id) FROM results) AS changed,
               (SELECT json_agg(json_build_object('caseId', id, 'studentId', student_id)) FROM follow_ups) AS opened`,
  );
  for (const id of outcome?.changed ?? []) changedStudentIds.add(id);
  return { changedStudentIds, followUpsOpened: outcome?.opened ?? [] };
}
