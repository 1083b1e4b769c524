import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from '@xinqiao/db';
import type { MiddlewareHandler } from 'hono';
import { sessionTokenOf } from '../auth/cookie.ts';
import { clientAddress } from './client-address.ts';
import { type FairQueue, type FairQueueOptions, QueueWaitExceeded } from './fair-queue.ts';
import { problem } from './problem.ts';

/** Who is waiting for the database in this async context: their fairness key and how long they may wait. */
interface QueueTicket {
  key: string;
  /** Undefined: the queue's own bound. */
  maxWaitMs?: number;
  /** Set while this context holds a turn: a transaction opened inside it must not queue behind itself. */
  holding?: boolean;
}

const tickets = new AsyncLocalStorage<QueueTicket>();

/** Background work (jobs, start-up) has no request: it queues under one key and is never refused. */
const BACKGROUND: QueueTicket = { key: 'background', maxWaitMs: Number.POSITIVE_INFINITY };

/**
 * Sends every transaction of `db` through `queue`: a transaction begins only when the queue gives its caller a
 * turn (fairly, per the caller's key) and ends its turn when it commits or rolls back. Queries outside a
 * transaction and savepoints inside one pass straight through. Use the returned database for the app and the job
 * worker alike, so requests and background batches take turns.
 *
 * @example
 * ```ts
 * const queued = queueTransactions(db, new FairQueue(queueOptionsFromEnv(process.env, db.kind)));
 * const app = createApp({ db: queued, plugins, config });
 * ```
 */
export function queueTransactions(db: Database, queue: FairQueue): Database & { queue: FairQueue } {
  const inner = db.orm;
  const orm = Object.create(inner) as typeof inner;
  const transaction = inner.transaction.bind(inner) as (...args: unknown[]) => Promise<unknown>;
  (orm as { transaction: unknown }).transaction = async (...args: unknown[]) => {
    const ticket = tickets.getStore() ?? BACKGROUND;
    if (ticket.holding) return transaction(...args);
    // On PGlite (yieldBetweenTurns) the queue hands every turn over on a later turn of the event loop, so a job
    // storing batch after batch still lets the loop read a waiting request's socket between its transactions.
    let release: () => void;
    try {
      release = await queue.acquire(ticket.key, ticket.maxWaitMs);
    } catch (error) {
      if (error instanceof QueueWaitExceeded) throw busy(error.retryAfterSeconds);
      throw error;
    }
    try {
      return await tickets.run({ ...ticket, holding: true }, () => transaction(...args));
    } finally {
      release();
    }
  };
  return { ...db, orm, queue };
}

function busy(retryAfterSeconds: number) {
  return problem('server.busy', { retryAfterSeconds }).withHeaders({
    'retry-after': String(retryAfterSeconds),
  });
}

/**
 * Gives each /api request its place in the database queue: its session (the cookie; never stored or logged) or,
 * before signing in, its client address is its key, so one browser's burst or a campus NAT's login storm waits
 * among itself while every other caller keeps its turn. Without {@link queueTransactions} it costs nothing.
 *
 * @example
 * ```ts
 * app.use('/api/*', queueTicket(config.trustProxy));
 * ```
 */
export function queueTicket(trustProxy: boolean): MiddlewareHandler {
  return (c, next) => {
    const session = sessionTokenOf(c);
    const key = session ? `session:${session}` : `address:${clientAddress(c, trustProxy)}`;
    return tickets.run({ key }, next);
  };
}

/**
 * Runs `work` with its transactions queued under `key` (with the queue's wait bound), as a request's are: for work
 * that does not come through the HTTP app (tests, tools).
 *
 * @example
 * ```ts
 * await asQueuedCaller('session:test', () => withTenant(db, scope, (tx) => listStudents(tx)));
 * ```
 */
export function asQueuedCaller<T>(key: string, work: () => Promise<T>): Promise<T> {
  return tickets.run({ key }, work);
}

/** Defaults: a turn is waited for at most 10 s; 2,000 waiters at most; one holder on PGlite, 8 on PostgreSQL. */
export const DEFAULT_QUEUE_WAIT_MS = 10_000;

/**
 * The queue's settings from the environment: XINQIAO_DB_QUEUE_WAIT_MS (the wait bound, default 10,000),
 * XINQIAO_DB_QUEUE_MAX_WAITING (default 2,000) and XINQIAO_DB_QUEUE_CONCURRENCY (default 1 on PGlite, which has
 * one connection, and `poolSize - 2` on PostgreSQL, leaving the job worker a connection).
 *
 * @example
 * ```ts
 * const queue = new FairQueue(queueOptionsFromEnv(process.env, db.kind));
 * ```
 */
export function queueOptionsFromEnv(
  env: NodeJS.ProcessEnv,
  kind: Database['kind'],
  poolSize = 10,
): FairQueueOptions {
  const number = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value && Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    concurrency: number(env.XINQIAO_DB_QUEUE_CONCURRENCY, kind === 'pglite' ? 1 : Math.max(1, poolSize - 2)),
    maxWaitMs: number(env.XINQIAO_DB_QUEUE_WAIT_MS, DEFAULT_QUEUE_WAIT_MS),
    maxWaiting: number(env.XINQIAO_DB_QUEUE_MAX_WAITING, 2_000),
    yieldBetweenTurns: kind === 'pglite',
  };
}
