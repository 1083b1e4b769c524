import type { TenantTx } from '@xinqiao/db';
import { fieldError, invalidFields, problem } from '../../http/problem.ts';
import { minutesLate } from './attendance.ts';
import {
  type ActivityContribution,
  contributionKind,
  findingKind,
  MEMBER_FINDINGS,
  meetingTypeOf,
  RECORD_KIND,
} from './kinds.ts';
import { type EventRow, getEvent, listEvents } from './queries/events.ts';
import { liveEntriesOfRecords } from './queries/ledger.ts';
import { getMember, listMembers, type MemberView } from './queries/members.ts';
import { getRecord, keyedRecordOf, type RecordRow, recordOf, recordsOfTerm } from './queries/records.ts';
import { getTerm, listTerms, type TermRow } from './queries/structure.ts';
import { amendRecord, contextOf, pluginFactsOf, type Writer, type Written, writeRecord } from './records.ts';
import type { CreateRecordInput } from './schemas.ts';

/** The term, or 404. */
export async function loadTerm(tx: TenantTx, id: string): Promise<TermRow> {
  const term = await getTerm(tx, id);
  if (!term) throw problem('alliance.term-not-found');
  return term;
}

/** The event or task, or 404. */
export async function loadEvent(tx: TenantTx, id: string): Promise<EventRow> {
  const event = await getEvent(tx, id);
  if (!event) throw problem('alliance.event-not-found');
  return event;
}

/** The member named in a body, or 400 naming `memberId` (a body that names nobody is bad input, not a missing page). */
export async function memberFromBody(tx: TenantTx, memberId: string): Promise<MemberView> {
  const member = await getMember(tx, memberId);
  if (!member) {
    throw problem('alliance.not-a-member').naming([fieldError('memberId', 'alliance.no-such-member')]);
  }
  return member;
}

/** The member of a path, or 404. */
export async function loadMember(tx: TenantTx, id: string): Promise<MemberView> {
  const member = await getMember(tx, id);
  if (!member) throw problem('alliance.member-not-found');
  return member;
}

/** The record, or 404. */
export async function loadRecord(tx: TenantTx, id: string): Promise<RecordRow> {
  const record = await getRecord(tx, id);
  if (!record) throw problem('alliance.record-not-found');
  return record;
}

/** Throws 409 when the term is closed: its ledger is final. */
export function requireOpenTerm(term: TermRow): void {
  if (term.status === 'closed') {
    throw problem('alliance.term-closed', { term: term.name });
  }
}

async function eventOfTerm(
  tx: TenantTx,
  eventId: string,
  termId: string,
  field = 'eventId',
): Promise<EventRow> {
  const event = await getEvent(tx, eventId);
  if (!event || event.termId !== termId) {
    throw invalidFields([fieldError(field, 'alliance.no-such-event-in-term')]);
  }
  return event;
}

async function requireNew(tx: TenantTx, eventId: string, member: MemberView, kind: string): Promise<void> {
  if (await recordOf(tx, eventId, member.id, kind)) {
    throw problem('alliance.record-exists', { member: member.name }).naming([
      fieldError('memberId', 'alliance.record-exists'),
    ]);
  }
}

const withNote = (note?: string) => (note ? { context: { note } } : {});

/**
 * Writes the record(s) a body describes, priced by the plugin: one member's rating, contribution, discipline,
 * reward, mistake or finding; or a department's discipline or reward (one record per active member).
 */
export async function createRecords(
  tx: TenantTx,
  writer: Writer,
  body: CreateRecordInput,
): Promise<Written[]> {
  switch (body.recordKind) {
    case 'department-discipline':
      return forDepartment(tx, writer, body.departmentId, body.eventId, (_member, event) => ({
        kind: RECORD_KIND.departmentDiscipline,
        eventId: event!.id,
        facts: { recordKind: 'meeting-discipline', discipline: body.discipline },
        context: { departmentId: body.departmentId, ...(body.note ? { note: body.note } : {}) },
      }));
    case 'reward':
      if (body.departmentId && !body.memberId) {
        return forDepartment(tx, writer, body.departmentId, body.eventId, () => ({
          kind: RECORD_KIND.reward,
          eventId: null,
          facts: { recordKind: 'reward', rewardKind: body.rewardKind, requestedPoints: body.requestedPoints },
          context: { departmentId: body.departmentId!, ...(body.note ? { note: body.note } : {}) },
        }));
      }
      if (!body.memberId) {
        throw invalidFields([fieldError('memberId', 'alliance.member-or-department')]);
      }
      break;
    default:
      break;
  }
  const member = await memberFromBody(tx, body.memberId!);
  const event = 'eventId' in body && body.eventId ? await eventOfTerm(tx, body.eventId, member.termId) : null;
  const one = (kind: string, facts: Record<string, unknown>) =>
    writeRecord(tx, writer, member, { kind, eventId: event?.id ?? null, facts, ...withNote(body.note) });
  switch (body.recordKind) {
    case 'minutes':
      await requireNew(tx, event!.id, member, RECORD_KIND.minutes);
      return [await one(RECORD_KIND.minutes, { recordKind: 'minutes', minutesRating: body.minutesRating })];
    case 'task-quality':
      await requireNew(tx, event!.id, member, RECORD_KIND.taskQuality);
      return [await one(RECORD_KIND.taskQuality, { recordKind: 'task-quality', rating: body.rating })];
    case 'activity-rating':
      await requireNew(tx, event!.id, member, RECORD_KIND.activityRating);
      return [await one(RECORD_KIND.activityRating, { recordKind: 'activity-rating', rating: body.rating })];
    case 'activity-contribution':
      return [await contribution(tx, writer, member, event, body.activityContribution, body.note)];
    case 'meeting-discipline':
      await requireNew(tx, event!.id, member, RECORD_KIND.memberDiscipline);
      return [
        await one(RECORD_KIND.memberDiscipline, {
          recordKind: 'meeting-discipline',
          discipline: body.discipline,
        }),
      ];
    case 'reward':
      return [
        await one(RECORD_KIND.reward, {
          recordKind: 'reward',
          rewardKind: body.rewardKind,
          requestedPoints: body.requestedPoints,
        }),
      ];
    case 'mistake':
      return [
        await one(RECORD_KIND.mistake, {
          recordKind: 'mistake',
          mistakeKind: body.mistakeKind,
          requestedPoints: body.requestedPoints,
        }),
      ];
    case 'finding':
      return [await finding(tx, writer, member, body.finding, body.note)];
    default:
      throw problem('alliance.unknown-record-kind');
  }
}

async function contribution(
  tx: TenantTx,
  writer: Writer,
  member: MemberView,
  event: EventRow | null,
  activityContribution: ActivityContribution,
  note?: string,
): Promise<Written> {
  const kind = contributionKind(activityContribution);
  if (event) await requireNew(tx, event.id, member, kind);
  const facts: Record<string, unknown> = { recordKind: 'activity-contribution', activityContribution };
  if (activityContribution === 'took-part') {
    facts.participationPointsSoFar = await participationPoints(tx, member);
  }
  return writeRecord(tx, writer, member, { kind, eventId: event?.id ?? null, facts, ...withNote(note) });
}

/** Points the member already earned this term for taking part in activities (the plugin caps them). */
async function participationPoints(tx: TenantTx, member: MemberView): Promise<number> {
  const kind = contributionKind('took-part');
  const records = (await recordsOfTerm(tx, member.termId, { memberId: member.id })).filter(
    (r) => r.kind === kind,
  );
  const entries = await liveEntriesOfRecords(
    tx,
    records.map((r) => r.id),
  );
  return Math.max(
    0,
    entries.reduce((sum, e) => sum + e.delta, 0),
  );
}

async function finding(
  tx: TenantTx,
  writer: Writer,
  member: MemberView,
  name: keyof typeof MEMBER_FINDINGS,
  note?: string,
): Promise<Written> {
  const kind = findingKind(name);
  const flag = MEMBER_FINDINGS[name] === 'flag';
  if (flag) {
    const existing = await recordsOfTerm(tx, member.termId, { memberId: member.id });
    if (existing.some((r) => r.kind === kind && !contextOf(r).voided)) {
      throw problem('alliance.finding-exists', { member: member.name }).naming([
        fieldError('finding', 'alliance.finding-exists'),
      ]);
    }
  }
  const facts = flag ? { [name]: true } : { [name]: 1 };
  return writeRecord(tx, writer, member, { kind, facts, ...withNote(note) });
}

async function forDepartment(
  tx: TenantTx,
  writer: Writer,
  departmentId: string,
  eventId: string | undefined,
  build: (member: MemberView, event: EventRow | null) => Parameters<typeof writeRecord>[3],
): Promise<Written[]> {
  const event = eventId ? ((await getEvent(tx, eventId)) ?? null) : null;
  if (eventId && !event) throw invalidFields([fieldError('eventId', 'alliance.no-such-event')]);
  const termId = event?.termId ?? (await currentTermId(tx));
  const members = await listMembers(tx, termId, { departmentId });
  if (members.length === 0) {
    throw invalidFields([fieldError('departmentId', 'alliance.department-empty')]);
  }
  const written: Written[] = [];
  for (const member of members) {
    const input = build(member, event);
    if (input.eventId) await requireNew(tx, input.eventId, member, input.kind);
    written.push(await writeRecord(tx, writer, member, input));
  }
  return written;
}

/** The open term that started last: where records without an event land. */
export async function currentTermId(tx: TenantTx): Promise<string> {
  const open = (await listTerms(tx)).find((t) => t.status === 'open');
  if (!open) throw problem('alliance.no-open-term');
  return open.id;
}

/** A correction of a record as the body describes it (new arrival time, attendance or facts, or void). */
export async function correctRecord(
  tx: TenantTx,
  writer: Writer,
  record: RecordRow,
  body: {
    reason: string;
    void?: boolean;
    arrivedAt?: string;
    attendance?: 'present' | 'absent' | 'on-leave';
    facts?: Record<string, string | number | boolean | null>;
  },
) {
  const protectedFacts = ['recordKind', 'memberRole', 'meetingType', 'meetingStars', 'taskKind', 'context'];
  const touched = Object.keys(body.facts ?? {}).filter((k) => protectedFacts.includes(k));
  if (touched.length > 0) {
    throw invalidFields(touched.map((k) => fieldError(`facts.${k}`, 'alliance.fact-protected')));
  }
  const facts: Record<string, unknown> = { ...(body.facts ?? {}) };
  const context: Record<string, unknown> = {};
  if (body.arrivedAt || body.attendance) {
    if (record.kind !== RECORD_KIND.attendance || !record.eventId) {
      throw invalidFields([
        fieldError(body.arrivedAt ? 'arrivedAt' : 'attendance', 'alliance.only-check-in'),
      ]);
    }
    const event = await loadEvent(tx, record.eventId);
    if (body.arrivedAt) {
      const late = minutesLate(event.startsAt, new Date(body.arrivedAt));
      facts.attendance = late > 0 ? 'late' : 'present';
      facts.minutesLate = late > 0 ? late : null;
      context.arrivedAt = new Date(body.arrivedAt).toISOString();
    } else {
      facts.attendance = body.attendance;
      facts.minutesLate = null;
    }
    facts.meetingType = meetingTypeOf(event.kind);
  }
  return amendRecord(tx, writer, record, {
    reason: body.reason,
    facts,
    context,
    ...(body.void ? { void: true } : {}),
  });
}

/**
 * Writes a full-attendance record (seed 002: 所有会议全勤者，每次考核+3分) for every active member who attended
 * every meeting expected of them between `from` and `to`, on time, without leave or early leave. Refused when the
 * assessment key was used before.
 */
export async function assessFullAttendance(
  tx: TenantTx,
  writer: Writer,
  term: TermRow,
  body: { key: string; from: string; to: string },
): Promise<Written[]> {
  const from = new Date(body.from);
  const to = new Date(body.to);
  const meetings = (await listEvents(tx, term.id, ['routine_meeting', 'plenary_meeting'])).filter(
    (e) => e.startsAt >= from && e.startsAt < to && e.status === 'closed',
  );
  const members = await listMembers(tx, term.id);
  const written: Written[] = [];
  for (const member of members) {
    if (await keyedRecordOf(tx, member.id, RECORD_KIND.fullAttendance, body.key)) {
      throw problem('alliance.full-attendance-done', { key: body.key }).naming([
        fieldError('key', 'alliance.key-used'),
      ]);
    }
    const expected = meetings.filter((m) => !m.departmentId || m.departmentId === member.departmentId);
    if (expected.length === 0) continue;
    let full = true;
    for (const meeting of expected) {
      const attendance = await recordOf(tx, meeting.id, member.id, RECORD_KIND.attendance);
      const early = await recordOf(tx, meeting.id, member.id, RECORD_KIND.earlyLeave);
      const present =
        attendance && !contextOf(attendance).voided && pluginFactsOf(attendance).attendance === 'present';
      if (!present || (early && !contextOf(early).voided)) {
        full = false;
        break;
      }
    }
    if (!full) continue;
    written.push(
      await writeRecord(tx, writer, member, {
        kind: RECORD_KIND.fullAttendance,
        taskKey: body.key,
        facts: { recordKind: 'full-attendance' },
        context: { assessment: { key: body.key, from: from.toISOString(), to: to.toISOString() } },
      }),
    );
  }
  return written;
}
