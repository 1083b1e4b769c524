import { toChinaDate } from '@xinqiao/calendar';
import type { ConcernOutcome, ConcernStatus } from '@xinqiao/db';
import type { ConcernSign } from '@xinqiao/policy';
import { type Caller, requirePermission } from '../../auth/caller.ts';
import { fieldError, invalidFields, problem } from '../../http/problem.ts';
import { notifyReporter } from './notify.ts';
import { signsOf } from './policy.ts';
import {
  type ConcernRow,
  findCaseBrief,
  findConcern,
  insertCaseFromConcern,
  insertCaseNote,
  updateConcern,
} from './queries.ts';
import type { TriageInput } from './schemas.ts';
import { auditConcern, triagesReport } from './service.ts';

/** What a triage decided: the report's new status and outcome, the case it went to, the reason it was closed. */
interface Decided {
  status: ConcernStatus;
  outcome: ConcernOutcome;
  caseId: string | null;
  closeReason: string | null;
}

/** The report as a note in its case: when, who saw it, the signs in words, and what they wrote. */
function caseNoteOf(row: ConcernRow, signs: readonly ConcernSign[]): string {
  const seen = signs.map((sign) => sign.zh).join('、') || '—';
  const head = `关注报告 / Concern report（${toChinaDate(row.createdAt)}，${row.reporterName}）：${seen}`;
  return row.note ? `${head}\n${row.note}` : head;
}

function closeWithReason(input: TriageInput): Decided {
  const reason = input.reason?.trim();
  if (!reason) throw invalidFields([fieldError('reason', 'concerns.reason-required')]);
  return { status: 'closed', outcome: 'closed', caseId: null, closeReason: reason };
}

async function addToCase(
  caller: Caller,
  row: ConcernRow,
  input: TriageInput,
  note: string,
): Promise<Decided> {
  if (!input.caseId) throw invalidFields([fieldError('caseId', 'concerns.case-required')]);
  const target = await findCaseBrief(caller.tx, input.caseId);
  if (!target || target.studentId !== row.studentId) {
    throw invalidFields([fieldError('caseId', 'concerns.case-of-another-student')]);
  }
  if (target.status === 'closed') throw invalidFields([fieldError('caseId', 'concerns.case-closed')]);
  await insertCaseNote(caller.tx, {
    schoolId: caller.me.school.id,
    caseId: target.id,
    authorId: caller.me.person.id,
    body: note,
  });
  return { status: 'handling', outcome: 'added_to_case', caseId: target.id, closeReason: null };
}

async function openCaseFrom(
  caller: Caller,
  row: ConcernRow,
  input: TriageInput,
  signs: readonly ConcernSign[],
  today: string,
): Promise<Decided> {
  if (!input.dueDate) throw invalidFields([fieldError('dueDate', 'concerns.due-date-required')]);
  if (input.dueDate < today) throw invalidFields([fieldError('dueDate', 'cases.date-in-past', { today })]);
  const caseId = await insertCaseFromConcern(caller.tx, {
    schoolId: caller.me.school.id,
    studentId: row.studentId,
    kind: input.caseKind,
    title: input.title ?? `关注报告：${signs.map((sign) => sign.zh).join('、') || row.note.slice(0, 40)}`,
    // The student's counsellor the report was given to, or whoever triages it when nobody was found.
    responsiblePersonId: row.assigneeId ?? caller.me.person.id,
    dueDate: input.dueDate,
    openedBy: caller.me.person.id,
    selfHarm: row.selfHarm,
  });
  await insertCaseNote(caller.tx, {
    schoolId: caller.me.school.id,
    caseId,
    authorId: caller.me.person.id,
    body: caseNoteOf(row, signs),
  });
  return { status: 'handling', outcome: 'case_opened', caseId, closeReason: null };
}

/** Tells the reporter (unless they triaged it themself) that the status changed: the status only. */
async function tellReporter(caller: Caller, row: ConcernRow, status: ConcernStatus): Promise<void> {
  if (row.reporterId === caller.me.person.id) return;
  await notifyReporter(caller.tx, caller.me.school.id, row.reporterId, status);
}

/**
 * Triages a report about a student the caller sees in full (404 otherwise; 409 when it was triaged already):
 * opens a follow-up or support case from it (due `dueDate`, 400 naming it when missing or past; the case carries
 * the report's self-harm flag and the report as its first note, and goes to the report's assignee), adds it to an
 * open case of the same student (400 naming `caseId` otherwise), or closes it (400 naming `reason` without one).
 * Everything is checked before anything is written. The reporter is told the new status. Audited as
 * 'concern.triage'.
 */
export async function triageConcern(
  caller: Caller,
  id: string,
  input: TriageInput,
  checklist: readonly ConcernSign[],
  now: Date,
): Promise<ConcernRow> {
  requirePermission(caller, 'concerns.triage');
  const row = await findConcern(caller.tx, id);
  if (!row || !triagesReport(caller, row)) throw problem('concerns.not-found');
  if (row.status !== 'received') throw problem('concerns.already-triaged');
  const signs = signsOf(row.signs, checklist);
  const decided =
    input.action === 'close'
      ? closeWithReason(input)
      : input.action === 'add_to_case'
        ? await addToCase(caller, row, input, caseNoteOf(row, signs))
        : await openCaseFrom(caller, row, input, signs, toChinaDate(now));
  await updateConcern(caller.tx, id, { ...decided, triagedBy: caller.me.person.id, triagedAt: now });
  await tellReporter(caller, row, decided.status);
  await auditConcern(caller, 'concern.triage', row);
  return (await findConcern(caller.tx, id))!;
}
