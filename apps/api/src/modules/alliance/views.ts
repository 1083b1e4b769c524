import type { TenantTx } from '@xinqiao/db';
import type { CompiledPlugin } from '@xinqiao/policy';
import type { Me } from '../../auth/session-types.ts';
import { ALLIANCE_WRITERS } from './access.ts';
import { type BaseScore, baseScoreOf } from './base-score.ts';
import { isTaskKind } from './kinds.ts';
import { detailsOf } from './ledger.ts';
import { rangeRulesOf } from './pricing.ts';
import { type EventRow, expectedMembers, listEvents } from './queries/events.ts';
import { entriesOfMember, type LedgerRow, liveEntriesOfRecords, pointsByMember } from './queries/ledger.ts';
import { listMembers, type MemberView, officerTermsOf } from './queries/members.ts';
import { recordsByIds, recordsOfEvent, recordsOfTerm } from './queries/records.ts';
import { displayNamesOf, listDepartments, listTerms } from './queries/structure.ts';
import { contextOf, pluginFactsOf } from './records.ts';
import { entryJson } from './service.ts';

/** The alliance at a glance for the office module: plugin, base score, departments, terms, what the caller may do. */
export async function allianceOverview(tx: TenantTx, me: Me, plugin: CompiledPlugin) {
  const [departments, terms, officerTerms, base] = await Promise.all([
    listDepartments(tx),
    listTerms(tx),
    officerTermsOf(tx, me.person.id),
    baseScoreOf(plugin),
  ]);
  const isAdmin = me.roles.some((r) => r.role === 'school_admin');
  return {
    plugin: { id: plugin.id, version: plugin.version },
    base,
    departments: departments.map((d) => ({
      id: d.id,
      name: d.name,
      kind: d.kind,
      collegeUnitId: d.collegeUnitId,
    })),
    terms: terms.map((t) => ({
      id: t.id,
      name: t.name,
      startsOn: t.startsOn,
      endsOn: t.endsOn,
      status: t.status,
    })),
    currentTermId: terms.find((t) => t.status === 'open')?.id ?? terms[0]?.id ?? null,
    access: {
      canWrite: me.roles.some((r) => ALLIANCE_WRITERS.includes(r.role)),
      scoringTerms: isAdmin ? terms.map((t) => t.id) : officerTerms,
    },
    ranges: rangeRulesOf(plugin),
  };
}

/** An event as the API answers it. */
export function eventJson(event: EventRow) {
  return {
    id: event.id,
    termId: event.termId,
    departmentId: event.departmentId,
    kind: event.kind,
    title: event.title,
    stars: event.stars,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt?.toISOString() ?? null,
    status: event.status,
    isTask: isTaskKind(event.kind),
  };
}

/** The events (and tasks) of a term. */
export async function eventsOfTerm(tx: TenantTx, termId: string, kind?: string) {
  const events = await listEvents(tx, termId, kind ? [kind] : undefined);
  return events.filter((e) => !e.kind.startsWith('finding:')).map(eventJson);
}

/** A member as the API answers it. */
export function memberJson(member: MemberView) {
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

function lineOf(entry: LedgerRow) {
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

/**
 * A meeting's (or task's) sheet: every expected member with their record there (attendance with arrival and
 * minutes late, leave, early leave, submission...), the plugin's verdict and points, and their current score.
 */
export async function eventSheet(tx: TenantTx, plugin: CompiledPlugin, event: EventRow) {
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
      member: memberJson(member),
      score: base.points + (points.get(member.id) ?? 0),
      records: mine.map((record) => ({
        id: record.id,
        kind: record.kind,
        facts: pluginFactsOf(record),
        context: contextOf(record),
        approval: record.approval,
        recordedAt: record.recordedAt.toISOString(),
        lines: live.filter((e) => e.recordId === record.id).map(lineOf),
      })),
    };
  });
  return { event: eventJson(event), base, rows };
}

async function membersByIds(tx: TenantTx, termId: string, ids: string[]): Promise<MemberView[]> {
  const all = await listMembers(tx, termId, { includeInactive: true });
  return all.filter((m) => ids.includes(m.id));
}

/**
 * A member's ledger as written: every entry (reversals included) with the reason, the rule and plugin version, the
 * record it came from (kind, event, facts), who wrote it, which entry reversed it, and the running score.
 */
export async function memberLedger(tx: TenantTx, plugin: CompiledPlugin, member: MemberView) {
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
      ...entryJson(entry),
      balance: Math.round(balance * 10) / 10,
      reversedByEntryId: reversedBy.get(entry.id) ?? null,
      createdByName: (entry.createdBy && authors.get(entry.createdBy)) || null,
      record: record
        ? {
            id: record.id,
            kind: record.kind,
            facts: pluginFactsOf(record),
            context: contextOf(record),
            event: event
              ? { id: event.id, title: event.title, kind: event.kind, startsAt: event.startsAt.toISOString() }
              : null,
          }
        : null,
    };
  });
  const pending = await recordsOfTerm(tx, member.termId, { memberId: member.id, approval: 'pending' });
  return {
    member: memberJson(member),
    base,
    score: Math.round(balance * 10) / 10,
    entries: lines,
    pendingRecords: pending.map((r) => ({
      id: r.id,
      kind: r.kind,
      facts: pluginFactsOf(r),
      context: contextOf(r),
    })),
  };
}
