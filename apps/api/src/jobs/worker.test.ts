import { backgroundJobs, jobSchedules } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultConfig } from '../context.ts';
import { fixedCatalog } from '../modules/plugins/catalog.ts';
import { createTestApp, type TestApp } from '../testing/index.ts';
import { enqueueJob } from './enqueue.ts';
import { defineJob, type JobDeps, type JobKind } from './kind.ts';
import { runAsJobRunner, schoolJobScope } from './runner-transaction.ts';
import { defineDailySchedule, defineIntervalSchedule, nextDailyRun, nextRunOf } from './schedule.ts';
import { claimNextJob } from './store.ts';
import { type JobWorker, startJobWorker } from './worker.ts';

let t: TestApp;
let deps: JobDeps;
const workers: JobWorker[] = [];
const ran: string[] = [];
const givenUp: { payload: unknown; reason: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  deps = {
    db: t.db,
    plugins: fixedCatalog([]),
    config: defaultConfig,
    clock: () => new Date(),
    log: (m, e) => process.env.DEBUG_JOBS && console.log(m, e),
  };
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await runAsJobRunner(t.db, (tx) => tx.delete(backgroundJobs));
  ran.length = 0;
  givenUp.length = 0;
});
afterAll(() => t.close());

const Note = z.object({ note: z.string() });
const note = defineJob({
  name: 'test.note',
  payload: Note,
  retry: { maxAttempts: 2, backoffMs: () => 0 },
  async run({ note }) {
    ran.push(note);
  },
});
const broken = defineJob({
  name: 'test.broken',
  payload: Note,
  retry: { maxAttempts: 2, backoffMs: () => 0 },
  async run({ note }) {
    ran.push(note);
    throw new Error(`cannot ${note}`);
  },
  async onGiveUp(_tx, payload, reason) {
    givenUp.push({ payload, reason });
  },
});
const patient = defineJob({
  name: 'test.patient',
  payload: Note,
  retry: { maxAttempts: 3, backoffMs: () => 0 },
  run: ({ note }, ctx) =>
    new Promise((_resolve, reject) => {
      ran.push(note);
      ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
    }),
});
const kinds = [note, broken, patient];

function start(options: Partial<Parameters<typeof startJobWorker>[0]> = {}): JobWorker {
  const worker = startJobWorker({ deps, kinds, pollMs: 20, leaseMs: 600, ...options });
  workers.push(worker);
  return worker;
}
const school = () => t.world.schools.alpha.id;
const enqueue = <P>(kind: JobKind<P>, payload: P) =>
  withTenant(t.db, schoolJobScope(school()), (tx) => enqueueJob(tx, school(), kind, payload));
const jobRow = (id: string) =>
  runAsJobRunner(
    t.db,
    async (tx) => (await tx.select().from(backgroundJobs).where(eq(backgroundJobs.id, id)))[0]!,
  );

describe('jobs/worker', () => {
  it('runs a job enqueued by a committed transaction, once, and marks it done', async () => {
    const id = await enqueue(note, { note: 'hello' });
    const worker = start();
    await worker.drained();
    expect(ran).toEqual(['hello']);
    expect(await jobRow(id)).toMatchObject({ state: 'done', attempts: 1, lockedBy: null });
  });

  it('adds no job when the transaction that asked for it rolls back', async () => {
    await withTenant(t.db, schoolJobScope(school()), async (tx) => {
      await enqueueJob(tx, school(), note, { note: 'never' });
      throw new Error('roll back');
    }).catch(() => {});
    await start().drained();
    expect(ran).toEqual([]);
  });

  it('refuses a payload that does not fit the kind when it is enqueued', async () => {
    await expect(enqueue(note, { note: 42 } as never)).rejects.toThrow();
  });

  it('retries a failing job, then fails it visibly with the reason and lets its kind end the work', async () => {
    const id = await enqueue(broken, { note: 'fly' });
    await start().drained();
    expect(ran).toEqual(['fly', 'fly']);
    expect(await jobRow(id)).toMatchObject({ state: 'failed', attempts: 2, lastError: 'Error: cannot fly' });
    expect(givenUp).toEqual([{ payload: { note: 'fly' }, reason: 'Error: cannot fly' }]);
  });

  it('claims one job at a time: the others stay queued, untried, and run one after another at once', async () => {
    // A queue with a past, as in production: finished jobs come first in the table.
    for (const name of ['old-1', 'old-2']) await enqueue(note, { note: name });
    const past = start();
    await past.drained(10_000);
    await past.stop();
    ran.length = 0;
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c', 'd']) ids.push(await enqueue(note, { note: name }));
    const claimed = await runAsJobRunner(t.db, (tx) => claimNextJob(tx, [note.name], 'one-claim', 30_000));
    expect(claimed?.id).toBe(ids[0]);
    const rows = await Promise.all(ids.map(jobRow));
    expect(rows.map((row) => [row.state, row.attempts])).toEqual([
      ['running', 1],
      ['queued', 0],
      ['queued', 0],
      ['queued', 0],
    ]);
    // The claimed one's process died; a worker takes it over once its lease runs out, and runs the rest at once.
    await runAsJobRunner(t.db, (tx) =>
      tx.execute(sql`UPDATE background_jobs SET locked_until = now() WHERE id = ${ids[0]}::uuid`),
    );
    await start().drained(10_000);
    expect(ran.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect((await Promise.all(ids.map(jobRow))).map((row) => row.attempts)).toEqual([2, 1, 1, 1]);
  });

  it('takes over a job whose process died (its lease ran out) and runs it again', async () => {
    const id = await enqueue(note, { note: 'orphan' });
    const dead = await runAsJobRunner(t.db, (tx) => claimNextJob(tx, [note.name], 'dead-process', 300));
    expect(dead?.id).toBe(id);
    const worker = start();
    await worker.drained(10_000);
    expect(ran).toEqual(['orphan']);
    expect(await jobRow(id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('fails a job whose process died on its last try, and lets its kind end the work', async () => {
    const id = await enqueue(broken, { note: 'twice dead' });
    for (const process of ['dead-1', 'dead-2']) {
      await runAsJobRunner(t.db, (tx) => claimNextJob(tx, [broken.name], process, 0));
    }
    await start().drained(10_000);
    expect(ran).toEqual([]);
    expect(await jobRow(id)).toMatchObject({ state: 'failed', attempts: 2 });
    expect(givenUp[0]!.reason).toBe('interrupted 2 times: its process stopped each time');
  });

  it('renews the lease of a long job so no other process takes it', async () => {
    const id = await enqueue(patient, { note: 'long' });
    // A lease of 2.5 s: with 300 ms, then 1 s, a CPU-starved CI machine (2 cores at 99% for the whole run) stalled the
    // renewal (every third of a lease) past the lease.
    const first = start({ leaseMs: 2_500 });
    const second = start({ leaseMs: 2_500 });
    await new Promise((resolve) => setTimeout(resolve, 10_000)); // four leases long
    expect(ran).toEqual(['long']);
    expect(await jobRow(id)).toMatchObject({ state: 'running', attempts: 1 });
    await Promise.all([first.stop(), second.stop()]);
  });

  it('puts a job stopped by a shutdown back in the queue without using a try', async () => {
    const id = await enqueue(patient, { note: 'interrupted' });
    const worker = start();
    const deadline = Date.now() + 5_000;
    while (ran.length === 0) {
      if (Date.now() > deadline) throw new Error(`never ran: ${JSON.stringify(await jobRow(id))}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await worker.stop();
    expect(await jobRow(id)).toMatchObject({ state: 'queued', attempts: 0, lockedBy: null });
  });
});

describe('jobs/daily schedules', () => {
  const daily = defineDailySchedule({
    name: 'test-daily',
    kind: note,
    payload: { note: 'daily' },
    at: '03:30',
  });
  const dueNow = () =>
    runAsJobRunner(t.db, (tx) =>
      tx
        .update(jobSchedules)
        .set({ nextRunAt: sql`now() - interval '1 second'` })
        .where(eq(jobSchedules.name, daily.name)),
    );
  const nextRun = async () =>
    (
      await runAsJobRunner(t.db, (tx) =>
        tx.select().from(jobSchedules).where(eq(jobSchedules.name, daily.name)),
      )
    )[0]!.nextRunAt;

  it('runs a daily job when its time has come, once across processes, and moves it to the next day', async () => {
    const options = { schedules: [daily], scheduleCheckMs: 20 };
    await start(options).drained();
    expect(ran).toEqual([]); // registered, due at the next 03:30 China time
    const registered = await nextRun();
    expect(registered.getTime()).toBe(
      nextDailyRun(new Date(registered.getTime() - 86_400_000 + 1), '03:30').getTime(),
    );
    await dueNow();
    const [a, b] = [start(options), start(options)];
    await new Promise((resolve) => setTimeout(resolve, 200));
    await Promise.all([a.drained(), b.drained()]);
    expect(ran).toEqual(['daily']);
    expect((await nextRun()).getTime()).toBeGreaterThan(Date.now());
  });

  it('moves an interval schedule on by its minutes, and refuses an interval under a minute', () => {
    const sweep = defineIntervalSchedule({
      name: 'test-sweep',
      kind: note,
      payload: { note: 's' },
      everyMinutes: 5,
    });
    expect(nextRunOf(sweep, new Date('2026-09-01T19:00:00Z')).toISOString()).toBe('2026-09-01T19:05:00.000Z');
    expect(nextRunOf(daily, new Date('2026-09-01T19:00:00Z')).toISOString()).toBe('2026-09-01T19:30:00.000Z');
    expect(() => defineIntervalSchedule({ ...sweep, everyMinutes: 0.5 })).toThrow(/everyMinutes/);
  });

  it('computes the next run in China time', () => {
    expect(nextDailyRun(new Date('2026-09-01T19:00:00Z'), '03:30').toISOString()).toBe(
      '2026-09-01T19:30:00.000Z',
    );
    expect(nextDailyRun(new Date('2026-09-01T19:30:00Z'), '03:30').toISOString()).toBe(
      '2026-09-02T19:30:00.000Z',
    );
    // 01:00 on 1 January in China: today's 00:05 has passed, the next is on 2 January.
    expect(nextDailyRun(new Date('2026-12-31T17:00:00Z'), '00:05').toISOString()).toBe(
      '2027-01-01T16:05:00.000Z',
    );
  });
});
