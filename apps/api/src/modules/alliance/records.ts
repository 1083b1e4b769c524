import type { TenantTx } from '@xinqiao/db';
import type { CompiledPlugin } from '@xinqiao/policy';
import { problem } from '../../http/problem.ts';
import { isUnpricedKind } from './kinds.ts';
import { bookPricing, reverseEntries } from './ledger.ts';
import { type Pricing, priceFacts } from './pricing.ts';
import { type LedgerRow, liveEntriesOfRecords } from './queries/ledger.ts';
import type { MemberView } from './queries/members.ts';
import { insertRecord, type RecordRow, updateRecordRow } from './queries/records.ts';

/** A change made to a record after it was written: when, by whom, why, and the facts before. */
export interface Amendment {
  at: string;
  by: string;
  reason: string;
  before: Record<string, unknown>;
}

/**
 * What a record keeps besides the plugin's facts, under the reserved key `context` of `alliance_records.facts`
 * (see docs/alliance.md, "Schema requests"): times, notes, voiding and amendments.
 */
export interface RecordContext {
  arrivedAt?: string;
  leftAt?: string;
  leaveReason?: string;
  submittedAt?: string;
  acknowledgedAt?: string;
  note?: string;
  /** The full-attendance assessment a record belongs to. */
  assessment?: { key: string; from: string; to: string };
  /** Set when an officer voided the record (its entries were reversed). */
  voided?: { at: string; by: string; reason: string };
  amendments?: Amendment[];
  /** For records written for a whole department at once (discipline, department rewards). */
  departmentId?: string;
}

/** The plugin's facts of a stored record (everything but `context`). */
export function pluginFactsOf(record: Pick<RecordRow, 'facts'>): Record<string, unknown> {
  const { context: _context, ...facts } = record.facts;
  return facts;
}

/** The context of a stored record. */
export function contextOf(record: Pick<RecordRow, 'facts'>): RecordContext {
  return (record.facts.context ?? {}) as RecordContext;
}

/** Whether a record still counts (not voided, and not a reward waiting for or refused approval). */
export function recordCounts(record: RecordRow): boolean {
  return !contextOf(record).voided && (record.approval === 'not_needed' || record.approval === 'approved');
}

/** Who writes, in which school, with which plugin, at what time. */
export interface Writer {
  schoolId: string;
  personId: string;
  plugin: CompiledPlugin;
  now: Date;
}

/** A record to write against a member. */
export interface NewRecord {
  kind: string;
  eventId?: string | null;
  taskKey?: string | null;
  /** The plugin's facts without `memberRole` (always the member's own). */
  facts: Record<string, unknown>;
  context?: RecordContext;
  /** When the thing happened (an arrival, a submission); the time of writing otherwise. */
  at?: Date;
}

/** A written record, with the entries it booked and its pricing (none for unpriced kinds). */
export interface Written {
  record: RecordRow;
  entries: LedgerRow[];
  pricing: Pricing | null;
}

/**
 * Prices a record with the plugin, then writes it and books its ledger entries, in the caller's transaction: a
 * refused price writes nothing. A reward the plugin says needs approval is written as pending and books nothing yet.
 *
 * @example
 * await writeRecord(tx, writer, member, { kind: 'minutes', eventId, facts: { recordKind: 'minutes',
 *   minutesRating: 'not-taken' } });
 */
export async function writeRecord(
  tx: TenantTx,
  writer: Writer,
  member: MemberView,
  input: NewRecord,
): Promise<Written> {
  if (!member.active) throw problem('alliance.member-inactive', { member: member.name });
  const priced = !isUnpricedKind(input.kind);
  const facts = priced ? { ...input.facts, memberRole: member.memberRole } : input.facts;
  const pricing = priced ? await priceFacts(writer.plugin, facts) : null;
  const record = await insertRecord(tx, {
    schoolId: writer.schoolId,
    termId: member.termId,
    memberId: member.id,
    eventId: input.eventId ?? null,
    taskKey: input.taskKey ?? null,
    kind: input.kind,
    facts: input.context ? { ...facts, context: input.context } : facts,
    approval: pricing?.requiresApproval ? 'pending' : 'not_needed',
    recordedBy: writer.personId,
    recordedAt: input.at ?? writer.now,
  });
  const entries =
    pricing && !pricing.requiresApproval ? await bookPricing(tx, bookingOf(record, writer), pricing) : [];
  return { record, entries, pricing };
}

function bookingOf(record: RecordRow, writer: Pick<Writer, 'personId'>) {
  return {
    schoolId: record.schoolId,
    termId: record.termId,
    memberId: record.memberId,
    recordId: record.id,
    createdBy: writer.personId,
  };
}

/**
 * Decides a reward that waits for approval: approved books it at the plugin's current price; rejected books
 * nothing. Either way the decision and who made it stay on the record.
 */
export async function decideApproval(
  tx: TenantTx,
  writer: Writer,
  record: RecordRow,
  approve: boolean,
): Promise<Written> {
  if (record.approval !== 'pending') {
    throw problem('alliance.record-not-pending', { approval: record.approval });
  }
  const pricing = approve ? await priceFacts(writer.plugin, pluginFactsOf(record)) : null;
  const updated = await updateRecordRow(tx, record.id, {
    approval: approve ? 'approved' : 'rejected',
    approvedBy: writer.personId,
  });
  const entries = pricing ? await bookPricing(tx, bookingOf(record, writer), pricing) : [];
  return { record: updated, entries, pricing };
}

/**
 * Corrects a record: its live entries are reversed (with the reason and who), the facts are changed, and the new
 * facts are priced and booked. The old facts stay in the record's amendments. Voiding reverses without re-booking.
 *
 * @example
 * await amendRecord(tx, writer, record, { facts: { minutesLate: 4 }, reason: '签到时间录错' });
 */
export async function amendRecord(
  tx: TenantTx,
  writer: Writer,
  record: RecordRow,
  change: {
    reason: string;
    facts?: Record<string, unknown>;
    context?: Partial<RecordContext>;
    void?: boolean;
  },
): Promise<Written & { reversed: LedgerRow[] }> {
  const context = contextOf(record);
  if (context.voided) throw problem('alliance.record-voided');
  const before = pluginFactsOf(record);
  const facts = { ...before, ...(change.facts ?? {}) };
  for (const [key, value] of Object.entries(facts)) if (value === null) delete facts[key];
  const counts = record.approval === 'not_needed' || record.approval === 'approved';
  const pricing =
    !change.void && counts && !isUnpricedKind(record.kind) ? await priceFacts(writer.plugin, facts) : null;
  const at = writer.now.toISOString();
  const amendment: Amendment = { at, by: writer.personId, reason: change.reason, before };
  const nextContext: RecordContext = {
    ...context,
    ...(change.context ?? {}),
    amendments: [...(context.amendments ?? []), amendment],
    ...(change.void ? { voided: { at, by: writer.personId, reason: change.reason } } : {}),
  };
  const updated = await updateRecordRow(tx, record.id, { facts: { ...facts, context: nextContext } });
  const reversed = await reverseEntries(tx, await liveEntriesOfRecords(tx, [record.id]), {
    by: writer.personId,
    reason: change.reason,
    cause: change.void ? 'void' : 'correction',
  });
  const entries = pricing ? await bookPricing(tx, bookingOf(record, writer), pricing) : [];
  return { record: updated, entries, pricing, reversed };
}

/**
 * Records again on a voided record's slot (one record per event, member and kind): the voiding stays in the
 * amendments, the new facts are priced and booked as if new.
 */
export async function rewriteVoided(
  tx: TenantTx,
  writer: Writer,
  record: RecordRow,
  member: MemberView,
  input: Pick<NewRecord, 'facts' | 'context'>,
): Promise<Written> {
  const old = contextOf(record);
  if (!old.voided) throw problem('alliance.record-not-voided');
  const facts = { ...input.facts, memberRole: member.memberRole };
  const pricing = await priceFacts(writer.plugin, facts);
  const amendment: Amendment = {
    at: writer.now.toISOString(),
    by: writer.personId,
    reason: `作废后重新记录（原作废原因：${old.voided.reason}）`,
    before: pluginFactsOf(record),
  };
  const context: RecordContext = {
    ...(input.context ?? {}),
    amendments: [...(old.amendments ?? []), amendment],
  };
  const updated = await updateRecordRow(tx, record.id, {
    facts: { ...facts, context },
    recordedBy: writer.personId,
    recordedAt: writer.now,
  });
  const entries = await bookPricing(tx, bookingOf(updated, writer), pricing);
  return { record: updated, entries, pricing };
}
