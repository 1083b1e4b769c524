import { type CaseStatus, studentReach, type TenantTx } from '@xinqiao/db';
import { sql } from 'drizzle-orm';
import { type Caller, requirePermission } from '../../auth/caller.ts';
import type { PageRequest } from '../../http/pagination.ts';
import { fieldError, invalidFields, type ProblemError, problem } from '../../http/problem.ts';
import { visibleStudentPlacement } from '../audit/queries.ts';
import { recordAccess } from '../audit/record.ts';
import { requireFullView } from '../students/access.ts';
import { findStudent } from '../students/queries.ts';
import {
  type CaseEntryRow,
  type CaseRow,
  caseEntriesOf,
  findCase,
  insertCase,
  insertCaseEntry,
  listCases,
  rolesOfPerson,
  updateCaseRow,
} from './queries.ts';
import type { CaseListFilter, CreateCaseInput, NewCaseEntry, UpdateCaseInput } from './schemas.ts';

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
 * `responsiblePersonId` otherwise. Returns the person's display name.
 */
export async function assertResponsible(
  tx: TenantTx,
  personId: string,
  studentPath: string,
): Promise<string> {
  const roles = await rolesOfPerson(tx, personId);
  const reaching = roles.find((r) => studentReach[r.role] === 'full' && studentPath.startsWith(r.unitPath));
  if (!reaching) {
    throw invalidFields([fieldError('responsiblePersonId', 'cases.responsible-out-of-reach')]);
  }
  return reaching.displayName;
}

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
  const result = await listCases(caller.tx, filter, page, today);
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
 * reduced view), owned by a responsible person whose role reaches the student. Audited as 'case.create'.
 */
export async function openCase(caller: Caller, input: CreateCaseInput, today: string): Promise<CaseRow> {
  requirePermission(caller, 'cases.write');
  const student = await findStudent(caller.tx, input.studentId);
  if (!student) throw invalidFields([fieldError('studentId', 'students.no-such-student')]);
  requireFullView(caller.scope, student.placementPath, 'open-case');
  assertNotPast('dueDate', input.dueDate, today);
  await assertResponsible(caller.tx, input.responsiblePersonId, student.placementPath);
  const id = await insertCase(caller.tx, {
    schoolId: caller.me.school.id,
    studentId: student.id,
    kind: input.kind,
    title: input.title,
    responsiblePersonId: input.responsiblePersonId,
    dueDate: input.dueDate,
    openedBy: caller.me.person.id,
  });
  const row = (await findCase(caller.tx, id))!;
  await audit(caller, 'case.create', row);
  return row;
}

interface PlannedChange {
  changes: Parameters<typeof updateCaseRow>[2];
  entries: { kind: 'status_change' | 'reassign' | 'due_date_change'; body: string }[];
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
    const name = await assertResponsible(caller.tx, input.responsiblePersonId, row.studentPath);
    plan.changes.responsiblePersonId = input.responsiblePersonId;
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
  await audit(caller, 'case.update', row);
  return (await findCase(caller.tx, id))!;
}

/** Appends a note, interview or contact to a case's timeline. Audited as 'case.add_entry'. */
export async function addCaseEntry(caller: Caller, id: string, input: NewCaseEntry): Promise<CaseEntryRow> {
  requirePermission(caller, 'cases.write');
  const row = await findCase(caller.tx, id);
  if (!row) throw caseNotFound();
  const entryId = await insertCaseEntry(caller.tx, {
    schoolId: caller.me.school.id,
    caseId: id,
    authorId: caller.me.person.id,
    ...input,
  });
  await audit(caller, 'case.add_entry', row);
  const entries = await caseEntriesOf(caller.tx, id);
  return entries.find((entry) => entry.id === entryId)!;
}
