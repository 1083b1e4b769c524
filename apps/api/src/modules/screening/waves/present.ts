import type { z } from '@hono/zod-openapi';
import type { CollegeCompletionSchema, CompletionSchema, WaveDetailSchema, WaveSchema } from '../schemas.ts';
import type { CompletionRow, WaveCountRow } from './queries.ts';

type Wave = z.infer<typeof WaveSchema>;
type Completion = z.infer<typeof CompletionSchema>;
type CollegeCompletion = z.infer<typeof CollegeCompletionSchema>;
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

/** Where a class's or college's students stand; saved answers only for who may read them. */
function countsOf(row: CompletionRow, answersVisible: boolean) {
  return {
    students: row.students,
    screened: row.screened,
    submitted: row.submitted,
    inProgress: answersVisible ? row.in_progress : null,
    consented: row.consented,
    declined: row.declined,
    notOpened: row.not_opened,
  };
}

/** One class's completion of a wave as the API answers it. */
export function presentCompletion(row: CompletionRow, answersVisible: boolean): Completion {
  return {
    collegeId: row.college_id,
    collegeName: row.college_name,
    classId: row.class_id ?? '',
    className: row.class_name ?? '',
    ...countsOf(row, answersVisible),
  };
}

/** One college's completion of a wave as the API answers it. */
export function presentCollegeCompletion(row: CompletionRow, answersVisible: boolean): CollegeCompletion {
  return { collegeId: row.college_id, collegeName: row.college_name, ...countsOf(row, answersVisible) };
}

/**
 * A wave with its completion per class and per college (the statement's college rows have no class), as the API
 * answers it.
 */
export function presentWaveDetail(detail: {
  wave: WaveCountRow;
  completion: CompletionRow[];
  answersVisible: boolean;
}): WaveDetail {
  const { completion, answersVisible } = detail;
  return {
    wave: presentWave(detail.wave),
    completion: completion
      .filter((r) => r.class_id !== null)
      .map((r) => presentCompletion(r, answersVisible)),
    colleges: completion
      .filter((r) => r.class_id === null)
      .map((r) => presentCollegeCompletion(r, answersVisible)),
  };
}
