import { toChinaDate } from '@xinqiao/calendar';
import type { CompiledPlugin } from '@xinqiao/policy';
import { type Caller, requirePermission } from '../../auth/caller.ts';
import { fieldError, problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { requireStudent } from '../me/access.ts';
import { satisfactionTargetOf } from '../me/policy.ts';
import { insertRating, markCodeUsed, ownCodeForUpdate, ratingsByCounsellor } from './queries.ts';

export interface RatingInput {
  code: string;
  attitude: number;
  professionalism: number;
  helpfulness: number;
  overall: number;
}

/**
 * Rates a session with its one-time code (反馈码, seed 003 action 2.1): the rating names the counsellor and the day
 * only; the code is marked used and nothing links it to the rating. An unknown or used code is refused naming
 * `code`, and nothing is stored. The audit log records that a code was used, not the rating.
 */
export async function rateSession(caller: Caller, input: RatingInput, now: Date): Promise<void> {
  const student = await requireStudent(caller);
  const code = input.code.trim().toUpperCase();
  const row = await ownCodeForUpdate(caller.tx, code);
  if (!row) throw problem('feedback.refused').naming([fieldError('code', 'feedback.code-unknown')]);
  if (row.usedAt) throw problem('feedback.refused').naming([fieldError('code', 'feedback.code-used')]);
  await markCodeUsed(caller.tx, code, now);
  const { code: _code, ...scores } = input;
  await insertRating(caller.tx, {
    schoolId: caller.me.school.id,
    counsellorId: row.counsellorId,
    ...scores,
    ratedOn: toChinaDate(now),
  });
  await recordAccess(caller.tx, caller.me, {
    action: 'feedback_code.used',
    entity: 'feedback_code',
    studentId: student.studentId,
    purpose: caller.purpose,
  });
}

/**
 * Counselling satisfaction (KPI 2.2): the mean overall rating of the academic year so far against the plugin's
 * target, and per counsellor only where they have at least the plugin's minimum of ratings (never under five), so
 * no single student's rating can be read off.
 */
export async function satisfaction(caller: Caller, plugin: CompiledPlugin | undefined, since: string) {
  requirePermission(caller, 'counselling.ratings');
  const target = await satisfactionTargetOf(plugin);
  const rows = await ratingsByCounsellor(caller.tx, since);
  const ratings = rows.reduce((n, r) => n + r.ratings, 0);
  const overall = ratings === 0 ? null : rows.reduce((sum, r) => sum + r.overall * r.ratings, 0) / ratings;
  const shown = ratings >= target.minRatings;
  return {
    since,
    target: target.target,
    minRatings: target.minRatings,
    ratings,
    overall: shown && overall !== null ? Math.round(overall * 10) / 10 : null,
    met: shown && overall !== null ? overall >= target.target : null,
    byCounsellor: rows
      .filter((r) => r.ratings >= target.minRatings)
      .map((r) => ({
        counsellorId: r.counsellorId,
        name: r.name,
        ratings: r.ratings,
        overall: Math.round(r.overall * 10) / 10,
        attitude: Math.round(r.attitude * 100) / 100,
        professionalism: Math.round(r.professionalism * 100) / 100,
        helpfulness: Math.round(r.helpfulness * 100) / 100,
      })),
  };
}
