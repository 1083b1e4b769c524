import type { z } from '@hono/zod-openapi';
import { requirePermission } from '../../../auth/caller.ts';
import { type AllianceCaller, requireScorer, writerOf } from '../access.ts';
import * as attendance from '../attendance.ts';
import type { EventRow } from '../queries/events.ts';
import { type RecordRow, recordsOfTerm } from '../queries/records.ts';
import { decideApproval, type Writer, type Written } from '../records.ts';
import type {
  AcknowledgeBody,
  CheckInBody,
  CorrectionBody,
  CreateRecordInput,
  DepartmentFindingBody,
  EarlyLeaveBody,
  FullAttendanceBody,
  LeaveBody,
  RecordsQuery,
  SubmitBody,
} from '../schemas.ts';
import {
  assessFullAttendance,
  correctRecord,
  createRecords,
  currentTermId,
  loadEvent,
  loadRecord,
  loadTerm,
  memberFromBody,
  requireOpenTerm,
} from '../service.ts';
import { recordDepartmentFinding } from '../structure.ts';
import * as tasks from '../tasks.ts';
import { eventSheet } from '../views.ts';

// Recording what members did and booking it in the ledger, as use cases: each function starts with its access
// check on the caller. Writing needs `alliance.score` for the term written into (`requireScorer`) and an open term.

/** The writer for a term the caller scores in: 404 for no such term, 403 unless a scorer of it, 409 when closed. */
async function scorerIn(caller: AllianceCaller, termId: string): Promise<Writer> {
  const term = await loadTerm(caller.tx, termId);
  await requireScorer(caller, term.id);
  requireOpenTerm(term);
  return writerOf(caller);
}

/** An event or task and the writer for its term. */
async function scoringAt(
  caller: AllianceCaller,
  eventId: string,
): Promise<{ event: EventRow; writer: Writer }> {
  requirePermission(caller, 'alliance.score');
  const event = await loadEvent(caller.tx, eventId);
  return { event, writer: await scorerIn(caller, event.termId) };
}

const timeOr = (iso: string | undefined, now: Date) => (iso ? new Date(iso) : now);

/** A meeting's or task's sheet: expected members, their records, verdicts and scores. Needs `alliance.read`. */
export async function sheetOf(caller: AllianceCaller, eventId: string) {
  requirePermission(caller, 'alliance.read');
  const event = await loadEvent(caller.tx, eventId);
  return eventSheet(caller.tx, caller.plugin(), event, caller.now);
}

/** Checks a member in at `arrivedAt` (default now); the plugin decides on time, late or absent. */
export async function checkIn(
  caller: AllianceCaller,
  eventId: string,
  body: z.infer<typeof CheckInBody>,
): Promise<Written> {
  const { event, writer } = await scoringAt(caller, eventId);
  const member = await memberFromBody(caller.tx, body.memberId);
  return attendance.checkIn(caller.tx, writer, event, member, timeOr(body.arrivedAt, writer.now));
}

/** Records a leave request instead of a check-in. */
export async function requestLeave(
  caller: AllianceCaller,
  eventId: string,
  body: z.infer<typeof LeaveBody>,
): Promise<Written> {
  const { event, writer } = await scoringAt(caller, eventId);
  const member = await memberFromBody(caller.tx, body.memberId);
  return attendance.requestLeave(caller.tx, writer, event, member, body.reason);
}

/** Records a member absent without leave now. */
export async function markAbsent(
  caller: AllianceCaller,
  eventId: string,
  memberId: string,
): Promise<Written> {
  const { event, writer } = await scoringAt(caller, eventId);
  const member = await memberFromBody(caller.tx, memberId);
  return attendance.markAbsent(caller.tx, writer, event, member);
}

/** Records that a checked-in member left early, at `leftAt` (default now). */
export async function recordEarlyLeave(
  caller: AllianceCaller,
  eventId: string,
  body: z.infer<typeof EarlyLeaveBody>,
): Promise<Written> {
  const { event, writer } = await scoringAt(caller, eventId);
  const member = await memberFromBody(caller.tx, body.memberId);
  return attendance.recordEarlyLeave(caller.tx, writer, event, member, timeOr(body.leftAt, writer.now));
}

/** Closes an event: expected members without a record are recorded absent. */
export async function closeEvent(
  caller: AllianceCaller,
  eventId: string,
): Promise<{ event: EventRow; written: Written[] }> {
  const { event, writer } = await scoringAt(caller, eventId);
  return { event, written: await attendance.closeEvent(caller.tx, writer, event) };
}

/** Records that a member acknowledged a task, at `at` (default now). */
export async function acknowledgeTask(
  caller: AllianceCaller,
  taskId: string,
  body: z.infer<typeof AcknowledgeBody>,
): Promise<Written> {
  const { event: task, writer } = await scoringAt(caller, taskId);
  const member = await memberFromBody(caller.tx, body.memberId);
  return tasks.acknowledgeTask(caller.tx, writer, task, member, timeOr(body.at, writer.now));
}

/** Records a submission at `submittedAt` (default now), priced by the plugin. */
export async function submitTask(
  caller: AllianceCaller,
  taskId: string,
  body: z.infer<typeof SubmitBody>,
): Promise<Written> {
  const { event: task, writer } = await scoringAt(caller, taskId);
  const member = await memberFromBody(caller.tx, body.memberId);
  const at = timeOr(body.submittedAt, writer.now);
  return tasks.submitTask(caller.tx, writer, task, member, at, body.requestedPoints);
}

/** Closes a task: members without a submission are priced as missing. */
export async function closeTask(
  caller: AllianceCaller,
  taskId: string,
  requestedPoints?: number,
): Promise<{ task: EventRow; written: Written[] }> {
  const { event: task, writer } = await scoringAt(caller, taskId);
  return { task, written: await tasks.closeTask(caller.tx, writer, task, requestedPoints) };
}

/**
 * Records a rating, minutes, contribution, discipline, reward, mistake or finding into the term of the member, the
 * event, or (a department reward) the open term.
 */
export async function createRecord(caller: AllianceCaller, body: CreateRecordInput): Promise<Written[]> {
  requirePermission(caller, 'alliance.score');
  const writer = await scorerIn(caller, await termOfRecordBody(caller, body));
  return createRecords(caller.tx, writer, body);
}

/** The term a record body writes into: the member's, the event's, or the open term for a department reward. */
async function termOfRecordBody(
  caller: AllianceCaller,
  body: { memberId?: string | undefined; eventId?: string | undefined },
): Promise<string> {
  if (body.memberId) return (await memberFromBody(caller.tx, body.memberId)).termId;
  if (body.eventId) return (await loadEvent(caller.tx, body.eventId)).termId;
  return currentTermId(caller.tx);
}

/** Approves (books at the plugin's price) or rejects a reward waiting for approval. */
export async function approveRecord(
  caller: AllianceCaller,
  recordId: string,
  approve: boolean,
): Promise<{ record: RecordRow; written: Written }> {
  requirePermission(caller, 'alliance.score');
  const record = await loadRecord(caller.tx, recordId);
  const writer = await scorerIn(caller, record.termId);
  return { record, written: await decideApproval(caller.tx, writer, record, approve) };
}

/** Corrects or voids a record: reversing entries with the reason and who. */
export async function correct(
  caller: AllianceCaller,
  recordId: string,
  body: z.infer<typeof CorrectionBody>,
): Promise<{ record: RecordRow; corrected: Awaited<ReturnType<typeof correctRecord>> }> {
  requirePermission(caller, 'alliance.score');
  const record = await loadRecord(caller.tx, recordId);
  const writer = await scorerIn(caller, record.termId);
  return { record, corrected: await correctRecord(caller.tx, writer, record, body) };
}

/** The records of a term, e.g. rewards waiting for approval; 404 for no such term. Needs `alliance.read`. */
export async function recordsOf(
  caller: AllianceCaller,
  termId: string,
  query: z.infer<typeof RecordsQuery>,
): Promise<RecordRow[]> {
  requirePermission(caller, 'alliance.read');
  const term = await loadTerm(caller.tx, termId);
  return recordsOfTerm(caller.tx, term.id, query);
}

/** Runs an assessment of full attendance over a period. */
export async function fullAttendance(
  caller: AllianceCaller,
  termId: string,
  body: z.infer<typeof FullAttendanceBody>,
): Promise<Written[]> {
  requirePermission(caller, 'alliance.score');
  const term = await loadTerm(caller.tx, termId);
  const writer = await scorerIn(caller, term.id);
  return assessFullAttendance(caller.tx, writer, term, body);
}

/** Records a finding about a department (a late proposal, a routine meeting not held on time...). */
export async function departmentFinding(
  caller: AllianceCaller,
  termId: string,
  body: z.infer<typeof DepartmentFindingBody>,
): Promise<EventRow> {
  requirePermission(caller, 'alliance.score');
  const term = await loadTerm(caller.tx, termId);
  const writer = await scorerIn(caller, term.id);
  return recordDepartmentFinding(caller.tx, writer, term, body);
}
