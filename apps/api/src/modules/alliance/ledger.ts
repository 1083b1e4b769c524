import type { TenantTx } from '@xinqiao/db';
import type { ReversalCause } from './kinds.ts';
import type { PricedLine, Pricing, TermCounter } from './pricing.ts';
import { insertLedgerEntries, type LedgerRow } from './queries/ledger.ts';

/** What the module keeps in `alliance_ledger.details` besides the columns. */
export interface LedgerDetails {
  /** The English reason (the column `reason` holds the Chinese one). */
  en?: string;
  counts?: TermCounter[];
  sanction?: 'warning';
  /** Rules that matched too but were overridden by the pricing rule (articles 5 and 7). */
  overriddenRules?: string[];
  /** Set on a reversing entry: why, and whether it came from a correction, a void or a re-pricing. */
  reversal?: { cause: ReversalCause; reasonEn?: string };
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
  return insertLedgerEntries(
    tx,
    pricing.lines.map((line) => entryValues(booking, pricing, line, extra)),
  );
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
  how: { by: string | null; reason: string; cause: ReversalCause; reasonEn?: string },
): Promise<LedgerRow[]> {
  return insertLedgerEntries(
    tx,
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
  );
}

/** The details of an entry, typed. */
export function detailsOf(entry: Pick<LedgerRow, 'details'>): LedgerDetails {
  return entry.details as LedgerDetails;
}
