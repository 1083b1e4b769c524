import type { z } from '@hono/zod-openapi';
import type { TenantTx } from '@xinqiao/db';
import type { CompiledPlugin } from '@xinqiao/policy';
import { type Caller, can } from '../../auth/caller.ts';
import { type BaseScore, baseScoreOf } from './base-score.ts';
import { type EventKind, storedRecordKind } from './kinds.ts';
import {
  presentContext,
  presentDepartment,
  presentEntry,
  presentEvent,
  presentFacts,
  presentMember,
  presentRecord,
  presentSheetLine,
  presentTerm,
} from './present.ts';
import { rangeRulesOf, rulesOf } from './pricing.ts';
import { type EventRow, expectedMembers, listEvents } from './queries/events.ts';
import { entriesOfMember, liveEntriesOfRecords, pointsByMember } from './queries/ledger.ts';
import { listMembers, type MemberView, officerTermsOf } from './queries/members.ts';
import { recordsByIds, recordsOfEvent, recordsOfTerm } from './queries/records.ts';
import { displayNamesOf, listDepartments, listTerms } from './queries/structure.ts';
import type { EventSheetSchema, MemberLedgerSchema, OverviewSchema } from './responses.ts';

/** The alliance at a glance for the office module: plugin, base score, departments, terms, what the caller may do. */
export async function allianceOverview(
  caller: Caller,
  plugin: CompiledPlugin,
): Promise<z.infer<typeof OverviewSchema>> {
  const { tx, me } = caller;
  const [departments, terms, officerTerms, base] = await Promise.all([
    listDepartments(tx),
    listTerms(tx),
    officerTermsOf(tx, me.person.id),
    baseScoreOf(plugin),
  ]);
  return {
    plugin: { id: plugin.id, version: plugin.version },
    base,
    departments: departments.map(presentDepartment),
    terms: terms.map(presentTerm),
    currentTermId: terms.find((t) => t.status === 'open')?.id ?? terms[0]?.id ?? null,
    access: {
      canWrite: can(caller, 'alliance.manage'),
      scoringTerms: can(caller, 'alliance.score-any-term') ? terms.map((t) => t.id) : officerTerms,
    },
    ranges: rangeRulesOf(plugin),
    rules: rulesOf(plugin),
  };
}

/** The events and tasks of a term (department findings, which share the table, left out), with their phase at `now`. */
export async function eventsOfTerm(tx: TenantTx, termId: string, now: Date, kind?: EventKind) {
  const events = await listEvents(tx, termId, kind ? [kind] : undefined);
  return events.filter((e) => !e.kind.startsWith('finding:')).map((e) => presentEvent(e, now));
}

/**
 * A meeting's (or task's) sheet: every expected member with their record there (attendance with arrival and
 * minutes late, leave, early leave, submission...), the plugin's verdict and points, and their current score.
 */
export async function eventSheet(
  tx: TenantTx,
  plugin: CompiledPlugin,
  event: EventRow,
  now: Date,
): Promise<z.infer<typeof EventSheetSchema>> {
  const [members, records, points, base] = await Promise.all([
    expectedMembers(tx, event),
    recordsOfEvent(tx, event.id),
    pointsByMember(tx, event.termId),
    baseScoreOf(plugin),
  ]);
  const live = await liveEntriesOfRecords(
    tx,
    records.map((r) => r.id),
  );
  const known = new Set(members.map((m) => m.id));
  const outsiders = records.filter((r) => !known.has(r.memberId)).map((r) => r.memberId);
  const others = outsiders.length ? await membersByIds(tx, event.termId, outsiders) : [];
  const rows = [...members, ...others].map((member) => {
    const mine = records.filter((r) => r.memberId === member.id);
    return {
      member: presentMember(member),
      score: base.points + (points.get(member.id) ?? 0),
      records: mine.map((record) => {
        const { memberId: _member, eventId: _event, ...answered } = presentRecord(record);
        return { ...answered, lines: live.filter((e) => e.recordId === record.id).map(presentSheetLine) };
      }),
    };
  });
  return { event: presentEvent(event, now), base, rows };
}

async function membersByIds(tx: TenantTx, termId: string, ids: string[]): Promise<MemberView[]> {
  const all = await listMembers(tx, termId, { includeInactive: true });
  return all.filter((m) => ids.includes(m.id));
}

/**
 * A member's ledger as written: every entry (reversals included) with the reason, the rule and plugin version, the
 * record it came from (kind, event, facts), who wrote it, which entry reversed it, and the running score.
 */
export async function memberLedger(
  tx: TenantTx,
  plugin: CompiledPlugin,
  member: MemberView,
): Promise<z.infer<typeof MemberLedgerSchema>> {
  const entries = await entriesOfMember(tx, member.id);
  const base: BaseScore = await baseScoreOf(plugin, member.memberRole);
  const recordIds = [...new Set(entries.map((e) => e.recordId).filter((id): id is string => !!id))];
  const records = await recordsByIds(tx, recordIds);
  const eventIds = [...new Set(records.map((r) => r.eventId).filter((id): id is string => !!id))];
  const events = eventIds.length ? await listEvents(tx, member.termId) : [];
  const authorIds = [...new Set(entries.map((e) => e.createdBy).filter((id): id is string => !!id))];
  const authors = await displayNamesOf(tx, authorIds);
  const reversedBy = new Map(entries.filter((e) => e.reversesEntryId).map((e) => [e.reversesEntryId!, e.id]));
  let balance = base.points;
  const lines = entries.map((entry) => {
    balance += entry.delta;
    const record = records.find((r) => r.id === entry.recordId);
    const event = events.find((e) => e.id === record?.eventId);
    return {
      ...presentEntry(entry),
      balance: Math.round(balance * 10) / 10,
      reversedByEntryId: reversedBy.get(entry.id) ?? null,
      createdByName: (entry.createdBy && authors.get(entry.createdBy)) || null,
      record: record
        ? {
            id: record.id,
            kind: storedRecordKind(record.kind),
            facts: presentFacts(record),
            context: presentContext(record),
            event: event
              ? {
                  id: event.id,
                  title: event.title,
                  kind: event.kind as EventKind,
                  startsAt: event.startsAt.toISOString(),
                }
              : null,
          }
        : null,
    };
  });
  const pending = await recordsOfTerm(tx, member.termId, { memberId: member.id, approval: 'pending' });
  return {
    member: presentMember(member),
    base,
    score: Math.round(balance * 10) / 10,
    entries: lines,
    pendingRecords: pending.map((r) => ({
      id: r.id,
      kind: storedRecordKind(r.kind),
      facts: presentFacts(r),
      context: presentContext(r),
    })),
  };
}
