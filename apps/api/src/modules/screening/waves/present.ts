import type { z } from '@hono/zod-openapi';
import type { CompletionSchema, WaveDetailSchema, WaveSchema } from '../schemas.ts';
import type { CompletionRow, WaveCountRow } from './queries.ts';

type Wave = z.infer<typeof WaveSchema>;
type Completion = z.infer<typeof CompletionSchema>;
type WaveDetail = z.infer<typeof WaveDetailSchema>;

/** A wave as the API answers it, with its result counts per tier. */
export function presentWave(row: WaveCountRow): Wave {
  return {
    id: row.id,
    academicYear: row.academic_year,
    name: row.name,
    instrument: row.instrument,
    cohort: row.cohort,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    status: row.status,
    results: row.results,
    tiers: { 1: row.tier1, 2: row.tier2, 3: row.tier3 },
  };
}

/** One class's completion of a wave as the API answers it. */
export function presentCompletion(row: CompletionRow): Completion {
  return {
    collegeId: row.college_id,
    collegeName: row.college_name,
    classId: row.class_id,
    className: row.class_name,
    students: row.students,
    screened: row.screened,
  };
}

/** A wave with its completion per college and class, as the API answers it. */
export function presentWaveDetail(detail: { wave: WaveCountRow; completion: CompletionRow[] }): WaveDetail {
  return { wave: presentWave(detail.wave), completion: detail.completion.map(presentCompletion) };
}
