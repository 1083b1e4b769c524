import { queryRows, sqlInstant, type TenantTx } from '@xinqiao/db';
import { sql } from 'drizzle-orm';

const DAY_MS = 86_400_000;

/**
 * Deletes the school's raw campus-card transactions and activity events older than `rawDays` (the plugin's
 * retention): personal information is kept no longer than its purpose needs. Answers the rows deleted. Needs the
 * import role (`feeds.raw`); signals and warnings computed from them stay.
 *
 * @example await deleteExpiredFeedRows(tx, new Date(), 180) // 1234
 */
export async function deleteExpiredFeedRows(tx: TenantTx, now: Date, rawDays: number): Promise<number> {
  const before = new Date(now.getTime() - rawDays * DAY_MS);
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`WITH card AS (DELETE FROM feed_card_transactions WHERE occurred_at < ${sqlInstant(before)} RETURNING 1),
             act AS (DELETE FROM feed_activity_events WHERE occurred_at < ${sqlInstant(before)} RETURNING 1)
        SELECT ((SELECT count(*) FROM card) + (SELECT count(*) FROM act))::integer AS n`,
  );
  return row?.n ?? 0;
}
