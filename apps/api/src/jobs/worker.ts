import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { UnscopedTx } from '@xinqiao/db';
import { scopeTransaction, withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { sql } from 'drizzle-orm';
import { type JobContext, type JobDeps, type JobKind, PermanentJobError } from './kind.ts';
import { runAsJobRunner, schoolJobScope } from './runner-transaction.ts';
import { enqueueDueSchedules, type JobSchedule, registerSchedules } from './schedule.ts';
import {
  claimAbandonedJob,
  claimNextJob,
  completeJob,
  countUnfinishedJobs,
  failJob,
  renewLease,
  requeueJob,
  type StoredJob,
} from './store.ts';

/** How a worker runs. The defaults suit production; tests shorten the intervals. */
export interface JobWorkerOptions {
  deps: JobDeps;
  // biome-ignore lint/suspicious/noExplicitAny: a registry holds kinds of every payload type
  kinds: readonly JobKind<any>[];
  schedules?: readonly JobSchedule[];
  /** Wait between looks for due jobs when there is nothing to do (default 1 s). */
  pollMs?: number;
  /** How long a claimed job stays this worker's without renewal (default 30 s; renewed every third of it). */
  leaseMs?: number;
  /** Wait between looks for due daily schedules (default 60 s). */
  scheduleCheckMs?: number;
  /** Jobs run at once by this process (default 1: PGlite has one connection, imports are heavy). */
  concurrency?: number;
}

/** A running worker: stop it before closing the database. */
export interface JobWorker {
  readonly id: string;
  /** Looks for work now instead of at the next poll. */
  wake(): void;
  /** Resolves when no job of this worker's kinds is queued or running (in any process). */
  drained(timeoutMs?: number): Promise<void>;
  /**
   * Stops claiming, aborts the running jobs and waits for them: a job stopped this way goes back to the queue
   * without using a try, so the next process resumes it at once.
   */
  stop(): Promise<void>;
}

const live = new Set<JobWorker>();

/**
 * Starts claiming and running background jobs of the given kinds in this process, and enqueuing due daily
 * schedules. Every API process may run one (main.ts does); jobs are shared through the database.
 *
 * @example
 * const worker = startJobWorker({ deps: { db, plugins, config, clock, log }, kinds: jobKinds, schedules });
 * process.once('SIGTERM', () => void worker.stop().then(() => db.close()));
 */
export function startJobWorker(options: JobWorkerOptions): JobWorker {
  const { deps } = options;
  const pollMs = options.pollMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 30_000;
  const scheduleCheckMs = options.scheduleCheckMs ?? 60_000;
  const concurrency = options.concurrency ?? 1;
  const schedules = options.schedules ?? [];
  const kinds = new Map(options.kinds.map((kind) => [kind.name, kind]));
  const kindNames = [...kinds.keys()];
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const running = new Map<string, { done: Promise<void>; controller: AbortController }>();
  let stopping = false;
  let nextScheduleCheck = 0;
  let wakeUp: () => void = () => {};
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const runJob = async (job: StoredJob, kind: JobKind<unknown>) => {
    const controller = new AbortController();
    let leaseLost = false;
    const renewal = setInterval(() => {
      runAsJobRunner(deps.db, (tx) => renewLease(tx, job.id, id, leaseMs))
        .then((held) => {
          if (held) return;
          leaseLost = true;
          controller.abort(new Error('lease lost'));
        })
        .catch((error: unknown) => deps.log(`job ${job.id}: renewing its lease failed`, error));
    }, leaseMs / 3);
    const context: JobContext = {
      job: {
        id: job.id,
        kind: job.kind,
        schoolId: job.schoolId,
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
      },
      signal: controller.signal,
      inTenant: (scope, work) => withTenant(deps.db, scope, work),
      asJobRunner: (work) => runAsJobRunner(deps.db, work),
      deps,
    };
    const finished = (async () => {
      try {
        const payload = kind.payload.safeParse(job.payload);
        if (!payload.success)
          throw new PermanentJobError(`payload does not fit ${kind.name}: ${payload.error.message}`);
        await kind.run(payload.data, context);
        await runAsJobRunner(deps.db, (tx) => completeJob(tx, job.id, id));
      } catch (error) {
        if (leaseLost) {
          deps.log(`job ${job.id} (${kind.name}): lease lost, another process has it`, error);
        } else if (stopping && controller.signal.aborted) {
          await runAsJobRunner(deps.db, (tx) => requeueJob(tx, job.id, id, 0, null, true));
        } else if (error instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
          await giveUp(job, kind, messageOf(error), id);
        } else {
          deps.log(`job ${job.id} (${kind.name}) try ${job.attempts} failed, will retry`, error);
          const delay = kind.retry.backoffMs(job.attempts);
          await runAsJobRunner(deps.db, (tx) => requeueJob(tx, job.id, id, delay, messageOf(error)));
        }
      } finally {
        clearInterval(renewal);
      }
    })()
      .catch((error: unknown) => deps.log(`job ${job.id} (${kind.name}): recording its end failed`, error))
      .finally(() => {
        running.delete(job.id);
        wakeUp();
      });
    running.set(job.id, { done: finished, controller });
  };

  /** Fails a job for good and lets its kind end the work visibly, in the same transaction. */
  const giveUpIn = async (
    tx: UnscopedTx,
    job: StoredJob,
    kind: JobKind<unknown>,
    reason: string,
    holder: string | null,
  ) => {
    deps.log(`job ${job.id} (${kind.name}) failed for good after ${job.attempts} tries: ${reason}`);
    if (!(await failJob(tx, job.id, holder, reason))) return;
    const payload = kind.payload.safeParse(job.payload);
    if (!kind.onGiveUp || !job.schoolId || !payload.success) return;
    await tx.execute(sql`SELECT set_config('xq.job_runner', '', true)`); // the kind sees its school only
    const scoped = await scopeTransaction(tx, schoolJobScope(job.schoolId, kind.capabilities));
    await kind.onGiveUp(scoped, payload.data, reason);
  };
  const giveUp = (job: StoredJob, kind: JobKind<unknown>, reason: string, holder: string) =>
    runAsJobRunner(deps.db, (tx) => giveUpIn(tx, job, kind, reason, holder));

  const lookForWork = async (): Promise<boolean> => {
    if (Date.now() >= nextScheduleCheck && schedules.length > 0) {
      await runAsJobRunner(deps.db, (tx) => enqueueDueSchedules(tx, schedules));
      nextScheduleCheck = Date.now() + scheduleCheckMs;
    }
    const abandoned = await runAsJobRunner(deps.db, async (tx) => {
      const job = await claimAbandonedJob(tx, kindNames);
      if (job) await giveUpIn(tx, job, kinds.get(job.kind)!, abandonedReason(job), null);
      return job;
    });
    if (abandoned) return true;
    if (running.size >= concurrency || stopping) return false;
    const job = await runAsJobRunner(deps.db, (tx) => claimNextJob(tx, kindNames, id, leaseMs));
    if (!job) return false;
    await runJob(job, kinds.get(job.kind)!);
    return true;
  };

  const registered = runAsJobRunner(deps.db, (tx) => registerSchedules(tx, schedules));
  const loop = (async () => {
    await registered;
    while (!stopping) {
      let worked = false;
      try {
        worked = await lookForWork();
      } catch (error) {
        deps.log('job worker: looking for work failed', error);
      }
      if (!worked && !stopping) await nap(pollMs);
    }
  })().catch((error: unknown) => deps.log('job worker stopped on an error', error));

  const worker: JobWorker = {
    id,
    wake: () => wakeUp(),
    async drained(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      await registered;
      for (;;) {
        wakeUp();
        const unfinished = await runAsJobRunner(deps.db, (tx) => countUnfinishedJobs(tx, kindNames));
        if (unfinished === 0 && running.size === 0) return;
        if (Date.now() > deadline) throw new Error(`background jobs still unfinished after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      stopping = true;
      live.delete(worker);
      wakeUp();
      const abortAll = () => {
        for (const { controller } of running.values()) controller.abort(new Error('worker stopping'));
      };
      abortAll();
      await loop;
      abortAll(); // a job claimed while the loop was finishing its last look
      await Promise.all([...running.values()].map((r) => r.done));
    },
  };
  live.add(worker);
  return worker;
}

/** Resolves when every worker started in this process has nothing queued or running (tests). */
export async function jobWorkersDrained(timeoutMs?: number): Promise<void> {
  await Promise.all([...live].map((worker) => worker.drained(timeoutMs)));
}

function abandonedReason(job: StoredJob): string {
  return `interrupted ${job.attempts} times: its process stopped each time`;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}
