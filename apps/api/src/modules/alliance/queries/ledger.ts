import { allianceLedger, type TenantTx } from '@xinqiao/db';
import { and, asc, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';

/** A row of the points ledger as the module reads it. */
export type LedgerRow = typeof allianceLedger.$inferSelect;

/** Appends entries to the ledger (it is append-only: grants and a trigger refuse UPDATE and DELETE). */
export function insertLedgerEntries(
  tx: TenantTx,
  values: (typeof allianceLedger.$inferInsert)[],
): Promise<LedgerRow[]> {
  if (values.length === 0) return Promise.resolve([]);
  return tx.insert(allianceLedger).values(values).returning();
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
