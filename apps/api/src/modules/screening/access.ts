import type { Context } from 'hono';
import { type Caller, callerOf, can } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';

// Who may do what in screening is the permission table's (auth/permissions.ts): `screening.counts` (the counts per
// wave and college, no names: the readers below and the school's leadership offices), `screening.read` (tiers,
// reasons and follow-ups of the students in one's part of the network), `screening.manage` and `screening.import`
// (the mental-health center: waves and imports), `screening.answers` (item answers and scores, the center; RLS
// checks the same capability), `calendar.read` and `calendar.edit`. Class psych committee members and dorm
// liaisons hold none of them: they see nothing of screening.

/**
 * The caller of a screening request, handed to the service function, which starts with its access check.
 *
 * @example
 * ```ts
 * const waves = await listWaves(screeningCaller(c), academicYear); // requirePermission(caller, 'screening.counts')
 * ```
 */
export function screeningCaller(c: Context<AuthedEnv>): Caller {
  return callerOf(c, '心理筛查 / screening');
}

/** Whether the caller sees item answers and scores (`screening.answers`; RLS checks the same capability). */
export function seesScores(caller: Pick<Caller, 'permissions'>): boolean {
  return can(caller, 'screening.answers');
}
