import type { Role } from '@xinqiao/db';
import type { Me } from '../../auth/session-types.ts';
import { problems } from '../../http/problem.ts';

/** The mental-health center: creates waves, imports results, reads answers and scores. */
export const SCREENING_MANAGERS: readonly Role[] = ['center_director', 'center_staff'];
/** Who sees tiers, reasons and follow-ups of the students in their part of the network. */
export const SCREENING_READERS: readonly Role[] = [
  ...SCREENING_MANAGERS,
  'college_station_head',
  'counsellor',
];
/** Who sees the counts per wave and college (no names): the readers, and the school's leadership offices. */
export const SCREENING_COUNT_READERS: readonly Role[] = [
  ...SCREENING_READERS,
  'school_admin',
  'student_affairs',
];

/** Whether the person holds one of the roles. */
export function holds(me: Me, roles: readonly Role[]): boolean {
  return me.roles.some((r) => roles.includes(r.role));
}

/**
 * Throws 403 unless the person holds one of the roles. Class psych committee members and dorm liaisons hold none
 * of them: they see nothing of screening.
 */
export function requireScreeningRole(me: Me, roles: readonly Role[]): void {
  if (!holds(me, roles)) {
    throw problems.forbidden('你的角色不能查看或办理心理筛查 / Your roles give no access to screening');
  }
}

/** Whether the person sees item answers and scores (the center; RLS checks the same capability). */
export function seesScores(me: Me): boolean {
  return holds(me, SCREENING_MANAGERS);
}
