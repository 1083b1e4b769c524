import type { z } from '@hono/zod-openapi';
import type { TenantTx } from '@xinqiao/db';
import { fieldError, invalidFields } from '../../http/problem.ts';
import { type DepartmentFinding, departmentFindingKind } from './kinds.ts';
import { type EventRow, insertEvent } from './queries/events.ts';
import { getMember, insertMember, type MemberView, updateMemberRow } from './queries/members.ts';
import {
  type DepartmentRow,
  getDepartment,
  insertDepartment,
  insertTerm,
  personExists,
  type TermRow,
  unitExists,
  visibleStudentNumber,
} from './queries/structure.ts';
import type {
  CreateDepartmentBody,
  CreateEventBody,
  CreateMemberBody,
  CreateTaskBody,
  CreateTermBody,
  UpdateMemberBody,
} from './schemas.ts';

/** Who changes the alliance's structure: the caller's school and person, at the request's time. */
export interface Author {
  schoolId: string;
  personId: string;
  now: Date;
}

async function requireDepartment(tx: TenantTx, id: string | undefined): Promise<DepartmentRow | undefined> {
  if (!id) return undefined;
  const department = await getDepartment(tx, id);
  if (!department) throw invalidFields([fieldError('departmentId', 'alliance.no-such-department')]);
  return department;
}

/**
 * Checks the linked student and account are the school's own (foreign keys do not see row-level security) and
 * answers the student number to keep with the member: the linked student's, null when unlinked, undefined when the
 * link does not change.
 */
async function checkedLinks(
  tx: TenantTx,
  links: { studentId?: string | null; personId?: string | null },
): Promise<{ studentNumber?: string | null }> {
  if (links.personId && !(await personExists(tx, links.personId))) {
    throw invalidFields([fieldError('personId', 'alliance.no-such-account')]);
  }
  if (links.studentId === undefined) return {};
  if (links.studentId === null) return { studentNumber: null };
  const studentNumber = await visibleStudentNumber(tx, links.studentId);
  if (studentNumber === undefined) {
    throw invalidFields([fieldError('studentId', 'students.no-such-student')]);
  }
  return { studentNumber };
}

/** Adds a department or a college branch (whose college unit must be the school's). */
export async function createDepartment(
  tx: TenantTx,
  author: Author,
  body: z.infer<typeof CreateDepartmentBody>,
): Promise<DepartmentRow> {
  if (body.collegeUnitId && !(await unitExists(tx, body.collegeUnitId))) {
    throw invalidFields([fieldError('collegeUnitId', 'units.no-such-unit')]);
  }
  return insertDepartment(tx, { schoolId: author.schoolId, ...body });
}

/** Opens an assessment term. */
export function createTerm(
  tx: TenantTx,
  author: Author,
  body: z.infer<typeof CreateTermBody>,
): Promise<TermRow> {
  return insertTerm(tx, { schoolId: author.schoolId, ...body });
}

/** Adds a member to a term, after checking the department and the linked student and account. */
export async function addMember(
  tx: TenantTx,
  author: Author,
  term: TermRow,
  body: z.infer<typeof CreateMemberBody>,
): Promise<MemberView> {
  await requireDepartment(tx, body.departmentId);
  const links = await checkedLinks(tx, body);
  const id = await insertMember(tx, { schoolId: author.schoolId, termId: term.id, ...body, ...links });
  return (await getMember(tx, id))!;
}

/** Changes a member's department, role, officer flag, links or activity. */
export async function changeMember(
  tx: TenantTx,
  member: MemberView,
  body: z.infer<typeof UpdateMemberBody>,
): Promise<MemberView> {
  await requireDepartment(tx, body.departmentId);
  const links = await checkedLinks(tx, body);
  await updateMemberRow(tx, member.id, { ...body, ...links });
  return (await getMember(tx, member.id))!;
}

/** Schedules a department routine meeting, a plenary meeting, a duty shift or an activity. */
export async function scheduleEvent(
  tx: TenantTx,
  author: Author,
  term: TermRow,
  body: z.infer<typeof CreateEventBody>,
): Promise<EventRow> {
  await requireDepartment(tx, body.departmentId);
  return insertEvent(tx, {
    schoolId: author.schoolId,
    termId: term.id,
    departmentId: body.departmentId ?? null,
    kind: body.kind,
    title: body.title,
    stars: body.stars,
    startsAt: new Date(body.startsAt),
    endsAt: body.endsAt ? new Date(body.endsAt) : null,
    createdBy: author.personId,
  });
}

/**
 * Gives a daily or assigned task with a deadline. Tasks live beside events (see docs/alliance.md): the kind names
 * the task kind, `startsAt` is when it was given and `endsAt` the deadline.
 */
export async function giveTask(
  tx: TenantTx,
  author: Author,
  term: TermRow,
  body: z.infer<typeof CreateTaskBody>,
): Promise<EventRow> {
  await requireDepartment(tx, body.departmentId);
  const assignedAt = body.assignedAt ? new Date(body.assignedAt) : author.now;
  const deadline = new Date(body.deadline);
  if (deadline <= assignedAt) {
    throw invalidFields([fieldError('deadline', 'alliance.deadline-before-assigned')]);
  }
  return insertEvent(tx, {
    schoolId: author.schoolId,
    termId: term.id,
    departmentId: body.departmentId ?? null,
    kind: body.taskKind === 'daily' ? 'daily_task' : 'assigned_task',
    title: body.title,
    startsAt: assignedAt,
    endsAt: deadline,
    status: 'open',
    createdBy: author.personId,
  });
}

/**
 * Records a finding about a department (a late proposal, a routine meeting not held on time...), kept as a closed
 * event of kind `finding:<counter>` (see docs/alliance.md, "Schema requests" 2).
 */
export async function recordDepartmentFinding(
  tx: TenantTx,
  author: Author,
  term: TermRow,
  body: {
    departmentId: string;
    finding: DepartmentFinding;
    note?: string | undefined;
    at?: string | undefined;
  },
): Promise<EventRow> {
  const department = (await requireDepartment(tx, body.departmentId))!;
  return insertEvent(tx, {
    schoolId: author.schoolId,
    termId: term.id,
    departmentId: department.id,
    kind: departmentFindingKind(body.finding),
    title: body.note ?? body.finding,
    startsAt: body.at ? new Date(body.at) : author.now,
    status: 'closed',
    createdBy: author.personId,
  });
}
