import type { TenantTx } from '@xinqiao/db';
import { problems } from '../../http/problem.ts';
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
    throw problems.badRequest(`“${event.title}”不是会议、值班或活动 / "${event.title}" is not attended`);
  }
  if (event.status === 'closed') {
    throw problems.conflict(
      `“${event.title}”已结束，不能再签到或请假 / "${event.title}" is closed: no more check-ins or leave`,
      [{ field: 'eventId', message: 'event is closed' }],
    );
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
    throw problems.validation(
      [{ field: 'memberId', message: `${member.name} is not a member expected at "${event.title}"` }],
      `${member.name} 不是“${event.title}”的参会成员 / ${member.name} is not a member of this event`,
    );
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
    throw problems.conflict(
      `${member.name} 已有本次出勤记录（${was}） / ${member.name} already has an attendance record here (${was})`,
      [{ field: 'memberId', message: `already recorded as ${was} (record ${existing.id})` }],
    );
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
    throw problems.validation(
      [{ field: 'memberId', message: `${member.name} did not check in at "${event.title}"` }],
      `${member.name} 没有签到，不能记早退 / ${member.name} did not check in, so cannot leave early`,
    );
  }
  if (await recordOf(tx, event.id, member.id, RECORD_KIND.earlyLeave)) {
    throw problems.conflict(`${member.name} 已记早退 / ${member.name} already left early here`, [
      { field: 'memberId', message: 'early leave already recorded' },
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
