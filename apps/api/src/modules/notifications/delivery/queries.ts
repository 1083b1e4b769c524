import {
  backgroundJobs,
  notificationChannels,
  notificationOutbox,
  sqlInstant,
  type UnscopedTx,
} from '@xinqiao/db';
import { and, asc, eq, inArray, isNull, lt, lte, min, sql } from 'drizzle-orm';
import type { OutboxRow } from './compose.ts';

// The outbox as the job runner sees it (RLS: `xq.job_runner`; a request may only add to it).

const inMs = (ms: number) => sql`now() + make_interval(secs => ${ms / 1000})`;
const pending = () => and(isNull(notificationOutbox.sentAt), isNull(notificationOutbox.failedAt));
const ofSchool = (schoolId: string | null) =>
  schoolId === null ? undefined : eq(notificationOutbox.schoolId, schoolId);

/**
 * Takes up to `limit` messages that are due (new, or waiting out their backoff, or leased by a process that died),
 * counts a try on each and leases them for `leaseMs`: until then no other process takes them. `FOR UPDATE SKIP
 * LOCKED`: processes claiming at once never take the same message.
 */
export async function claimDueMessages(
  tx: UnscopedTx,
  options: { schoolId: string | null; limit: number; leaseMs: number; maxAttempts: number },
): Promise<OutboxRow[]> {
  // A CTE, run once. As `id IN (subquery)` under the app role's policy it could plan as a nested-loop semi-join
  // that ran the subquery per row, each run skipping the rows just claimed: a claim took every due message, not
  // `limit` (jobs/store.ts had the same shape and took every due job).
  const due = tx.$with('due').as(
    tx
      .select({ id: notificationOutbox.id })
      .from(notificationOutbox)
      .where(
        and(
          pending(),
          ofSchool(options.schoolId),
          lte(notificationOutbox.nextAttemptAt, sql`now()`),
          lt(notificationOutbox.attempts, options.maxAttempts),
        ),
      )
      .orderBy(asc(notificationOutbox.nextAttemptAt))
      .limit(options.limit)
      .for('update', { skipLocked: true }),
  );
  return tx
    .with(due)
    .update(notificationOutbox)
    .set({ attempts: sql`${notificationOutbox.attempts} + 1`, nextAttemptAt: inMs(options.leaseMs) })
    .where(inArray(notificationOutbox.id, tx.select({ id: due.id }).from(due)))
    .returning();
}

/** Gives up the messages whose last try's process died (their lease ran out with no try left). */
export async function failInterruptedMessages(
  tx: UnscopedTx,
  options: { schoolId: string | null; maxAttempts: number },
): Promise<number> {
  const failed = await tx
    .update(notificationOutbox)
    .set({
      failedAt: sql`now()`,
      lastError: sql`coalesce(${notificationOutbox.lastError} || ' · ', '') || 'interrupted on the last try'`,
    })
    .where(
      and(
        pending(),
        ofSchool(options.schoolId),
        lte(notificationOutbox.nextAttemptAt, sql`now()`),
        sql`${notificationOutbox.attempts} >= ${options.maxAttempts}`,
      ),
    )
    .returning({ id: notificationOutbox.id });
  return failed.length;
}

/** Marks a message sent (once: a second mark changes nothing). */
export async function markSent(tx: UnscopedTx, id: string): Promise<void> {
  await tx
    .update(notificationOutbox)
    .set({ sentAt: sql`now()`, lastError: null })
    .where(and(eq(notificationOutbox.id, id), isNull(notificationOutbox.sentAt)));
}

/** Records a failed try: tried again in `retryInMs`, or, with `retryInMs` null, failed for good. */
export async function markTryFailed(
  tx: UnscopedTx,
  id: string,
  error: string,
  retryInMs: number | null,
): Promise<void> {
  await tx
    .update(notificationOutbox)
    .set(
      retryInMs === null
        ? { failedAt: sql`now()`, lastError: error }
        : { nextAttemptAt: inMs(retryInMs), lastError: error },
    )
    .where(and(eq(notificationOutbox.id, id), pending()));
}

/** Hands messages this process claimed but did not try back (it is stopping): due at once, the try not counted. */
export async function releaseMessages(tx: UnscopedTx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(notificationOutbox)
    .set({ nextAttemptAt: sql`now()`, attempts: sql`greatest(${notificationOutbox.attempts} - 1, 0)` })
    .where(and(inArray(notificationOutbox.id, [...ids]), pending()));
}

/** Drops a message for a channel its school does not use (none set up, or turned off). */
export async function dropMessage(tx: UnscopedTx, id: string): Promise<void> {
  await tx.delete(notificationOutbox).where(and(eq(notificationOutbox.id, id), pending()));
}

/** The stored channels of these schools. */
export function channelRowsOf(tx: UnscopedTx, schoolIds: readonly string[]) {
  return tx
    .select()
    .from(notificationChannels)
    .where(inArray(notificationChannels.schoolId, [...schoolIds]));
}

/** When the earliest message still waiting out its backoff falls due, per school. */
export async function nextRetries(
  tx: UnscopedTx,
  schoolId: string | null,
): Promise<{ schoolId: string; at: Date }[]> {
  const rows = await tx
    .select({ schoolId: notificationOutbox.schoolId, at: min(notificationOutbox.nextAttemptAt) })
    .from(notificationOutbox)
    .where(and(pending(), ofSchool(schoolId)))
    .groupBy(notificationOutbox.schoolId);
  return rows.flatMap((row) => (row.at ? [{ schoolId: row.schoolId, at: new Date(row.at) }] : []));
}

/**
 * Enqueues a delivery job of `kind` for a school at `at`, unless one is already queued to run by then: the retry
 * of a message in backoff is not left to the periodic sweep.
 */
export async function scheduleDelivery(
  tx: UnscopedTx,
  kind: { name: string; maxAttempts: number },
  schoolId: string,
  at: Date,
) {
  const queued = await tx
    .select({ id: backgroundJobs.id })
    .from(backgroundJobs)
    .where(
      and(
        eq(backgroundJobs.kind, kind.name),
        eq(backgroundJobs.schoolId, schoolId),
        eq(backgroundJobs.state, 'queued'),
        lte(backgroundJobs.runAt, at),
      ),
    )
    .limit(1);
  if (queued.length > 0) return;
  await tx
    .insert(backgroundJobs)
    .values({ schoolId, kind: kind.name, payload: {}, maxAttempts: kind.maxAttempts, runAt: at });
}

/** Deletes messages sent or failed before `before` (the outbox is a queue, not an archive). */
export async function purgeFinishedMessages(tx: UnscopedTx, before: Date): Promise<number> {
  const purged = await tx
    .delete(notificationOutbox)
    .where(
      sql`coalesce(${notificationOutbox.sentAt}, ${notificationOutbox.failedAt}) < ${sqlInstant(before)}`,
    )
    .returning({ id: notificationOutbox.id });
  return purged.length;
}
