import type { TenantScope } from '@xinqiao/db';
import type { Context } from 'hono';
import { ProblemError, problemType } from '../../http/problem.ts';
import { statedPurpose } from '../audit/record.ts';

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
export function requireFullView(scope: TenantScope, placementPath: string, action: string): void {
  if (studentViewOf(scope, placementPath) === 'full') return;
  throw new ProblemError({
    type: problemType('forbidden'),
    title: 'Forbidden',
    status: 403,
    detail: `你的角色只能查看该学生的基本信息，不能${action} / Your role sees this student in the reduced view and cannot do this`,
  });
}

/**
 * Why the caller is looking, for the audit row: the `x-access-purpose` header (percent-encoded when it is not
 * plain ASCII, since HTTP headers cannot carry Chinese as is), or the route's own purpose.
 *
 * @example
 * accessPurpose(c, '查看学生档案 / read student file');
 */
export function accessPurpose(c: Context, fallback: string): string {
  const header = c.req.header('x-access-purpose');
  return statedPurpose(header === undefined ? undefined : decodeHeader(header), fallback);
}

function decodeHeader(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** 404 for a student the caller cannot see: the same answer as for one that does not exist. */
export function studentNotFound(): ProblemError {
  return new ProblemError({
    type: problemType('not-found'),
    title: 'Not found',
    status: 404,
    detail: '没有这个学生，或你无权查看 / No such student, or not visible to you',
  });
}
