import { type NotificationChannelKind, notificationChannels, type TenantTx } from '@xinqiao/db';
import { eq, sql } from 'drizzle-orm';

// The school's channels: RLS lets only a transaction holding `notifications.manage` (the school admin) read or write
// them, and only its own school's.

/** A stored channel. */
export type ChannelRow = typeof notificationChannels.$inferSelect;

/** The school's channels. */
export function listChannelRows(tx: TenantTx): Promise<ChannelRow[]> {
  return tx.select().from(notificationChannels);
}

/** Stores a channel's settings (adding it, or replacing what was stored). */
export async function saveChannel(
  tx: TenantTx,
  schoolId: string,
  kind: NotificationChannelKind,
  values: { enabled: boolean; config: Record<string, string | number | boolean> },
): Promise<void> {
  await tx
    .insert(notificationChannels)
    .values({ schoolId, kind, ...values })
    .onConflictDoUpdate({
      target: [notificationChannels.schoolId, notificationChannels.kind],
      set: { ...values, updatedAt: sql`now()` },
    });
}

/** Removes a channel. */
export async function deleteChannel(tx: TenantTx, kind: NotificationChannelKind): Promise<void> {
  await tx.delete(notificationChannels).where(eq(notificationChannels.kind, kind));
}
