import { allianceRecords, type TenantTx } from '@xinqiao/db';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { ApprovalState } from '../kinds.ts';

export type RecordRow = typeof allianceRecords.$inferSelect;

/** Records of an event (all kinds), oldest first. */
export function recordsOfEvent(tx: TenantTx, eventId: string): Promise<RecordRow[]> {
  return tx
    .select()
    .from(allianceRecords)
    .where(eq(allianceRecords.eventId, eventId))
    .orderBy(asc(allianceRecords.recordedAt));
}

/** The record of an event, member and kind (the database keeps at most one). */
export async function recordOf(
  tx: TenantTx,
  eventId: string,
  memberId: string,
  kind: string,
): Promise<RecordRow | undefined> {
  const [row] = await tx
    .select()
    .from(allianceRecords)
    .where(
      and(
        eq(allianceRecords.eventId, eventId),
        eq(allianceRecords.memberId, memberId),
        eq(allianceRecords.kind, kind),
      ),
    );
  return row;
}

/** One record. */
export async function getRecord(tx: TenantTx, id: string): Promise<RecordRow | undefined> {
  const [row] = await tx.select().from(allianceRecords).where(eq(allianceRecords.id, id));
  return row;
}

/** Records of a term, optionally of one member or in one approval state, oldest first. */
export function recordsOfTerm(
  tx: TenantTx,
  termId: string,
  filter: { memberId?: string; approval?: ApprovalState } = {},
): Promise<RecordRow[]> {
  return tx
    .select()
    .from(allianceRecords)
    .where(
      and(
        eq(allianceRecords.termId, termId),
        filter.memberId ? eq(allianceRecords.memberId, filter.memberId) : undefined,
        filter.approval ? eq(allianceRecords.approval, filter.approval) : undefined,
      ),
    )
    .orderBy(asc(allianceRecords.recordedAt));
}

/** Records of some ids. */
export function recordsByIds(tx: TenantTx, ids: readonly string[]): Promise<RecordRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(allianceRecords)
    .where(inArray(allianceRecords.id, [...ids]));
}

/** A member's record without an event, with a given key (full-attendance assessments). */
export async function keyedRecordOf(
  tx: TenantTx,
  memberId: string,
  kind: string,
  taskKey: string,
): Promise<RecordRow | undefined> {
  const [row] = await tx
    .select()
    .from(allianceRecords)
    .where(
      and(
        eq(allianceRecords.memberId, memberId),
        eq(allianceRecords.kind, kind),
        eq(allianceRecords.taskKey, taskKey),
        isNull(allianceRecords.eventId),
      ),
    );
  return row;
}

/** Writes a record. */
export async function insertRecord(
  tx: TenantTx,
  values: typeof allianceRecords.$inferInsert,
): Promise<RecordRow> {
  const [row] = await tx.insert(allianceRecords).values(values).returning();
  return row!;
}

/** Changes a record's facts, approval or who recorded it (the ledger keeps the points history). */
export async function updateRecordRow(
  tx: TenantTx,
  id: string,
  values: Partial<Pick<RecordRow, 'facts' | 'approval' | 'approvedBy' | 'recordedBy' | 'recordedAt'>>,
): Promise<RecordRow> {
  const [row] = await tx.update(allianceRecords).set(values).where(eq(allianceRecords.id, id)).returning();
  return row!;
}
