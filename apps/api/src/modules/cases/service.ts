import { toChinaDate } from '@xinqiao/calendar';
import { type CaseStatus, type Role, studentReach, type TenantTx } from '@xinqiao/db';
import { sql } from 'drizzle-orm';
import { type Caller, can, requirePermission } from '../../auth/caller.ts';
import type { PageRequest } from '../../http/pagination.ts';
import { fieldError, invalidFields, type ProblemError, problem } from '../../http/problem.ts';
import { visibleStudentPlacement } from '../audit/queries.ts';
import { recordAccess } from '../audit/record.ts';
import { requireFullView } from '../students/access.ts';
import { findStudent } from '../students/queries.ts';
import { notifyResponsible } from './notify.ts';
import {
  type CaseEntryRow,
  type CaseRow,
  caseEntriesOf,
  findCase,
  type InterviewRecord,
  insertCase,
  insertCaseEntry,
  listCases,
  rolesOfPerson,
  updateCaseRow,
} from './queries.ts';
import type {
  CaseListFilter,
  CreateCaseInput,
  NewCaseEntry,
  NewInterview,
  UpdateCaseInput,
} from './schemas.ts';

/** The statuses a case may move on to: forward only, and a closed case stays closed. */
const nextStatuses: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['in_progress', 'closed'],
  in_progress: ['closed'],
  closed: [],
};

function caseNotFound(): ProblemError {
  return problem('cases.not-found');
}

/**
 * Checks that `personId` may be responsible for a student placed at `studentPath`: a person of the caller's school
 * (RLS hides the others), not disabled, holding a full-view role whose unit reaches the student. 400 naming
 * `responsiblePersonId` otherwise. Returns the person's display name and roles.
 */
export async function assertResponsible(
  tx: TenantTx,
  personId: string,
  studentPath: string,
): Promise<{ name: string; roles: Role[] }> {
  const roles = await rolesOfPerson(tx, personId);
  const reaching = roles.find((r) => studentReach[r.role] === 'full' && studentPath.startsWith(r.unitPath));
  if (!reaching) {
    throw invalidFields([fieldError('responsiblePersonId', 'cases.responsible-out-of-reach')]);
  }
  return { name: reaching.displayName, roles: roles.map((r) => r.role) };
}

/** Whether the caller reads screening decisions (the tier and reasons behind a follow-up). */
export const readsScreening = (caller: Caller) => can(caller, 'screening.read');

function assertNotPast(field: string, date: string, today: string): void {
  if (date < today) throw invalidFields([fieldError(field, 'cases.date-in-past', { today })]);
}

async function audit(caller: Caller, action: string, row: Pick<CaseRow, 'id' | 'studentId' | 'studentPath'>) {
  await recordAccess(caller.tx, caller.me, {
    action,
    entity: 'case',
    entityId: row.id,
    studentId: row.studentId,
    studentPath: row.studentPath,
    purpose: caller.purpose,
  });
}

/** A case and its timeline, audited as 'case.read'; 404 when the caller does not see the student in full. */
export async function readCase(
  caller: Caller,
  id: string,
): Promise<{ row: CaseRow; entries: CaseEntryRow[] }> {
  requirePermission(caller, 'cases.read');
  const row = await findCase(caller.tx, id);
  if (!row) throw caseNotFound();
  await audit(caller, 'case.read', row);
  return { row, entries: await caseEntriesOf(caller.tx, id) };
}

/**
 * One page of the cases the caller sees. Audited as ONE 'case.list' row with the filter as entity id rather than
 * one row per case: the filter and the caller determine what was shown.
 */
export async function listVisibleCases(
  caller: Caller,
  filter: CaseListFilter,
  page: PageRequest,
  today: string,
): Promise<{ rows: CaseRow[]; total: number }> {
  requirePermission(caller, 'cases.read');
  const result = await listCases(caller.tx, filter, page, today, caller.me.person.id);
  // A filter may name any id: the audit row keeps a student's id only when the caller sees the student, so the
  // school's log never carries ids of another school's students that someone typed into a query.
  const named = filter.studentId ? await visibleStudentPlacement(caller.tx, filter.studentId) : undefined;
  const shownFilter = filter.studentId && !named ? { ...filter, studentId: 'not-visible' } : filter;
  await recordAccess(caller.tx, caller.me, {
    action: 'case.list',
    entity: 'case',
    entityId: JSON.stringify({ ...shownFilter, ...page }),
    studentId: named?.id ?? null,
    purpose: caller.purpose,
  });
  return result;
}

/**
 * Opens a case about a student the caller sees in full (400 naming `studentId` if not visible, 403 in the
 * reduced view), owned by a responsible person whose role reaches the student, or left unassigned for the
 * station or the center to assign. The responsible person (not the caller) is notified. Audited as 'case.create'.
 */
export async function openCase(caller: Caller, input: CreateCaseInput, today: string): Promise<CaseRow> {
  requirePermission(caller, 'cases.write');
  const student = await findStudent(caller.tx, input.studentId);
  if (!student) throw invalidFields([fieldError('studentId', 'students.no-such-student')]);
  requireFullView(caller.scope, student.placementPath, 'open-case');
  assertNotPast('dueDate', input.dueDate, today);
  const responsibleId = input.responsiblePersonId ?? null;
  const responsible = responsibleId
    ? await assertResponsible(caller.tx, responsibleId, student.placementPath)
    : null;
  const id = await insertCase(caller.tx, {
    schoolId: caller.me.school.id,
    studentId: student.id,
    kind: input.kind,
    title: input.title,
    responsiblePersonId: responsibleId,
    dueDate: input.dueDate,
    openedBy: caller.me.person.id,
    assignedAt: responsibleId ? sql`now()` : null,
    assignedBy: responsibleId ? caller.me.person.id : null,
  });
  const row = (await findCase(caller.tx, id))!;
  if (responsibleId && responsible) await notifyResponsible(caller, row, responsibleId, responsible.roles);
  await audit(caller, 'case.create', row);
  return row;
}

interface PlannedChange {
  changes: Parameters<typeof updateCaseRow>[2];
  entries: { kind: 'status_change' | 'reassign' | 'due_date_change'; body: string }[];
  /** The new responsible person to notify, with their roles (for the link). */
  handedTo?: { personId: string; roles: Role[] };
}

async function planChange(
  caller: Caller,
  row: CaseRow,
  input: UpdateCaseInput,
  today: string,
): Promise<PlannedChange> {
  const plan: PlannedChange = { changes: {}, entries: [] };
  if (row.status === 'closed') throw invalidFields([fieldError('status', 'cases.closed')]);
  if (input.status && input.status !== row.status) {
    if (!nextStatuses[row.status].includes(input.status)) {
      throw invalidFields([
        fieldError('status', 'cases.status-transition', { from: row.status, to: input.status }),
      ]);
    }
    plan.changes.status = input.status;
    if (input.status === 'closed') plan.changes.closedAt = sql`now()`;
    plan.entries.push({ kind: 'status_change', body: `${row.status} → ${input.status}` });
  }
  if (input.responsiblePersonId && input.responsiblePersonId !== row.responsiblePersonId) {
    const { name, roles } = await assertResponsible(caller.tx, input.responsiblePersonId, row.studentPath);
    plan.changes.responsiblePersonId = input.responsiblePersonId;
    plan.changes.assignedAt = sql`now()`;
    plan.changes.assignedBy = caller.me.person.id;
    plan.handedTo = { personId: input.responsiblePersonId, roles };
    plan.entries.push({ kind: 'reassign', body: `${row.responsibleName ?? '—'} → ${name}` });
  }
  if (input.dueDate && input.dueDate !== row.dueDate) {
    assertNotPast('dueDate', input.dueDate, today);
    plan.changes.dueDate = input.dueDate;
    plan.entries.push({ kind: 'due_date_change', body: `${row.dueDate ?? '—'} → ${input.dueDate}` });
  }
  if (input.title && input.title !== row.title) plan.changes.title = input.title;
  // The reason given goes with the first entry the change writes.
  if (input.note && plan.entries[0]) plan.entries[0].body += `\n${input.note}`;
  return plan;
}

/**
 * Changes a case: status forward only (open → in_progress → closed, closing stamps closedAt), responsible person,
 * due date, title. Each status change, reassignment and due-date change appends its entry to the timeline.
 * Everything is checked before anything is written. Audited as 'case.update' ('case.read' if nothing changed).
 */
export async function changeCase(
  caller: Caller,
  id: string,
  input: UpdateCaseInput,
  today: string,
): Promise<CaseRow> {
  requirePermission(caller, 'cases.write');
  const row = await findCase(caller.tx, id);
  if (!row) throw caseNotFound();
  const plan = await planChange(caller, row, input, today);
  if (Object.keys(plan.changes).length === 0) {
    // Nothing to change, but the case is still answered: that is a read, and reads are audited too.
    await audit(caller, 'case.read', row);
    return row;
  }
  await updateCaseRow(caller.tx, id, plan.changes);
  for (const entry of plan.entries) {
    await insertCaseEntry(caller.tx, {
      schoolId: caller.me.school.id,
      caseId: id,
      authorId: caller.me.person.id,
      ...entry,
    });
  }
  if (plan.handedTo) await notifyResponsible(caller, row, plan.handedTo.personId, plan.handedTo.roles);
  await audit(caller, 'case.update', row);
  return (await findCase(caller.tx, id))!;
}

/** How far ahead of the server's clock a talk's time may be (a phone's clock running a little fast). */
const CLOCK_SLACK_MS = 2 * 60_000;

/**
 * The checked record of a talk: it took place by now (`now`, the app's clock) and not before the case was opened
 * (to the minute), and its next step is not due before the day of the talk. 400 naming the field otherwise.
 */
export function interviewRecord(
  input: NewInterview,
  row: Pick<CaseRow, 'createdAt'>,
  now: Date,
): InterviewRecord {
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt.getTime() > now.getTime() + CLOCK_SLACK_MS) {
    throw invalidFields([fieldError('occurredAt', 'cases.talk-in-future')]);
  }
  const opened = new Date(row.createdAt);
  opened.setUTCSeconds(0, 0);
  if (occurredAt < opened) {
    throw invalidFields([fieldError('occurredAt', 'cases.talk-before-case')]);
  }
  if (input.nextStepOn && input.nextStepOn < toChinaDate(occurredAt)) {
    throw invalidFields([fieldError('nextStepOn', 'cases.next-step-before-talk')]);
  }
  return {
    occurredAt,
    method: input.method,
    outcome: input.outcome,
    riskLevel: input.riskLevel,
    nextStep: input.nextStep || null,
    nextStepOn: input.nextStepOn ?? null,
  };
}

/**
 * Appends a note, contact or interview to a case's timeline. An interview records when it took place (what the
 * interview KPI counts), how, its outcome, the risk judgement and the next step (see {@link interviewRecord}).
 * Audited as 'case.add_entry'.
 */
export async function addCaseEntry(
  caller: Caller,
  id: string,
  input: NewCaseEntry,
  now: Date,
): Promise<CaseEntryRow> {
  requirePermission(caller, 'cases.write');
  const row = await findCase(caller.tx, id);
  if (!row) throw caseNotFound();
  const record = input.kind === 'interview' ? interviewRecord(input, row, now) : {};
  const entryId = await insertCaseEntry(caller.tx, {
    schoolId: caller.me.school.id,
    caseId: id,
    authorId: caller.me.person.id,
    kind: input.kind,
    body: input.body,
    ...record,
  });
  await audit(caller, 'case.add_entry', row);
  const entries = await caseEntriesOf(caller.tx, id);
  return entries.find((entry) => entry.id === entryId)!;
}
