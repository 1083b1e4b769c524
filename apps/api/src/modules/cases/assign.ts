import type { Role } from '@xinqiao/db';
import { sql } from 'drizzle-orm';
import { type Caller, requirePermission, rolesGranting } from '../../auth/caller.ts';
import { fieldError, invalidFields, problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { notifyResponsible } from './notify.ts';
import {
  type CaseRow,
  findCase,
  insertCaseEntry,
  peopleReaching,
  rolesOfPerson,
  updateCaseRow,
} from './queries.ts';
import { ASSIGNABLE_ROLES, type AssignableRole, type AssignInput } from './schemas.ts';

const isAssignable = (role: Role): role is AssignableRole =>
  (ASSIGNABLE_ROLES as readonly Role[]).includes(role);

/** A person the caller may make responsible for a case, with the role and unit that qualify them. */
export interface Assignee {
  id: string;
  displayName: string;
  role: AssignableRole;
  unitName: string;
}

const notFound = () => problem('cases.not-found');

/**
 * The unit paths the caller assigns within, for a student placed at `studentPath`: the units of the caller's roles
 * that grant `cases.assign` and reach the student (a station head's college, the center's school).
 */
function assigningPaths(caller: Caller, studentPath: string): string[] {
  return rolesGranting(caller.me, 'cases.assign')
    .filter((r) => studentPath.startsWith(r.unitPath))
    .map((r) => r.unitPath);
}

/**
 * Whether a role on `unitPath` may take a case of a student at `studentPath` from a caller assigning within
 * `within`: an assignable role that reaches the student, on a unit inside the caller's subtree.
 */
function qualifies(
  role: Role,
  unitPath: string,
  studentPath: string,
  within: readonly string[],
): role is AssignableRole {
  return (
    isAssignable(role) && studentPath.startsWith(unitPath) && within.some((path) => unitPath.startsWith(path))
  );
}

/**
 * The people the caller may assign a case to: active people of the school holding a counsellor, head teacher,
 * station head or center role that reaches the case's student, on a unit inside the caller's subtree (a station
 * head assigns within their college, the center across the school). 403 without `cases.assign`, 404 when the
 * caller does not see the case.
 */
export async function assigneesOf(caller: Caller, caseId: string): Promise<Assignee[]> {
  requirePermission(caller, 'cases.assign');
  const row = await findCase(caller.tx, caseId);
  if (!row) throw notFound();
  const within = assigningPaths(caller, row.studentPath);
  const reaching = await peopleReaching(caller.tx, row.studentPath, ASSIGNABLE_ROLES);
  const byPerson = new Map<string, Assignee>();
  for (const r of reaching) {
    if (byPerson.has(r.personId) || !qualifies(r.role, r.unitPath, row.studentPath, within)) continue;
    byPerson.set(r.personId, {
      id: r.personId,
      displayName: r.displayName,
      role: r.role,
      unitName: r.unitName,
    });
  }
  return [...byPerson.values()];
}

/** 400 naming `assigneeId` unless the person qualifies (see {@link assigneesOf}); their name otherwise. */
async function assertAssignee(
  caller: Caller,
  assigneeId: string,
  row: CaseRow,
): Promise<{ name: string; roles: Role[] }> {
  const within = assigningPaths(caller, row.studentPath);
  const roles = await rolesOfPerson(caller.tx, assigneeId);
  const fit = roles.find((r) => qualifies(r.role, r.unitPath, row.studentPath, within));
  if (!fit) {
    throw invalidFields([fieldError('assigneeId', 'cases.assignee-out-of-reach')]);
  }
  return { name: fit.displayName, roles: roles.map((r) => r.role) };
}

/**
 * Assigns (or reassigns) a case: the station head within their college, the center across the school. Checked
 * before anything is written (400 naming `assigneeId` or `status`); then the case names its new responsible person
 * with when and by whom, the timeline gets an `assignment` entry with who and why, and the assignee a
 * notification in-app and by the school's channels (kind `case.assigned`, no student detail, a link to the case). Audited as 'case.assign'.
 *
 * @example
 * ```ts
 * await assignCase(caller, caseId, { assigneeId, reason: '按班级分工' });
 * ```
 */
export async function assignCase(caller: Caller, caseId: string, input: AssignInput): Promise<CaseRow> {
  requirePermission(caller, 'cases.assign');
  const row = await findCase(caller.tx, caseId);
  if (!row) throw notFound();
  if (row.status === 'closed') {
    throw invalidFields([fieldError('status', 'cases.closed')]);
  }
  const assignee = await assertAssignee(caller, input.assigneeId, row);
  const me = caller.me.person.id;
  await updateCaseRow(caller.tx, caseId, {
    responsiblePersonId: input.assigneeId,
    assignedAt: sql`now()`,
    assignedBy: me,
  });
  await insertCaseEntry(caller.tx, {
    schoolId: caller.me.school.id,
    caseId,
    authorId: me,
    kind: 'assignment',
    body: `${row.responsibleName ?? '—'} → ${assignee.name}\n${input.reason}`,
  });
  await notifyResponsible(caller, row, input.assigneeId, assignee.roles);
  await recordAccess(caller.tx, caller.me, {
    action: 'case.assign',
    entity: 'case',
    entityId: caseId,
    studentId: row.studentId,
    studentPath: row.studentPath,
    purpose: caller.purpose,
  });
  return (await findCase(caller.tx, caseId))!;
}
