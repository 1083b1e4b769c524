import type { TenantTx } from '@xinqiao/db';
import { fieldError, problem } from '../../http/problem.ts';
import { isTaskKind, RECORD_KIND, type TaskEventKind, taskKindOf } from './kinds.ts';
import { type EventRow, expectedMembers, setEventStatus } from './queries/events.ts';
import type { MemberView } from './queries/members.ts';
import { recordOf, recordsOfEvent } from './queries/records.ts';
import { contextOf, type Writer, type Written, writeRecord } from './records.ts';

export type TaskSubmission =
  | 'first'
  | 'on-time'
  | 'overdue'
  | 'acknowledged-not-submitted'
  | 'not-acknowledged-not-submitted';

/** Throws unless the event is a task that is still open. */
export function requireOpenTask(task: EventRow): void {
  if (!isTaskKind(task.kind)) throw problem('alliance.not-a-task', { task: task.title });
  if (task.status === 'closed') {
    throw problem('alliance.task-closed', { task: task.title }).naming([
      fieldError('taskId', 'alliance.task-closed'),
    ]);
  }
}

function requireAssignee(task: EventRow, member: MemberView): void {
  if (member.termId !== task.termId || (task.departmentId && task.departmentId !== member.departmentId)) {
    const names = { member: member.name, task: task.title };
    throw problem('alliance.not-assigned', names).naming([
      fieldError('memberId', 'alliance.not-assigned', names),
    ]);
  }
}

function taskFacts(task: EventRow, submission: TaskSubmission, points?: number) {
  return {
    recordKind: 'task-submission',
    taskKind: taskKindOf(task.kind as TaskEventKind),
    taskSubmission: submission,
    ...(points !== undefined ? { requestedPoints: points } : {}),
  };
}

/** Records that a member acknowledged a task (答收到): it decides the price of not submitting it. */
export async function acknowledgeTask(
  tx: TenantTx,
  writer: Writer,
  task: EventRow,
  member: MemberView,
  at: Date,
): Promise<Written> {
  requireOpenTask(task);
  requireAssignee(task, member);
  if (await recordOf(tx, task.id, member.id, RECORD_KIND.taskAcknowledgement)) {
    throw problem('alliance.task-acknowledged', { member: member.name }).naming([
      fieldError('memberId', 'alliance.task-acknowledged'),
    ]);
  }
  return writeRecord(tx, writer, member, {
    kind: RECORD_KIND.taskAcknowledgement,
    eventId: task.id,
    facts: {},
    context: { acknowledgedAt: at.toISOString() },
    at,
  });
}

/**
 * Records a submission: past the deadline it is overdue; otherwise the first submission of the task is "first"
 * and the others "on time". The plugin prices each (a range rule needs `requestedPoints`).
 */
export async function submitTask(
  tx: TenantTx,
  writer: Writer,
  task: EventRow,
  member: MemberView,
  submittedAt: Date,
  requestedPoints?: number,
): Promise<Written> {
  requireOpenTask(task);
  requireAssignee(task, member);
  const records = await recordsOfEvent(tx, task.id);
  const submissions = records.filter((r) => r.kind === RECORD_KIND.taskSubmission && !contextOf(r).voided);
  if (submissions.some((r) => r.memberId === member.id)) {
    throw problem('alliance.task-submitted', { member: member.name }).naming([
      fieldError('memberId', 'alliance.task-submitted'),
    ]);
  }
  const deadline = task.endsAt ?? task.startsAt;
  const submission: TaskSubmission =
    submittedAt > deadline ? 'overdue' : submissions.length === 0 ? 'first' : 'on-time';
  return writeRecord(tx, writer, member, {
    kind: RECORD_KIND.taskSubmission,
    eventId: task.id,
    facts: taskFacts(task, submission, requestedPoints),
    context: { submittedAt: submittedAt.toISOString() },
    at: submittedAt,
  });
}

/**
 * Closes a task: every assigned member without a submission is recorded as "acknowledged but not submitted" or
 * "not acknowledged and not submitted", priced by the plugin (`requestedPoints` for a range rule).
 */
export async function closeTask(
  tx: TenantTx,
  writer: Writer,
  task: EventRow,
  requestedPoints?: number,
): Promise<Written[]> {
  requireOpenTask(task);
  const records = await recordsOfEvent(tx, task.id);
  const submitted = new Set(
    records.filter((r) => r.kind === RECORD_KIND.taskSubmission).map((r) => r.memberId),
  );
  const acknowledged = new Set(
    records.filter((r) => r.kind === RECORD_KIND.taskAcknowledgement).map((r) => r.memberId),
  );
  const written: Written[] = [];
  for (const member of await expectedMembers(tx, task)) {
    if (submitted.has(member.id)) continue;
    const missing = acknowledged.has(member.id)
      ? 'acknowledged-not-submitted'
      : 'not-acknowledged-not-submitted';
    written.push(
      await writeRecord(tx, writer, member, {
        kind: RECORD_KIND.taskSubmission,
        eventId: task.id,
        facts: taskFacts(task, missing, requestedPoints),
      }),
    );
  }
  await setEventStatus(tx, task.id, 'closed');
  return written;
}
