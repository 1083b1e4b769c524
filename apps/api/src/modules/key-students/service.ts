import { type Caller, requirePermission } from '../../auth/caller.ts';
import type { PageRequest } from '../../http/pagination.ts';
import { fieldError, problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { loadResponsibleFinder } from '../screening/import/follow-up.ts';
import { studentNotFound, studentViewOf } from '../students/access.ts';
import { findStudent } from '../students/queries.ts';
import {
  findRosterRow,
  hasOpenRow,
  insertRosterRow,
  openCaseRows,
  openRosterRows,
  type RosterRow,
  updateRosterRow,
} from './queries.ts';
import type { KeyStudentFilter, NewKeyStudentInput } from './schemas.ts';

/**
 * Work plan 5 of seed 003: "每周与重点关注学生谈心谈话一次" — a talk with each key student every week. The school's
 * plugin is to set it (not yet: see the module README); until then every school gets the seed's week.
 */
export const TALK_INTERVAL_DAYS = 7;
const DAY_MS = 86_400_000;

/** A roster entry with its talk deadline: the last talk (or the day it came on the roster) plus the interval. */
export interface KeyStudentEntry extends RosterRow {
  talkDueAt: Date;
  overdue: boolean;
}

function withTalkDue(row: RosterRow, now: Date): KeyStudentEntry {
  const from = row.lastTalkAt && row.lastTalkAt > row.since ? row.lastTalkAt : row.since;
  const talkDueAt = new Date(from.getTime() + TALK_INTERVAL_DAYS * DAY_MS);
  return { ...row, talkDueAt, overdue: talkDueAt.getTime() < now.getTime() };
}

/**
 * The whole roster the caller sees (RLS: students in full view): the stored rows, and every other student with an
 * open case (tier-1 follow-ups included), computed when asked rather than written by the import, so the import's
 * one-statement batches stay as they are and a closed case takes its student off by itself.
 */
export async function rosterOf(caller: Caller, now: Date): Promise<KeyStudentEntry[]> {
  const stored = await openRosterRows(caller.tx);
  const onRoster = new Set(stored.map((row) => row.studentId));
  const byCase: RosterRow[] = [];
  for (const row of await openCaseRows(caller.tx)) {
    if (onRoster.has(row.studentId)) continue;
    onRoster.add(row.studentId);
    byCase.push(row);
  }
  return [...stored, ...byCase].map((row) => withTalkDue(row, now));
}

/** The roster, filtered (counsellor, college, overdue) and paged, overdue talks first, then by deadline. */
export async function listKeyStudents(
  caller: Caller,
  filter: KeyStudentFilter,
  page: PageRequest,
  now: Date,
): Promise<{ rows: KeyStudentEntry[]; total: number }> {
  requirePermission(caller, 'key-students.manage');
  const counsellorId = filter.counsellor === 'me' ? caller.me.person.id : filter.counsellor;
  const rows = (await rosterOf(caller, now))
    .filter((row) => !counsellorId || row.counsellorId === counsellorId)
    .filter((row) => !filter.collegeId || row.collegeId === filter.collegeId)
    .filter((row) => filter.overdue === undefined || row.overdue === (filter.overdue === 'true'))
    .sort((a, b) => a.talkDueAt.getTime() - b.talkDueAt.getTime());
  const start = (page.page - 1) * page.pageSize;
  return { rows: rows.slice(start, start + page.pageSize), total: rows.length };
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

/** Asks to take a student off the roster, with a reason; the station head approves. Audited. */
export async function requestRemoval(caller: Caller, id: string, reason: string, now: Date): Promise<void> {
  requirePermission(caller, 'key-students.manage');
  const row = await openRowOrThrow(caller, id);
  await updateRosterRow(caller.tx, id, {
    removalReason: reason,
    removalRequestedBy: caller.me.person.id,
    removalRequestedAt: now,
  });
  await audit(caller, 'key-student.request-removal', id, row.studentId, null);
}

/** Approves a removal someone asked for (station heads, the center); 409 when none was asked for. Audited. */
export async function approveRemoval(caller: Caller, id: string, now: Date): Promise<void> {
  requirePermission(caller, 'key-students.approve');
  const row = await openRowOrThrow(caller, id);
  if (!row.removalRequestedAt) throw problem('key-students.no-removal-requested');
  await updateRosterRow(caller.tx, id, { removedBy: caller.me.person.id, removedAt: now });
  await audit(caller, 'key-student.remove', id, row.studentId, null);
}
