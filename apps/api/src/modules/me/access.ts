import type { Caller } from '../../auth/caller.ts';
import { requirePermission } from '../../auth/caller.ts';
import { problem } from '../../http/problem.ts';
import { type OwnStudent, ownStudent } from './queries.ts';

/**
 * The access check of every student-side service function: the caller holds the student role, has a student
 * account, and (unless changing it) no longer signs in with an issued password. Answers the student's own record.
 */
export async function requireStudent(
  caller: Caller,
  options: { passwordChange?: boolean } = {},
): Promise<OwnStudent> {
  requirePermission(caller, 'student.self');
  const student = await ownStudent(caller.tx, caller.me.person.id);
  if (!student) throw problem('student.no-account');
  if (student.mustChangePassword && !options.passwordChange)
    throw problem('student.password-change-required');
  return student;
}
