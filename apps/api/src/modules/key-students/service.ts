import { type Caller, requirePermission } from '../../auth/caller.ts';
import { limitOffset, type PageRequest } from '../../http/pagination.ts';
import { fieldError, problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { loadResponsibleFinder } from '../screening/import/follow-up.ts';
import { studentNotFound, studentViewOf } from '../students/access.ts';
import { findStudent } from '../students/queries.ts';
import type { KeyStudentPolicy } from './policy.ts';
import {
  findRosterRow,
  hasOpenRow,
  insertRosterRow,
  type RosterFilter,
  type RosterRow,
  rosterRows,
  updateRosterRow,
} from './queries.ts';
import type { KeyStudentFilter, NewKeyStudentInput } from './schemas.ts';

/** A roster entry with the interval it was counted with (the school's plugin, `key-students` step `talk`). */
export interface KeyStudentEntry extends RosterRow {
  intervalDays: number;
}

/**
 * The roster the caller sees (RLS: students in full view), filtered in the database: the stored rows, and every
 * other student with an open case (tier-1 follow-ups included), computed when asked rather than written by the
 * import, so the import's one-statement batches stay as they are and a closed case takes its student off by itself.
 * A talk is due the plugin's interval after the last one (work plan 5: a week).
 */
export async function rosterOf(
  caller: Caller,
  policy: KeyStudentPolicy,
  now: Date,
  filter: RosterFilter = {},
): Promise<KeyStudentEntry[]> {
  const { rows } = await rosterRows(caller.tx, { intervalDays: policy.talkIntervalDays, now, filter });
  return rows.map((row) => ({ ...row, intervalDays: policy.talkIntervalDays }));
}

/**
 * The roster, filtered (counsellor, college, source, overdue, removal asked for, name) and paged by the database.
 * Audited as 'key-student.list'.
 */
export async function listKeyStudents(
  caller: Caller,
  policy: KeyStudentPolicy,
  filter: KeyStudentFilter,
  page: PageRequest,
  now: Date,
): Promise<{ rows: KeyStudentEntry[]; total: number }> {
  requirePermission(caller, 'key-students.manage');
  const { rows, total } = await rosterRows(caller.tx, {
    intervalDays: policy.talkIntervalDays,
    now,
    filter: {
      counsellorId: filter.counsellor === 'me' ? caller.me.person.id : filter.counsellor,
      collegeId: filter.collegeId,
      source: filter.source,
      overdue: filter.overdue === undefined ? undefined : filter.overdue === 'true',
      removalRequested:
        filter.removalRequested === undefined ? undefined : filter.removalRequested === 'true',
      q: filter.q,
    },
    page: limitOffset(page),
  });
  // Who is a key student and why is sensitive: the list is audited like a list of cases (the filter as typed; an id
  // of nothing the caller sees is written as not-visible).
  await recordAccess(caller.tx, caller.me, {
    action: 'key-student.list',
    entity: 'key_student',
    entityId: JSON.stringify({ ...filter, ...page }),
    studentId: null,
    purpose: caller.purpose,
  });
  return { rows: rows.map((row) => ({ ...row, intervalDays: policy.talkIntervalDays })), total };
}

async function audit(caller: Caller, action: string, id: string, studentId: string, path: string | null) {
  await recordAccess(caller.tx, caller.me, {
    action,
    entity: 'key_student',
    entityId: id,
    studentId,
    studentPath: path,
    purpose: caller.purpose,
  });
}

/**
 * Puts a student the caller sees in full on the roster with a reason (404 naming `studentId` otherwise, 409 when
 * they are on it already). The student's counsellor (as follow-ups find them) owns the entry. Audited.
 */
export async function addKeyStudent(caller: Caller, input: NewKeyStudentInput, now: Date): Promise<string> {
  requirePermission(caller, 'key-students.manage');
  const student = await findStudent(caller.tx, input.studentId);
  if (!student || studentViewOf(caller.scope, student.placementPath) !== 'full') {
    throw studentNotFound().naming([fieldError('studentId', 'students.no-such-student')]);
  }
  if (await hasOpenRow(caller.tx, student.id)) throw problem('key-students.already-on-roster');
  const counsellorId = (await loadResponsibleFinder(caller.tx)).responsibleFor(student.placementPath);
  const id = await insertRosterRow(caller.tx, {
    schoolId: caller.me.school.id,
    studentId: student.id,
    counsellorId: counsellorId ?? caller.me.person.id,
    source: 'manual',
    reason: input.reason,
    addedBy: caller.me.person.id,
    addedAt: now,
  });
  await audit(caller, 'key-student.add', id, student.id, student.placementPath);
  return id;
}

async function openRowOrThrow(caller: Caller, id: string) {
  const row = await findRosterRow(caller.tx, id);
  if (!row || row.removedAt) throw problem('key-students.not-found');
  return row;
}

/**
 * Asks to take a student off the roster, with a reason. Where the school's plugin has the station head approve
 * (`key-students` step `removal`), the entry waits for it; otherwise it is taken off at once. Answers whether it was.
 * Audited.
 */
export async function requestRemoval(
  caller: Caller,
  policy: KeyStudentPolicy,
  id: string,
  reason: string,
  now: Date,
): Promise<{ removed: boolean }> {
  requirePermission(caller, 'key-students.manage');
  const row = await openRowOrThrow(caller, id);
  const asked = { removalReason: reason, removalRequestedBy: caller.me.person.id, removalRequestedAt: now };
  if (policy.stationHeadApproves) {
    await updateRosterRow(caller.tx, id, asked);
    await audit(caller, 'key-student.request-removal', id, row.studentId, null);
    return { removed: false };
  }
  await updateRosterRow(caller.tx, id, { ...asked, removedBy: caller.me.person.id, removedAt: now });
  await audit(caller, 'key-student.remove', id, row.studentId, null);
  return { removed: true };
}

/** Approves a removal someone asked for (station heads, the center); 409 when none was asked for. Audited. */
export async function approveRemoval(caller: Caller, id: string, now: Date): Promise<void> {
  requirePermission(caller, 'key-students.approve');
  const row = await openRowOrThrow(caller, id);
  if (!row.removalRequestedAt) throw problem('key-students.no-removal-requested');
  await updateRosterRow(caller.tx, id, { removedBy: caller.me.person.id, removedAt: now });
  await audit(caller, 'key-student.remove', id, row.studentId, null);
}
