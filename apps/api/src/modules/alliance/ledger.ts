import { allianceLedger, type TenantTx } from '@xinqiao/db';
import { and, asc, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type { PricedLine, Pricing, TermCounter } from './pricing.ts';

/** A row of the points ledger as the module reads it. */
export type LedgerRow = typeof allianceLedger.$inferSelect;

/** What the module keeps in `alliance_ledger.details` besides the columns. */
export interface LedgerDetails {
  /** The English reason (the column `reason` holds the Chinese one). */
  en?: string;
  counts?: TermCounter[];
  sanction?: 'warning';
  /** Rules that matched too but were overridden by the pricing rule (articles 5 and 7). */
  overriddenRules?: string[];
  /** Set on a reversing entry: why, and whether it came from a correction, a void or a re-pricing. */
  reversal?: { cause: 'correction' | 'void' | 'repricing'; reasonEn?: string };
  /** Set on entries booked by a re-pricing: the version they replace. */
  repricedFrom?: string;
}

/** Who books an entry and in which school, term and member it lands. */
export interface Booking {
  schoolId: string;
  termId: string;
  memberId: string;
  recordId: string;
  createdBy: string | null;
}

/**
 * Appends one ledger entry per priced line of a record, each naming the record, the plugin rule and version.
 * A record no rule prices (on time at a meeting) books nothing.
 *
 * @example
 * await bookPricing(tx, { schoolId, termId, memberId, recordId, createdBy }, pricing);
 */
export async function bookPricing(
  tx: TenantTx,
  booking: Booking,
  pricing: Pricing,
  extra: Pick<LedgerDetails, 'repricedFrom'> = {},
): Promise<LedgerRow[]> {
  if (pricing.lines.length === 0) return [];
  return tx
    .insert(allianceLedger)
    .values(pricing.lines.map((line) => entryValues(booking, pricing, line, extra)))
    .returning();
}

function entryValues(
  booking: Booking,
  pricing: Pricing,
  line: PricedLine,
  extra: Pick<LedgerDetails, 'repricedFrom'>,
) {
  const details: LedgerDetails = { en: line.en, ...extra };
  if (line.counts.length > 0) details.counts = line.counts;
  if (line.sanction) details.sanction = line.sanction;
  if (pricing.overriddenRules.length > 0) details.overriddenRules = pricing.overriddenRules;
  return {
    ...booking,
    delta: line.points,
    ruleName: line.ruleName,
    pluginId: pricing.pluginId,
    pluginVersion: pricing.pluginVersion,
    reason: line.zh,
    details: details as Record<string, unknown>,
  };
}

/** Entries that still count: not a reversal themselves and not reversed by another entry. */
function isLive() {
  return and(
    isNull(allianceLedger.reversesEntryId),
    notExists(sql`(select 1 from alliance_ledger r where r.reverses_entry_id = ${allianceLedger.id})`),
  );
}

/** The live entries of some records, oldest first. */
export async function liveEntriesOfRecords(tx: TenantTx, recordIds: readonly string[]): Promise<LedgerRow[]> {
  if (recordIds.length === 0) return [];
  return tx
    .select()
    .from(allianceLedger)
    .where(and(inArray(allianceLedger.recordId, [...recordIds]), isLive()))
    .orderBy(asc(allianceLedger.id));
}

/** The live entries of a term (every member), oldest first. */
export async function liveEntriesOfTerm(tx: TenantTx, termId: string): Promise<LedgerRow[]> {
  return tx
    .select()
    .from(allianceLedger)
    .where(and(eq(allianceLedger.termId, termId), isLive()))
    .orderBy(asc(allianceLedger.id));
}

/** Every entry of a member, reversals included, oldest first: the member's ledger as it was written. */
export async function entriesOfMember(tx: TenantTx, memberId: string): Promise<LedgerRow[]> {
  return tx
    .select()
    .from(allianceLedger)
    .where(eq(allianceLedger.memberId, memberId))
    .orderBy(asc(allianceLedger.id));
}

/** Every entry of a term, reversals included, oldest first (the export's ledger sheet). */
export async function entriesOfTerm(tx: TenantTx, termId: string): Promise<LedgerRow[]> {
  return tx
    .select()
    .from(allianceLedger)
    .where(eq(allianceLedger.termId, termId))
    .orderBy(asc(allianceLedger.id));
}

/** The sum of every entry per member of a term (reversals cancel what they reverse). */
export async function pointsByMember(tx: TenantTx, termId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ memberId: allianceLedger.memberId, total: sql<string>`sum(${allianceLedger.delta})` })
    .from(allianceLedger)
    .where(eq(allianceLedger.termId, termId))
    .groupBy(allianceLedger.memberId);
  return new Map(rows.map((row) => [row.memberId, Number(row.total)]));
}

/**
 * Appends a reversing entry for each given entry: the opposite delta, the same record, rule and plugin version,
 * the reason and who made it. The reversed entries stay as they were: the ledger is append-only.
 *
 * @example
 * await reverseEntries(tx, await liveEntriesOfRecords(tx, [recordId]), { by: me.person.id, reason: '签到时间录错',
 *   cause: 'correction' });
 */
export async function reverseEntries(
  tx: TenantTx,
  entries: readonly LedgerRow[],
  how: { by: string | null; reason: string; cause: 'correction' | 'void' | 'repricing'; reasonEn?: string },
): Promise<LedgerRow[]> {
  if (entries.length === 0) return [];
  return tx
    .insert(allianceLedger)
    .values(
      entries.map((entry) => {
        const details: LedgerDetails = {
          en: `Reversal of #${entry.id}: ${how.reasonEn ?? how.reason}`,
          reversal: { cause: how.cause, ...(how.reasonEn ? { reasonEn: how.reasonEn } : {}) },
        };
        return {
          schoolId: entry.schoolId,
          termId: entry.termId,
          memberId: entry.memberId,
          recordId: entry.recordId,
          delta: -entry.delta,
          ruleName: entry.ruleName,
          pluginId: entry.pluginId,
          pluginVersion: entry.pluginVersion,
          reason: `冲销 #${entry.id}：${how.reason}`,
          reversesEntryId: entry.id,
          createdBy: how.by,
          details: details as Record<string, unknown>,
        };
      }),
    )
    .returning();
}

/** The details of an entry, typed. */
export function detailsOf(entry: Pick<LedgerRow, 'details'>): LedgerDetails {
  return entry.details as LedgerDetails;
}
