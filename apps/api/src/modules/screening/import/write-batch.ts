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
 * Stores one batch in the caller's transaction with three statements whatever its size: results and answers are
 * upserted by (wave, student) and only rewritten when something differs (so the same file again changes nothing),
 * and each tier-1 result without a follow-up gets one (the unique index on `cases.screening_result_id` keeps it at
 * one). Rows travel as one JSON parameter, never as SQL text.
 */
export async function writeBatch(
  tx: TenantTx,
  target: BatchTarget,
  rows: StorableRow[],
): Promise<BatchOutcome> {
  const changedStudentIds = new Set<string>();
  if (rows.length === 0) return { changedStudentIds, followUpsOpened: [] };
  const results = JSON.stringify(
    rows.map((r) => ({
      student_id: r.studentId,
      summary: r.summary,
      tier: r.tier,
      reasons: r.reasons,
      submitted_at: r.submittedAt?.toISOString() ?? null,
    })),
  );
  const written = await queryRows<{ student_id: string }>(
    tx,
    sql`INSERT INTO screening_results AS sr
          (school_id, wave_id, student_id, instrument, summary, attention_tier, reasons, plugin_id, plugin_version,
           import_batch_id, submitted_at)
        SELECT ${target.schoolId}::uuid, ${target.waveId}::uuid, r.student_id, ${target.instrument}, r.summary, r.tier,
               r.reasons, ${target.pluginId}, ${target.pluginVersion}, ${target.importId}::uuid, r.submitted_at
        FROM jsonb_to_recordset(${results}::jsonb)
          AS r(student_id uuid, summary jsonb, tier integer, reasons jsonb, submitted_at timestamptz)
        ON CONFLICT (wave_id, student_id) DO UPDATE SET
          summary = excluded.summary, attention_tier = excluded.attention_tier, reasons = excluded.reasons,
          plugin_id = excluded.plugin_id, plugin_version = excluded.plugin_version,
          import_batch_id = excluded.import_batch_id, submitted_at = excluded.submitted_at
        WHERE (sr.summary, sr.attention_tier, sr.reasons, sr.plugin_id, sr.plugin_version, sr.submitted_at)
          IS DISTINCT FROM (excluded.summary, excluded.attention_tier, excluded.reasons, excluded.plugin_id,
                            excluded.plugin_version, excluded.submitted_at)
        RETURNING sr.student_id`,
  );
  for (const row of written) changedStudentIds.add(row.student_id);

  const answers = JSON.stringify(
    rows.map((r) => ({ student_id: r.studentId, answers: r.answers, scores: r.scores })),
  );
  const rewritten = await queryRows<{ student_id: string }>(
    tx,
    sql`INSERT INTO screening_answers AS sa (result_id, school_id, student_id, answers, scores)
        SELECT res.id, ${target.schoolId}::uuid, a.student_id, a.answers, a.scores
        FROM jsonb_to_recordset(${answers}::jsonb) AS a(student_id uuid, answers jsonb, scores jsonb)
        JOIN screening_results res ON res.wave_id = ${target.waveId}::uuid AND res.student_id = a.student_id
        ON CONFLICT (result_id) DO UPDATE SET answers = excluded.answers, scores = excluded.scores
        WHERE (sa.answers, sa.scores) IS DISTINCT FROM (excluded.answers, excluded.scores)
        RETURNING sa.student_id`,
  );
  for (const row of rewritten) changedStudentIds.add(row.student_id);

  const tierOne = rows.filter((r) => r.followUp);
  if (tierOne.length === 0) return { changedStudentIds, followUpsOpened: [] };
  const followUps = JSON.stringify(
    tierOne.map((r) => ({
      student_id: r.studentId,
      responsible: r.followUp!.responsiblePersonId,
      due: r.followUp!.dueDate,
    })),
  );
  const opened = await queryRows<{ id: string; student_id: string }>(
    tx,
    sql`INSERT INTO cases
          (school_id, student_id, kind, status, title, responsible_person_id, due_date, opened_by, screening_result_id)
        SELECT ${target.schoolId}::uuid, res.student_id, 'follow_up', 'open', ${target.followUpTitle}, f.responsible,
               f.due, ${target.openedBy}::uuid, res.id
        FROM jsonb_to_recordset(${followUps}::jsonb) AS f(student_id uuid, responsible uuid, due date)
        JOIN screening_results res
          ON res.wave_id = ${target.waveId}::uuid AND res.student_id = f.student_id AND res.attention_tier = 1
        ON CONFLICT (screening_result_id) WHERE screening_result_id IS NOT NULL DO NOTHING
        RETURNING id, student_id`,
  );
  return {
    changedStudentIds,
    followUpsOpened: opened.map((row) => ({ caseId: row.id, studentId: row.student_id })),
  };
}
