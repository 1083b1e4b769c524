import { type Caller, requirePermission } from '../../../auth/caller.ts';
import type { PageRequest } from '../../../http/pagination.ts';
import { problem } from '../../../http/problem.ts';
import { getWave } from '../waves/service.ts';
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
 * filter; 404 when there is no such wave. Needs `screening.read`.
 */
export async function listResults(
  caller: Caller,
  waveId: string,
  filter: ResultFilter & PageRequest,
): Promise<{ total: number; page: number; pageSize: number; rows: ResultRow[] }> {
  requirePermission(caller, 'screening.read');
  const { tx } = caller;
  await getWave(tx, waveId);
  const total = await countResults(tx, waveId, filter);
  const rows = await resultRows(tx, waveId, filter, filter);
  return { total, page: filter.page, pageSize: filter.pageSize, rows };
}

/**
 * Per college of the caller's scope: tier counts and how the tier-1 follow-ups stand on `today` (China date); 404
 * when there is no such wave. Needs `screening.counts`.
 */
export async function tierCounts(caller: Caller, waveId: string, today: string): Promise<TierCountRow[]> {
  requirePermission(caller, 'screening.counts');
  await getWave(caller.tx, waveId);
  return tierCountRows(caller.tx, waveId, today);
}

/**
 * A result and, when `withAnswers` (center staff), its item answers and full scores; 404 when not visible. Needs
 * `screening.read`.
 */
export async function getResult(
  caller: Caller,
  resultId: string,
  withAnswers: boolean,
): Promise<{
  row: WaveResultRow;
  answers?: { answers: number[] | null; scores: StoredScores | null };
}> {
  requirePermission(caller, 'screening.read');
  const { tx } = caller;
  const row = await findResult(tx, resultId);
  if (!row) throw problem('screening.result-not-found');
  if (!withAnswers) return { row };
  const stored = await answersOf(tx, resultId);
  return { row, answers: { answers: stored?.answers ?? null, scores: stored?.scores ?? null } };
}

/** Which way a student's tier moved against their previous result of the same instrument (null for the first). */
export type Trend = 'worse' | 'better' | 'same' | null;

/**
 * Every wave a student took part in, oldest first, each with its trend; 404 when the student is not in full view.
 * Needs `screening.read`.
 */
export async function studentHistory(
  caller: Caller,
  studentId: string,
): Promise<{
  student: { id: string; student_number: string; name: string; placement_path: string };
  entries: { row: HistoryRow; trend: Trend }[];
}> {
  requirePermission(caller, 'screening.read');
  const { tx } = caller;
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
 * interview recorded by the due date. Needs `screening.read`.
 */
export function listFollowUps(
  caller: Caller,
  filter: FollowUpFilter,
  today: string,
  page: PageRequest,
): Promise<{ rows: WaveResultRow[]; total: number }> {
  requirePermission(caller, 'screening.read');
  return followUpRows(caller.tx, caller.me.person.id, filter, today, page);
}
