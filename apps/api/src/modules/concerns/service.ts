import type { CompiledPlugin } from '@xinqiao/policy';
import { type Caller, can, requirePermission } from '../../auth/caller.ts';
import type { PageRequest } from '../../http/pagination.ts';
import { fieldError, invalidFields, problem } from '../../http/problem.ts';
import { enqueueJob } from '../../jobs/enqueue.ts';
import { recordAccess } from '../audit/record.ts';
import { schoolCalendar } from '../screening/calendar/service.ts';
import { loadResponsibleFinder } from '../screening/import/follow-up.ts';
import { studentNotFound, studentViewOf } from '../students/access.ts';
import { findStudent, unitPathOf } from '../students/queries.ts';
import { evaluateWarningsJob } from '../warnings/job.ts';
import { notifyReport } from './notify.ts';
import { checkedSigns, concernPolicyOf, dueAtOf, triageDeadlineOf } from './policy.ts';
import {
  type ConcernRow,
  findConcern,
  insertConcern,
  listConcernsToTriage,
  listFiledConcerns,
  stationHeadsOver,
} from './queries.ts';
import type { ConcernListFilter, NewConcernInput } from './schemas.ts';

/** Which reports a list shows: the ones to triage (full view), or the ones the caller filed (status only). */
export type ConcernView = 'triage' | 'filed';

/** Audits one action on a report, naming its student. */
export async function auditConcern(
  caller: Caller,
  action: string,
  row: Pick<ConcernRow, 'id' | 'studentId' | 'student'>,
) {
  await recordAccess(caller.tx, caller.me, {
    action,
    entity: 'concern_report',
    entityId: row.id,
    studentId: row.studentId,
    studentPath: row.student?.placementPath ?? null,
    purpose: caller.purpose,
  });
}

/** Whether the caller sees this report's student in full (and so the whole report), not only as its reporter. */
export function triagesReport(caller: Caller, row: ConcernRow): boolean {
  return (
    can(caller, 'concerns.triage') &&
    row.student !== null &&
    studentViewOf(caller.scope, row.student.placementPath) === 'full'
  );
}

/**
 * Files a concern about a student the caller sees (full or reduced view; 404 naming `studentId` for one they do
 * not, the same answer as for no such student). The signs are checked against the school's checklist (400 naming
 * `signs.<i>`), self-harm follows from them, the student's counsellor (found as screening follow-ups find them:
 * the nearest counsellor above the student, else the station head) becomes the assignee with the plugin's
 * deadline, and is told at once in the app (the station heads too when the plugin says so). Audited as
 * 'concern.create'. Returns the stored report.
 */
export async function fileConcern(
  caller: Caller,
  input: NewConcernInput,
  plugin: CompiledPlugin | undefined,
  now: Date,
): Promise<ConcernRow> {
  requirePermission(caller, 'concerns.report');
  const student = await findStudent(caller.tx, input.studentId);
  if (!student) throw studentNotFound().naming([fieldError('studentId', 'students.no-such-student')]);
  const policy = await concernPolicyOf(plugin, caller.me.school.code);
  const signs = checkedSigns(policy, input.signs, input.note);
  const selfHarm = signs.some((sign) => sign.selfHarm);
  const deadline = await triageDeadlineOf(policy, input.urgency, selfHarm);
  const dueAt = dueAtOf(deadline, now, await schoolCalendar(caller.tx));
  const assigneeId = (await loadResponsibleFinder(caller.tx)).responsibleFor(student.placementPath);
  const id = await insertConcern(caller.tx, {
    schoolId: caller.me.school.id,
    studentId: student.id,
    reporterId: caller.me.person.id,
    signs: signs.map((sign) => sign.code),
    note: input.note,
    urgency: input.urgency,
    selfHarm,
    assigneeId,
    dueAt,
    pluginId: policy.plugin.id,
    pluginVersion: policy.plugin.version,
    createdAt: now,
    updatedAt: now,
  });
  const heads = deadline.notifyStationHead ? await stationHeadsOver(caller.tx, student.placementPath) : [];
  // Never the reporter themself (a counsellor reporting their own student).
  const recipients = [...new Set([...(assigneeId ? [assigneeId] : []), ...heads])].filter(
    (person) => person !== caller.me.person.id,
  );
  await notifyReport(caller.tx, caller.me.school.id, {
    reportId: id,
    recipients,
    urgency: input.urgency,
    selfHarm,
    dueAt,
  });
  // Crisis signs are an early-warning signal too (warnings/signals.ts): evaluate now, not at the next daily run.
  if ((input.urgency === 'urgent' || selfHarm) && plugin?.areas.includes('early-warning')) {
    await enqueueJob(caller.tx, caller.me.school.id, evaluateWarningsJob, {});
  }
  const row = (await findConcern(caller.tx, id))!;
  await auditConcern(caller, 'concern.create', row);
  return row;
}

/** The view a list answers when none is asked for: triage for those who triage, their own reports for the others. */
export function defaultView(caller: Caller): ConcernView {
  return can(caller, 'concerns.triage') ? 'triage' : 'filed';
}

/**
 * One page of reports: to triage (`concerns.triage`; the students the caller sees in full, filtered) or filed by
 * the caller (`concerns.report`; status filter only); a `collegeId` that is no unit of the school is a 400 naming
 * it. Audited as one 'concern.list' row with the view and filter.
 */
export async function listConcerns(
  caller: Caller,
  view: ConcernView,
  filter: ConcernListFilter,
  page: PageRequest,
): Promise<{ rows: ConcernRow[]; total: number }> {
  requirePermission(caller, view === 'triage' ? 'concerns.triage' : 'concerns.report');
  // A college of another school is not one to filter by: refused, so its id is never written into the audit log.
  if (view === 'triage' && filter.collegeId && !(await unitPathOf(caller.tx, filter.collegeId))) {
    throw invalidFields([fieldError('collegeId', 'students.not-a-college')]);
  }
  const result =
    view === 'triage'
      ? await listConcernsToTriage(caller.tx, filter, page, caller.me.person.id)
      : await listFiledConcerns(caller.tx, caller.me.person.id, filter.status, page);
  await recordAccess(caller.tx, caller.me, {
    action: 'concern.list',
    entity: 'concern_report',
    entityId: JSON.stringify({ view, ...(view === 'triage' ? filter : { status: filter.status }), ...page }),
    studentId: null,
    purpose: caller.purpose,
  });
  return result;
}

/**
 * One report in the view the caller has of it: the whole report for someone who triages its student, the status
 * view for its reporter, 404 for everyone else. Audited as 'concern.read'.
 */
export async function readConcern(
  caller: Caller,
  id: string,
): Promise<{ row: ConcernRow; view: ConcernView }> {
  if (!can(caller, 'concerns.triage')) requirePermission(caller, 'concerns.report');
  const row = await findConcern(caller.tx, id);
  if (!row) throw problem('concerns.not-found');
  const view: ConcernView | null = triagesReport(caller, row)
    ? 'triage'
    : row.reporterId === caller.me.person.id
      ? 'filed'
      : null;
  if (!view) throw problem('concerns.not-found');
  await auditConcern(caller, 'concern.read', row);
  return { row, view };
}
