import type { TenantScope } from '@xinqiao/db';
import { type ProblemError, problem } from '../../http/problem.ts';
import type { StudentAction } from '../../http/problem-messages/codes.ts';

/** How much of a student the caller sees: everything, or who the student is (class committee, dorm liaison). */
export type StudentView = 'full' | 'reduced';

/**
 * The view the caller has of a student placed at `placementPath`. RLS already hides students outside both
 * scopes; a student inside only a reduced scope (class psych committee member, dorm liaison) gets the reduced view.
 *
 * @example
 * studentViewOf({ fullScopePaths: [], reducedScopePaths: ['/r/c/k/'], ... }, '/r/c/k/d/'); // 'reduced'
 */
export function studentViewOf(scope: TenantScope, placementPath: string): StudentView {
  return scope.fullScopePaths.some((path) => placementPath.startsWith(path)) ? 'full' : 'reduced';
}

/**
 * Throws 403 unless the caller sees the student in full: reduced views observe and report, they never write.
 * (A student the caller cannot see at all was already answered with 404.)
 */
export function requireFullView(scope: TenantScope, placementPath: string, action: StudentAction): void {
  if (studentViewOf(scope, placementPath) === 'full') return;
  throw problem('students.reduced-view', { action });
}

/** 404 for a student the caller cannot see: the same answer as for one that does not exist. */
export function studentNotFound(): ProblemError {
  return problem('students.not-found');
}
