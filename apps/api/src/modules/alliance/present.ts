import type { z } from '@hono/zod-openapi';
import { type DepartmentKind, type EventKind, eventPhase, isTaskKind, storedRecordKind } from './kinds.ts';
import { detailsOf } from './ledger.ts';
import type { EventRow } from './queries/events.ts';
import type { LedgerRow } from './queries/ledger.ts';
import type { MemberView } from './queries/members.ts';
import type { RecordRow } from './queries/records.ts';
import type { DepartmentRow, TermRow } from './queries/structure.ts';
import { contextOf, pluginFactsOf, type Written } from './records.ts';
import type {
  DepartmentSchema,
  EventSchema,
  LedgerEntrySchema,
  MemberSchema,
  RecordContextSchema,
  RecordFacts,
  RecordSchema,
  SheetLineSchema,
  TermSchema,
  WrittenSchema,
} from './responses.ts';

// How the alliance's rows are answered: one function per schema of responses.ts, typed by it.

type Department = z.infer<typeof DepartmentSchema>;
type Term = z.infer<typeof TermSchema>;
type Member = z.infer<typeof MemberSchema>;
type AllianceEvent = z.infer<typeof EventSchema>;
type AllianceRecord = z.infer<typeof RecordSchema>;
type RecordContext = z.infer<typeof RecordContextSchema>;
type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
type SheetLine = z.infer<typeof SheetLineSchema>;

/** A department or college branch as the API answers it. */
export function presentDepartment(row: DepartmentRow): Department {
  // The column is text; the API writes only the kinds of DEPARTMENT_KINDS (the request schema checks them).
  return { id: row.id, name: row.name, kind: row.kind as DepartmentKind, collegeUnitId: row.collegeUnitId };
}

/** A term as the API answers it. */
export function presentTerm(row: TermRow): Term {
  return { id: row.id, name: row.name, startsOn: row.startsOn, endsOn: row.endsOn, status: row.status };
}

/** A member as the API answers it. */
export function presentMember(member: MemberView): Member {
  return {
    id: member.id,
    termId: member.termId,
    name: member.name,
    memberRole: member.memberRole,
    departmentId: member.departmentId,
    departmentName: member.departmentName,
    studentId: member.studentId,
    studentNumber: member.studentNumber,
    personId: member.personId,
    isOfficer: member.isOfficer,
    active: member.active,
  };
}

/**
 * An event or task as the API answers it, with its phase at `now` (a past meeting nobody closed is
 * `awaiting-close`, not `scheduled`). Department findings, which share the table, are never presented as events.
 */
export function presentEvent(event: EventRow, now: Date): AllianceEvent {
  return {
    id: event.id,
    termId: event.termId,
    departmentId: event.departmentId,
    kind: event.kind as EventKind,
    title: event.title,
    stars: event.stars,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt?.toISOString() ?? null,
    status: event.status,
    phase: eventPhase(event, now),
    isTask: isTaskKind(event.kind),
  };
}

/** The plugin's facts of a stored record (checked by the plugin's contract when the record was priced). */
export function presentFacts(record: Pick<RecordRow, 'facts'>): RecordFacts {
  return pluginFactsOf(record) as RecordFacts;
}

/** The context of a stored record. */
export function presentContext(record: Pick<RecordRow, 'facts'>): RecordContext {
  return contextOf(record) as RecordContext;
}

/** A record as the API answers it. */
export function presentRecord(record: RecordRow): AllianceRecord {
  return {
    id: record.id,
    memberId: record.memberId,
    eventId: record.eventId,
    kind: storedRecordKind(record.kind),
    facts: presentFacts(record),
    context: presentContext(record),
    approval: record.approval,
    recordedAt: record.recordedAt.toISOString(),
  };
}

/** A ledger entry as the API answers it. */
export function presentEntry(entry: LedgerRow): LedgerEntry {
  const details = detailsOf(entry);
  return {
    id: entry.id,
    memberId: entry.memberId,
    recordId: entry.recordId,
    delta: entry.delta,
    ruleName: entry.ruleName,
    pluginId: entry.pluginId,
    pluginVersion: entry.pluginVersion,
    reason: entry.reason,
    reasonEn: details.en ?? entry.reason,
    reversesEntryId: entry.reversesEntryId,
    createdAt: entry.createdAt.toISOString(),
    details,
  };
}

/** A ledger entry as a check-in sheet shows it under its record. */
export function presentSheetLine(entry: LedgerRow): SheetLine {
  const details = detailsOf(entry);
  return {
    entryId: entry.id,
    points: entry.delta,
    ruleName: entry.ruleName,
    reason: entry.reason,
    reasonEn: details.en ?? entry.reason,
    counts: details.counts ?? [],
  };
}

/** A written record as the API answers it: the record and the ledger lines it booked. */
export function presentWritten(written: Written): z.infer<typeof WrittenSchema> {
  return {
    record: presentRecord(written.record),
    entries: written.entries.map(presentEntry),
    overriddenRules: written.pricing?.overriddenRules ?? [],
  };
}
