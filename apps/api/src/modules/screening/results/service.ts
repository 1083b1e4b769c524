import type { TenantTx } from '@xinqiao/db';
import type { PageRequest } from '../../../http/pagination.ts';
import { problem } from '../../../http/problem.ts';
import {
  answersOf,
  countResults,
  type FollowUpFilter,
  findFullViewStudent,
  findResult,
  followUpRows,
  type HistoryRow,
  historyRows,
  type ResultFilter,
  type ResultRow,
  resultRows,
  type TierCountRow,
  tierCountRows,
  type WaveResultRow,
} from './queries.ts';
import type { StoredScores } from './scores.ts';

/**
 * A page of a wave's results within the caller's scope (RLS), most serious tier first, with the total under the
 * filter.
 */
export async function listResults(
  tx: TenantTx,
  waveId: string,
  filter: ResultFilter & PageRequest,
): Promise<{ total: number; page: number; pageSize: number; rows: ResultRow[] }> {
  const total = await countResults(tx, waveId, filter);
  const rows = await resultRows(tx, waveId, filter, filter);
  return { total, page: filter.page, pageSize: filter.pageSize, rows };
}

/** Per college of the caller's scope: tier counts and how the tier-1 follow-ups stand on `today` (China date). */
export function tierCounts(tx: TenantTx, waveId: string, today: string): Promise<TierCountRow[]> {
  return tierCountRows(tx, waveId, today);
}

/** A result and, when `withAnswers` (center staff), its item answers and full scores; 404 when not visible. */
export async function getResult(
  tx: TenantTx,
  resultId: string,
  withAnswers: boolean,
): Promise<{
  row: WaveResultRow;
  answers?: { answers: number[] | null; scores: StoredScores | null };
}> {
  const row = await findResult(tx, resultId);
  if (!row) throw problem('screening.result-not-found');
  if (!withAnswers) return { row };
  const stored = await answersOf(tx, resultId);
  return { row, answers: { answers: stored?.answers ?? null, scores: stored?.scores ?? null } };
}

/** Which way a student's tier moved against their previous result of the same instrument (null for the first). */
export type Trend = 'worse' | 'better' | 'same' | null;

/** Every wave a student took part in, oldest first, each with its trend; 404 when the student is not in full view. */
export async function studentHistory(
  tx: TenantTx,
  studentId: string,
): Promise<{
  student: { id: string; student_number: string; name: string; placement_path: string };
  entries: { row: HistoryRow; trend: Trend }[];
}> {
  const student = await findFullViewStudent(tx, studentId);
  if (!student) throw problem('students.not-found');
  const last = new Map<string, number>();
  const entries = (await historyRows(tx, studentId)).map((row) => {
    const previous = last.get(row.instrument);
    last.set(row.instrument, row.tier);
    return { row, trend: trendOf(row.tier, previous) };
  });
  return { student, entries };
}

/** 'worse' when the tier number fell (more attention), 'better' when it rose. */
function trendOf(tier: number, previous: number | undefined): Trend {
  if (previous === undefined) return null;
  return tier < previous ? 'worse' : tier > previous ? 'better' : 'same';
}

/**
 * The follow-ups of tier-1 results in the caller's scope (RLS), soonest due first: overdue ones are those with no
 * interview recorded by the due date.
 */
export function listFollowUps(
  tx: TenantTx,
  personId: string,
  filter: FollowUpFilter,
  today: string,
  page: PageRequest,
): Promise<{ rows: WaveResultRow[]; total: number }> {
  return followUpRows(tx, personId, filter, today, page);
}
