import type { TenantTx } from '@xinqiao/db';
import { fieldError, problem } from '../../http/problem.ts';
import {
  type Attendance,
  absenceIsRecordedAtClose,
  isTaskKind,
  meetingTypeOf,
  RECORD_KIND,
} from './kinds.ts';
import { type EventRow, expectedMembers, setEventStatus } from './queries/events.ts';
import type { MemberView } from './queries/members.ts';
import { type RecordRow, recordOf, recordsOfEvent } from './queries/records.ts';
import {
  contextOf,
  pluginFactsOf,
  type RecordContext,
  rewriteVoided,
  type Writer,
  type Written,
  writeRecord,
} from './records.ts';

const MAX_MINUTES_LATE = 1440;

/**
 * Minutes between the start and the arrival, to the second (0 when on time). Whether that is late or an absence
 * is the plugin's call (seed 002's 10-minute rule lives in its rules, not here).
 *
 * @example minutesLate(new Date('2025-03-03T19:00:00Z'), new Date('2025-03-03T19:04:30Z')) // 4.5
 */
export function minutesLate(startsAt: Date, arrivedAt: Date): number {
  const seconds = Math.ceil((arrivedAt.getTime() - startsAt.getTime()) / 1000);
  return seconds <= 0 ? 0 : Math.min(MAX_MINUTES_LATE, Math.round((seconds / 60) * 100) / 100);
}

function attendanceFacts(event: EventRow, attendance: Attendance, late?: number): Record<string, unknown> {
  return {
    recordKind: 'meeting-attendance',
    meetingType: meetingTypeOf(event.kind),
    meetingStars: event.stars,
    attendance,
    ...(late !== undefined ? { minutesLate: late } : {}),
  };
}

/** Throws unless the event is something members attend and is not closed. */
export function requireOpenForAttendance(event: EventRow): void {
  if (isTaskKind(event.kind) || event.kind.startsWith('finding:')) {
    throw problem('alliance.not-attended', { event: event.title });
  }
  if (event.status === 'closed') {
    throw problem('alliance.event-closed', { event: event.title }).naming([
      fieldError('eventId', 'alliance.event-closed'),
    ]);
  }
}

/**
 * Throws 400 naming `memberId` unless the member belongs at the event: same term; for a department's routine
 * meeting or duty shift, the same department.
 */
export function requireAttendee(event: EventRow, member: MemberView): void {
  const sameDepartment = !event.departmentId || event.departmentId === member.departmentId;
  const departmentOnly = event.kind === 'routine_meeting' || event.kind === 'duty_shift';
  if (member.termId !== event.termId || !member.active || (departmentOnly && !sameDepartment)) {
    const names = { member: member.name, event: event.title };
    throw problem('alliance.not-expected-at-event', names).naming([
      fieldError('memberId', 'alliance.not-expected-at-event', names),
    ]);
  }
}

/** The member's voided attendance record at the event (to record again on its slot), if any; 409 if a live one exists. */
async function requireNoAttendance(
  tx: TenantTx,
  event: EventRow,
  member: MemberView,
): Promise<RecordRow | undefined> {
  const existing = await recordOf(tx, event.id, member.id, RECORD_KIND.attendance);
  if (existing && contextOf(existing).voided) return existing;
  if (existing) {
    const was = String(pluginFactsOf(existing).attendance);
    throw problem('alliance.attendance-exists', { member: member.name, was }).naming([
      fieldError('memberId', 'alliance.attendance-exists', { was }),
    ]);
  }
  return undefined;
}

async function markOpen(tx: TenantTx, event: EventRow): Promise<void> {
  if (event.status === 'scheduled') {
    await setEventStatus(tx, event.id, 'open');
  }
}

async function writeAttendance(
  tx: TenantTx,
  writer: Writer,
  event: EventRow,
  member: MemberView,
  attendance: Attendance,
  context: RecordContext,
  late?: number,
): Promise<Written> {
  requireOpenForAttendance(event);
  requireAttendee(event, member);
  const voided = await requireNoAttendance(tx, event, member);
  await markOpen(tx, event);
  const facts = attendanceFacts(event, attendance, late);
  if (voided) return rewriteVoided(tx, writer, voided, member, { facts, context });
  return writeRecord(tx, writer, member, { kind: RECORD_KIND.attendance, eventId: event.id, facts, context });
}

/**
 * Checks a member in at an event: records the arrival time and minutes late; the plugin prices it (and decides
 * whether more than 10 minutes late is an absence). Refused for a closed event, a non-member, a second check-in.
 *
 * @example
 * await checkIn(tx, writer, meeting, member, new Date('2025-03-03T19:12:00Z')); // art5 rule: late over 10 minutes
 */
export function checkIn(
  tx: TenantTx,
  writer: Writer,
  event: EventRow,
  member: MemberView,
  arrivedAt: Date,
): Promise<Written> {
  const late = minutesLate(event.startsAt, arrivedAt);
  return writeAttendance(
    tx,
    writer,
    event,
    member,
    late > 0 ? 'late' : 'present',
    {
      arrivedAt: arrivedAt.toISOString(),
    },
    late > 0 ? late : undefined,
  );
}

/** Records a leave request for an event (instead of a check-in); the plugin prices being on leave. */
export function requestLeave(
  tx: TenantTx,
  writer: Writer,
  event: EventRow,
  member: MemberView,
  reason: string,
): Promise<Written> {
  return writeAttendance(tx, writer, event, member, 'on-leave', { leaveReason: reason });
}

/** Records a member absent without leave before the event closes (e.g. at an activity). */
export function markAbsent(
  tx: TenantTx,
  writer: Writer,
  event: EventRow,
  member: MemberView,
): Promise<Written> {
  return writeAttendance(tx, writer, event, member, 'absent', {});
}

/** Records that a checked-in member left early; refused without a check-in or twice. */
export async function recordEarlyLeave(
  tx: TenantTx,
  writer: Writer,
  event: EventRow,
  member: MemberView,
  leftAt: Date,
): Promise<Written> {
  requireOpenForAttendance(event);
  const attendance = await recordOf(tx, event.id, member.id, RECORD_KIND.attendance);
  const was = attendance && !contextOf(attendance).voided ? pluginFactsOf(attendance).attendance : undefined;
  if (was !== 'present' && was !== 'late') {
    throw problem('alliance.not-checked-in', { member: member.name }).naming([
      fieldError('memberId', 'alliance.not-checked-in', { member: member.name, event: event.title }),
    ]);
  }
  if (await recordOf(tx, event.id, member.id, RECORD_KIND.earlyLeave)) {
    throw problem('alliance.early-leave-exists', { member: member.name }).naming([
      fieldError('memberId', 'alliance.early-leave-exists'),
    ]);
  }
  return writeRecord(tx, writer, member, {
    kind: RECORD_KIND.earlyLeave,
    eventId: event.id,
    facts: attendanceFacts(event, 'early-leave'),
    context: { leftAt: leftAt.toISOString() },
  });
}

/**
 * Closes an attended event. For meetings and duty shifts, every expected member with no attendance record is
 * recorded absent without leave (priced by the plugin); activities record only who came.
 */
export async function closeEvent(tx: TenantTx, writer: Writer, event: EventRow): Promise<Written[]> {
  requireOpenForAttendance(event);
  const written: Written[] = [];
  if (absenceIsRecordedAtClose(event.kind)) {
    const recorded = new Set(
      (await recordsOfEvent(tx, event.id))
        .filter((r) => r.kind === RECORD_KIND.attendance && !contextOf(r).voided)
        .map((r) => r.memberId),
    );
    for (const member of await expectedMembers(tx, event)) {
      if (recorded.has(member.id)) continue;
      written.push(
        await writeAttendance(tx, writer, event, member, 'absent', {
          note: '会议结束时未签到、未请假 / not checked in and no leave when the event closed',
        }),
      );
    }
  }
  await setEventStatus(tx, event.id, 'closed');
  return written;
}
