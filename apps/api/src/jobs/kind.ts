import type { Database, TenantScope, TenantTx, UnscopedTx } from '@xinqiao/db';
import type { z } from 'zod';
import type { AppConfig, Clock } from '../context.ts';
import type { PluginCatalog } from '../modules/plugins/catalog.ts';

/** How often a kind of job is tried and how long it waits between tries. */
export interface RetryPolicy {
  /** Tries in all, the first included (a process that dies mid-job used one). */
  maxAttempts: number;
  /** Wait before try n+1 after try n failed (n from 1). */
  backoffMs: (attempt: number) => number;
}

/** What a job handler is given besides its payload. */
export interface JobContext {
  job: { id: string; kind: string; schoolId: string | null; attempt: number; maxAttempts: number };
  /** Aborted when this process stops or loses the job's lease: stop at the next safe point. */
  signal: AbortSignal;
  /** Runs `work` in one transaction scoped to `scope` (the job runner is allowed to make them). */
  inTenant<T>(scope: TenantScope, work: (tx: TenantTx) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one transaction with the job runner's right to the platform's own queues (jobs, schedules, the
   * notification outbox and channels) and to no school's rows: for work that spans schools, such as delivering the
   * outbox.
   */
  asJobRunner<T>(work: (tx: UnscopedTx) => Promise<T>): Promise<T>;
  deps: JobDeps;
}

/** What the API process hands every job: the database, plugins, settings, clock and logger. */
export interface JobDeps {
  db: Database;
  plugins: PluginCatalog;
  config: AppConfig;
  clock: Clock;
  log: (message: string, error?: unknown) => void;
}

/** A registered kind of background job. Build one with {@link defineJob}. */
export interface JobKind<P = unknown> {
  /** Stored with each job; a process claims only the kinds it knows. Lower case, dots and dashes. */
  name: string;
  payload: z.ZodType<P>;
  retry: RetryPolicy;
  /**
   * Capabilities of the school-wide scope (no person, no units) in which {@link JobKind.onGiveUp} runs, e.g.
   * `screening.manage` to mark an import failed.
   */
  capabilities?: readonly string[];
  run(payload: P, context: JobContext): Promise<void>;
  /**
   * Called once, in the same transaction that marks the job failed for good (last try failed, or its process died
   * on the last try), so the work it stands for ends visibly: an import is marked failed with the reason.
   * Scoped to the job's school; not called for platform jobs.
   */
  onGiveUp?(tx: TenantTx, payload: P, reason: string): Promise<void>;
}

const NAME = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;

/**
 * Declares a kind of background job: its name, the zod schema of its payload (checked when it is enqueued and
 * again when it runs), its handler and its retry policy. Register it in `apps/api/src/jobs/kinds.ts`.
 *
 * @example
 * export const sendNotice = defineJob({
 *   name: 'notices.send',
 *   payload: z.object({ noticeId: z.string().uuid() }),
 *   retry: { maxAttempts: 5, backoffMs: (n) => 2 ** n * 1000 },
 *   async run({ noticeId }, ctx) { … },
 * });
 */
export function defineJob<P>(kind: JobKind<P>): JobKind<P> {
  if (!NAME.test(kind.name)) throw new Error(`job kind name "${kind.name}" must match ${NAME}`);
  if (!Number.isInteger(kind.retry.maxAttempts) || kind.retry.maxAttempts < 1) {
    throw new Error(`job kind ${kind.name}: maxAttempts must be a positive integer`);
  }
  return kind;
}

/** Thrown by a handler for a failure no retry can mend (a bad payload): the job fails at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}
