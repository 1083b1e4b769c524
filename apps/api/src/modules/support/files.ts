import { chinaToday } from '@xinqiao/calendar';
import { planParts, type ResponsibleKind } from '@xinqiao/db';
import { type Caller, can, requirePermission } from '../../auth/caller.ts';
import { fieldError, invalidFields, problem } from '../../http/problem.ts';
import { notifyHelperNamed } from './notify.ts';
import { categoriesOf, presentResponsible } from './present.ts';
import {
  contactsOf,
  type FullFileRow,
  filesOfStudent,
  findFile,
  findClass as findUnit,
  helpersFor,
  insertContact,
  insertNote,
  notesOf,
  peopleByIds,
  rolesAbove,
  studentsByIds,
  updateFile,
} from './queries.ts';
import type { ContactInput, PlanInput } from './schemas.ts';
import { auditSupport } from './service.ts';
import { termEnd, termLabel } from './terms.ts';

const STAFF_KINDS: readonly ResponsibleKind[] = ['head_teacher', 'counsellor', 'teacher'];

/** The file (404 for one the caller may not read: the same answer as for none). */
export async function fileOf(caller: Caller, id: string): Promise<FullFileRow> {
  const row = await findFile(caller.tx, id);
  if (!row) throw problem('support.file-not-found');
  return row;
}

const studentOf = (row: FullFileRow) => ({ id: row.file.studentId, placementPath: row.placementPath });

/** A support file with its student, logs and helpers; every read audited with the student. */
export async function readFile(caller: Caller, id: string, action = 'support_file.read') {
  requirePermission(caller, 'support.read');
  const row = await fileOf(caller, id);
  const { file } = row;
  const [[student], notes, contacts, helpers, klass] = await Promise.all([
    studentsByIds(caller.tx, [file.studentId]),
    notesOf(caller.tx, id),
    contactsOf(caller.tx, id),
    helpersFor(caller.tx, row.placementPath),
    findUnit(caller.tx, row.list.classUnitId),
  ]);
  const names = await helperNames(caller, file.responsiblePersonId, file.responsibleStudentId);
  await auditSupport(caller, action, 'support_file', id, studentOf(row));
  return {
    id: file.id,
    term: row.list.term,
    termLabel: termLabel(row.list.term),
    termEnd: termEnd(row.list.term),
    listId: file.listId,
    student: {
      id: file.studentId,
      name: student?.name ?? '',
      studentNumber: student?.studentNumber ?? '',
      className: klass?.name ?? '',
      phone: student?.phone ?? null,
      guardians: student?.guardians ?? [],
    },
    categories: categoriesOf(row.entry.categories),
    facts: row.entry.facts,
    parentContact: row.entry.parentContact
      ? { zh: row.entry.parentContact.zh, en: row.entry.parentContact.en }
      : null,
    responsible: presentResponsible(
      file.responsibleKind,
      file.responsiblePersonId,
      file.responsibleStudentId,
      names,
    ),
    plan: file.plan,
    planWrittenAt: file.planWrittenAt?.toISOString() ?? null,
    planDueOn: file.planDueOn,
    parentContactDueOn: file.parentContactDueOn,
    notes: notes.map(({ note, author }) => ({
      id: note.id,
      occurredOn: note.occurredOn,
      note: note.note,
      author,
    })),
    contacts: contacts.map(({ contact, recorder }) => ({
      id: contact.id,
      contactedAt: contact.contactedAt.toISOString(),
      method: contact.method,
      contactedPerson: contact.contactedPerson,
      agreed: contact.agreed,
      invitedToCampus: contact.invitedToCampus,
      recorder,
    })),
    evaluation: file.evaluation,
    evaluatedAt: file.evaluatedAt?.toISOString() ?? null,
    canManage: can(caller, 'support.manage'),
    helpers: helpers.map((h) => ({ id: h.id, name: h.name, role: h.role, unitName: h.unit_name })),
  };
}

export type SupportFile = Awaited<ReturnType<typeof readFile>>;

async function helperNames(caller: Caller, personId: string | null, studentId: string | null) {
  const [staff, helpers] = await Promise.all([
    peopleByIds(caller.tx, personId ? [personId] : []),
    studentsByIds(caller.tx, studentId ? [studentId] : []),
  ]);
  return new Map([
    ...staff.map((p) => [p.id, p.name] as const),
    ...helpers.map((s) => [s.id, s.name] as const),
  ]);
}

/** The support files of a student, newest term first (the student file's "strategy"). */
export async function filesOfStudentFor(caller: Caller, studentId: string) {
  requirePermission(caller, 'support.read');
  const files = await filesOfStudent(caller.tx, studentId);
  const [student] = await studentsByIds(caller.tx, [studentId]);
  if (student && files.length > 0) {
    await auditSupport(caller, 'support_file.list', 'student', studentId, student);
  }
  return { files: files.map((f) => ({ id: f.id, term: f.term, termLabel: termLabel(f.term) })) };
}

/**
 * Names the responsible person (帮扶责任人): a staff member with a role on the student's branch, or a student of
 * the same college as party member or student helper; anyone else is refused naming `personId` or `studentId`.
 */
export async function nameResponsible(
  caller: Caller,
  id: string,
  input: { kind: ResponsibleKind; personId?: string | undefined; studentId?: string | undefined },
) {
  requirePermission(caller, 'support.manage');
  const row = await fileOf(caller, id);
  const staff = STAFF_KINDS.includes(input.kind);
  if (staff && !input.personId)
    throw invalidFields([fieldError('personId', 'support.helper-kind', { kind: 'staff' })]);
  if (!staff && !input.studentId) {
    throw invalidFields([fieldError('studentId', 'support.helper-kind', { kind: 'student' })]);
  }
  if (staff) {
    const roles = await rolesAbove(caller.tx, input.personId!, row.placementPath);
    const runs = roles.some((r) =>
      ['counsellor', 'head_teacher', 'college_station_head', 'center_staff', 'center_director'].includes(
        r.role,
      ),
    );
    if (!runs) throw invalidFields([fieldError('personId', 'support.helper-outside-network')]);
  } else {
    const [helper] = await studentsByIds(caller.tx, [input.studentId!]);
    const [student] = await studentsByIds(caller.tx, [row.file.studentId]);
    if (!helper || !student || helper.id === student.id || helper.collegeUnitId !== student.collegeUnitId) {
      throw invalidFields([fieldError('studentId', 'support.helper-outside-network')]);
    }
  }
  await updateFile(caller.tx, id, {
    responsibleKind: input.kind,
    responsiblePersonId: staff ? input.personId! : null,
    responsibleStudentId: staff ? null : input.studentId!,
  });
  if (staff && input.personId !== caller.me.person.id) {
    await notifyHelperNamed(caller, id, input.personId!, row.file.planDueOn);
  }
  await auditSupport(caller, 'support_file.name_responsible', 'support_file', id, studentOf(row));
}

/** The plan in the seed's six contents; at least one written. Only a student on the confirmed list has a file. */
export async function writePlan(caller: Caller, id: string, plan: PlanInput, now: Date) {
  requirePermission(caller, 'support.write');
  const row = await fileOf(caller, id);
  if (row.entry.status !== 'confirmed') throw invalidFields([fieldError('id', 'support.not-on-list')]);
  const written = Object.fromEntries(planParts.flatMap((part) => (plan[part] ? [[part, plan[part]]] : [])));
  if (Object.keys(written).length === 0) throw invalidFields([fieldError('plan', 'support.plan-empty')]);
  await updateFile(caller.tx, id, { plan: written, planWrittenAt: row.file.planWrittenAt ?? now });
  await auditSupport(caller, 'support_file.plan', 'support_file', id, studentOf(row));
}

const notFuture = (field: string, day: string, now: Date) => {
  if (day > chinaToday(now)) throw invalidFields([fieldError(field, 'support.in-future')]);
};

/** A dated note of the support given (帮扶过程记录). */
export async function addNote(
  caller: Caller,
  id: string,
  input: { occurredOn: string; note: string },
  now: Date,
) {
  requirePermission(caller, 'support.write');
  const row = await fileOf(caller, id);
  notFuture('occurredOn', input.occurredOn, now);
  await insertNote(caller.tx, {
    schoolId: caller.me.school.id,
    fileId: id,
    occurredOn: input.occurredOn,
    note: input.note,
    writtenBy: caller.me.person.id,
  });
  await auditSupport(caller, 'support_file.note', 'support_file', id, studentOf(row));
}

/** A parent contact (家长联系记录); the first one settles the parent contact that was due. */
export async function addContact(caller: Caller, id: string, input: ContactInput, now: Date) {
  requirePermission(caller, 'support.write');
  const row = await fileOf(caller, id);
  const at = new Date(input.contactedAt);
  if (at.getTime() > now.getTime() + 60_000)
    throw invalidFields([fieldError('contactedAt', 'support.in-future')]);
  await insertContact(caller.tx, {
    schoolId: caller.me.school.id,
    fileId: id,
    contactedAt: at,
    method: input.method,
    contactedPerson: input.contactedPerson,
    agreed: input.agreed,
    invitedToCampus: input.invitedToCampus,
    recordedBy: caller.me.person.id,
  });
  if (row.file.parentContactDueOn) await updateFile(caller.tx, id, { parentContactDueOn: null });
  await auditSupport(caller, 'support_file.parent_contact', 'support_file', id, studentOf(row));
}

/** The head teacher's evaluation (班主任效果评价): refused before the term's last teaching day. */
export async function evaluateFile(caller: Caller, id: string, evaluation: string, now: Date) {
  requirePermission(caller, 'support.manage');
  const row = await fileOf(caller, id);
  const end = termEnd(row.list.term);
  if (chinaToday(now) < end) {
    throw invalidFields([fieldError('evaluation', 'support.before-term-end', { termEnd: end })]);
  }
  await updateFile(caller.tx, id, { evaluation, evaluatedAt: now, evaluatedBy: caller.me.person.id });
  await auditSupport(caller, 'support_file.evaluate', 'support_file', id, studentOf(row));
}
