import { notifications, type TenantTx } from '@xinqiao/db';
import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';

// The caller's own notifications: RLS shows a person theirs alone, so these queries name no recipient; the
// `recipient_id = me` conditions only keep the plan on the recipient's index.

/** A stored notification. */
export type NotificationRow = typeof notifications.$inferSelect;

const mine = (personId: string, unreadOnly = false): SQL | undefined =>
  and(eq(notifications.recipientId, personId), unreadOnly ? isNull(notifications.readAt) : undefined);

/** A page of the person's notifications, newest first. */
export function listNotifications(
  tx: TenantTx,
  personId: string,
  options: { unreadOnly: boolean; limit: number; offset: number },
): Promise<NotificationRow[]> {
  return tx
    .select()
    .from(notifications)
    .where(mine(personId, options.unreadOnly))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit)
    .offset(options.offset);
}

/** How many notifications the person has (only unread ones, when asked). */
export async function countNotifications(
  tx: TenantTx,
  personId: string,
  unreadOnly: boolean,
): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(notifications).where(mine(personId, unreadOnly));
  return row?.n ?? 0;
}

/** Marks one notification read (the first reading counts); undefined when it is not the person's. */
export async function markRead(
  tx: TenantTx,
  personId: string,
  id: string,
): Promise<NotificationRow | undefined> {
  const [row] = await tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), mine(personId)));
  if (!row || row.readAt) return row;
  const [marked] = await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(eq(notifications.id, id))
    .returning();
  return marked;
}

/** Marks every unread notification of the person read; answers how many. */
export async function markAllRead(tx: TenantTx, personId: string): Promise<number> {
  const marked = await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(mine(personId, true))
    .returning({ id: notifications.id });
  return marked.length;
}
