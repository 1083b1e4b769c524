import type { Role } from '@xinqiao/db';
import type { Me } from '../../auth/session-types.ts';
import { problems } from '../../http/problem.ts';

/** Roles that see the student affairs figures (and so the student affairs module in the shell). */
export const STUDENT_AFFAIRS_READERS: readonly Role[] = [
  'student_affairs',
  'school_admin',
  'center_director',
];

/** Roles that may change enrolment, center staff and training hours. */
export const STUDENT_AFFAIRS_EDITORS: readonly Role[] = ['student_affairs', 'school_admin'];

function holdsAny(me: Me, allowed: readonly Role[]): boolean {
  return me.roles.some((r) => allowed.includes(r.role));
}

/** Throws 403 unless the person holds a role that reads the student affairs figures. */
export function requireReader(me: Me): void {
  if (!holdsAny(me, STUDENT_AFFAIRS_READERS)) {
    throw problems.forbidden(
      '只有学生处、学校管理员和心理中心主任可以查看 / Student affairs figures are not open to your roles',
    );
  }
}

/** Throws 403 unless the person holds a role that edits the student affairs figures. */
export function requireEditor(me: Me): void {
  if (!holdsAny(me, STUDENT_AFFAIRS_EDITORS)) {
    throw problems.forbidden(
      '只有学生处和学校管理员可以修改 / Only student affairs and school administrators may edit',
    );
  }
}
