import { backgroundJobs, type UnscopedTx } from '@xinqiao/db';
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';

/** A job as the runner reads it back. */
export type StoredJob = typeof backgroundJobs.$inferSelect;

const seconds = (ms: number) => sql`now() + make_interval(secs => ${ms / 1000})`;

/**
 * Takes the next due job of the given kinds, if any: a queued job whose time has come, or a running one whose
 * lease ran out (its process died or hung) with tries left. Counts a try and leases the job to `workerId` for
 * `leaseMs`. `FOR UPDATE SKIP LOCKED`: processes claiming at the same time never take the same job.
 */
export async function claimNextJob(
  tx: UnscopedTx,
  kinds: readonly string[],
  workerId: string,
  leaseMs: number,
): Promise<StoredJob | undefined> {
  const due = tx
    .select({ id: backgroundJobs.id })
    .from(backgroundJobs)
    .where(
      and(
        inArray(backgroundJobs.kind, [...kinds]),
        or(
          and(eq(backgroundJobs.state, 'queued'), lte(backgroundJobs.runAt, sql`now()`)),
          and(
            eq(backgroundJobs.state, 'running'),
            lte(backgroundJobs.lockedUntil, sql`now()`),
            sql`${backgroundJobs.attempts} < ${backgroundJobs.maxAttempts}`,
          ),
        ),
      ),
    )
    .orderBy(asc(backgroundJobs.runAt))
    .limit(1)
    .for('update', { skipLocked: true });
  const [claimed] = await tx
    .update(backgroundJobs)
    .set({
      state: 'running',
      attempts: sql`${backgroundJobs.attempts} + 1`,
      lockedBy: workerId,
      lockedUntil: seconds(leaseMs),
    })
    // `= (subquery)`, an InitPlan run once. Under the app role's policy `id IN (subquery)` became a nested-loop
    // semi-join that ran the subquery again for every row, and each run skipped the rows this UPDATE had already
    // claimed and locked the next: one claim took every due job, ran one, and left the rest "running" on a lease
    // nobody renewed, each losing a try when it ran out.
    .where(eq(backgroundJobs.id, sql`(${due})`))
    .returning();
  return claimed;
}

/**
 * Takes one running job whose lease ran out on its last try (its process died each time): the caller marks it
 * failed for good. Locked like a claim, so one process gives it up once.
 */
export async function claimAbandonedJob(
  tx: UnscopedTx,
  kinds: readonly string[],
): Promise<StoredJob | undefined> {
  const [job] = await tx
    .select()
    .from(backgroundJobs)
    .where(
      and(
        inArray(backgroundJobs.kind, [...kinds]),
        eq(backgroundJobs.state, 'running'),
        lte(backgroundJobs.lockedUntil, sql`now()`),
        sql`${backgroundJobs.attempts} >= ${backgroundJobs.maxAttempts}`,
      ),
    )
    .limit(1)
    .for('update', { skipLocked: true });
  return job;
}

/** Extends the lease of a job this worker still holds; false when it lost it (another process took over). */
export async function renewLease(
  tx: UnscopedTx,
  jobId: string,
  workerId: string,
  leaseMs: number,
): Promise<boolean> {
  const renewed = await tx
    .update(backgroundJobs)
    .set({ lockedUntil: seconds(leaseMs) })
    .where(held(jobId, workerId))
    .returning({ id: backgroundJobs.id });
  return renewed.length > 0;
}

/** Marks a job this worker holds as done. */
export async function completeJob(tx: UnscopedTx, jobId: string, workerId: string): Promise<void> {
  await tx
    .update(backgroundJobs)
    .set({ state: 'done', lockedBy: null, lockedUntil: null, finishedAt: sql`now()` })
    .where(held(jobId, workerId));
}

/** Puts a job back in the queue for another try in `delayMs`, keeping the error; `refund` gives the try back. */
export async function requeueJob(
  tx: UnscopedTx,
  jobId: string,
  workerId: string,
  delayMs: number,
  error: string | null,
  refund = false,
): Promise<void> {
  await tx
    .update(backgroundJobs)
    .set({
      state: 'queued',
      runAt: seconds(delayMs),
      lockedBy: null,
      lockedUntil: null,
      ...(error === null ? {} : { lastError: error }),
      ...(refund ? { attempts: sql`greatest(${backgroundJobs.attempts} - 1, 0)` } : {}),
    })
    .where(held(jobId, workerId));
}

/** Marks a job failed for good with its reason; `workerId` null for a job whose lease ran out. */
export async function failJob(
  tx: UnscopedTx,
  jobId: string,
  workerId: string | null,
  error: string,
): Promise<boolean> {
  const failed = await tx
    .update(backgroundJobs)
    .set({ state: 'failed', lockedBy: null, lockedUntil: null, lastError: error, finishedAt: sql`now()` })
    .where(workerId === null ? eq(backgroundJobs.id, jobId) : held(jobId, workerId))
    .returning({ id: backgroundJobs.id });
  return failed.length > 0;
}

/** How many jobs of the given kinds are queued or running (a test waits for none). */
export async function countUnfinishedJobs(tx: UnscopedTx, kinds: readonly string[]): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::integer` })
    .from(backgroundJobs)
    .where(
      and(inArray(backgroundJobs.kind, [...kinds]), inArray(backgroundJobs.state, ['queued', 'running'])),
    );
  return row?.n ?? 0;
}

function held(jobId: string, workerId: string) {
  return and(
    eq(backgroundJobs.id, jobId),
    eq(backgroundJobs.state, 'running'),
    eq(backgroundJobs.lockedBy, workerId),
  );
}
