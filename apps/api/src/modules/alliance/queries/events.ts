import { allianceEvents, type TenantTx } from '@xinqiao/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { listMembers, type MemberView } from './members.ts';

/** An event row; `kind` is wider than the schema's union: tasks and department findings live beside events. */
export type EventRow = Omit<typeof allianceEvents.$inferSelect, 'kind'> & { kind: string };
type StoredEventKind = (typeof allianceEvents.$inferSelect)['kind'];
/** A new event, task or department finding (see docs/alliance.md, "Schema requests" 1 and 2). */
export type NewEvent = Omit<typeof allianceEvents.$inferInsert, 'kind'> & { kind: string };

/** Events and tasks of a term, by start time; optionally of some kinds only. */
export function listEvents(tx: TenantTx, termId: string, kinds?: readonly string[]): Promise<EventRow[]> {
  return tx
    .select()
    .from(allianceEvents)
    .where(
      and(
        eq(allianceEvents.termId, termId),
        kinds ? inArray(allianceEvents.kind, kinds as StoredEventKind[]) : undefined,
      ),
    )
    .orderBy(asc(allianceEvents.startsAt), asc(allianceEvents.createdAt));
}

/** One event or task. */
export async function getEvent(tx: TenantTx, id: string): Promise<EventRow | undefined> {
  const [row] = await tx.select().from(allianceEvents).where(eq(allianceEvents.id, id));
  return row;
}

/** Writes an event, a task or a department finding. */
export async function insertEvent(tx: TenantTx, values: NewEvent): Promise<EventRow> {
  // The column's TypeScript union lists attended kinds only; tasks and findings share the text column.
  const [row] = await tx
    .insert(allianceEvents)
    .values({ ...values, kind: values.kind as StoredEventKind })
    .returning();
  return row!;
}

/** Sets an event's status (open on its first record, closed by an officer). */
export async function setEventStatus(tx: TenantTx, id: string, status: EventRow['status']): Promise<void> {
  await tx.update(allianceEvents).set({ status }).where(eq(allianceEvents.id, id));
}

/** The active members an event expects: its department's, or everyone's for an alliance-wide event. */
export function expectedMembers(tx: TenantTx, event: EventRow): Promise<MemberView[]> {
  return listMembers(tx, event.termId, event.departmentId ? { departmentId: event.departmentId } : {});
}
