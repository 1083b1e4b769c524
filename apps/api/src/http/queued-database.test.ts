import type { Database } from '@xinqiao/db';
import { createTestDatabase } from '@xinqiao/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FairQueue } from './fair-queue.ts';
import { asQueuedCaller, queueTransactions } from './queued-database.ts';

let raw: Database;
let db: Database & { queue: FairQueue };
beforeAll(async () => {
  raw = await createTestDatabase();
  db = queueTransactions(
    raw,
    new FairQueue({
      concurrency: 1,
      maxWaitMs: 200,
      maxWaiting: 100,
      yieldBetweenTurns: raw.kind === 'pglite',
    }),
  );
});
afterAll(() => raw?.close());

const TRANSACTIONS = 250;
const work = (rows: number) =>
  db.orm.transaction((tx) => tx.execute(sql`SELECT count(*) FROM generate_series(1, ${rows})`));

describe('queueTransactions', () => {
  it('lets a caller that arrives by the event loop take a turn between a background job’s transactions', async () => {
    if (raw.kind !== 'pglite') return; // PostgreSQL answers over sockets: its event loop turns anyway
    let jobDone = 0;
    const jobStarted = performance.now();
    const job = (async () => {
      for (let i = 0; i < TRANSACTIONS; i++) await work(20_000); // background: no ticket
      jobDone = performance.now();
    })();
    // A request arrives by a timer (a macrotask, as a socket's data does) while the job runs.
    const sent = performance.now() + 20;
    const requestMs = await new Promise<number>((resolve) =>
      setTimeout(() => {
        void asQueuedCaller('session:test', () => work(10)).then(() => resolve(performance.now() - sent));
      }, 20),
    );
    const answeredAt = performance.now();
    await job;
    console.log(
      `request answered in ${requestMs.toFixed(1)} ms; the job ran on ${Math.round(jobDone - answeredAt)} ms after`,
    );
    // Before: PGlite answers through promises only, so the job never yielded a turn of the event loop and the
    // request (its timer) ran only after the job's last transaction.
    // Now it waits about one of the job's transactions (and its own).
    // Measured against the job itself, not in milliseconds: before, the request waited out the whole job.
    expect(jobDone).toBeGreaterThan(answeredAt);
    expect(requestMs).toBeLessThan((jobDone - jobStarted) / 2);
  });

  it('answers 503 server.busy with Retry-After when a turn does not come within the bound', async () => {
    const release = await db.queue.acquire('holder');
    try {
      const refused = await asQueuedCaller('session:late', () => work(10)).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: 'server.busy', status: 503 });
      expect((refused as { headers: Record<string, string> }).headers['retry-after']).toMatch(/^\d+$/);
    } finally {
      release();
    }
    await expect(asQueuedCaller('session:late', () => work(10))).resolves.toBeDefined();
  });
});
