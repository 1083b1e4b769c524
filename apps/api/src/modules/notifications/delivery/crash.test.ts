import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase, people } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import {
  createPostgresTestDatabase,
  createTestDatabase,
  saveToDataDir,
  testDatabaseKind,
} from '@xinqiao/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../../auth/scope.ts';
import { defaultConfig } from '../../../context.ts';
import { startJobWorker } from '../../../jobs/worker.ts';
import { seedTestWorld, type TestWorld } from '../../../testing/index.ts';
import { fixedCatalog } from '../../plugins/catalog.ts';
import {
  type LocalHttpReceiver,
  type LocalSmtpServer,
  localEmail,
  outboxRows,
  setUpChannels,
  startHttpReceiver,
  startSmtpServer,
} from '../testing.ts';
import { exponentialBackoff } from './deliver.ts';
import { defineDeliveryJob } from './job.ts';

// Issue 11's "done when": a notification reaches the school's SMTP server exactly once even when the API process is
// killed between the commit of the event and the delivery. A real process (node --import tsx) commits an event with
// outbox messages and is SIGKILLed at a chosen point; a worker started afterwards delivers what it left.
//
// The one window no outbox can close: a process killed after the SMTP server accepted a message and before the
// outbox marked it sent. The worker afterwards cannot know the message arrived and sends it again: at least once,
// not exactly once. Both sends carry the same Message-ID (and a webhook the same Idempotency-Key), derived from the
// outbox id, so the receiver can see the second is the same message and drop it; the last test shows that.

const JOB_LEASE_MS = 1_500;
const OUTBOX_LEASE_MS = 20_000;
const apiRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const cleanUps: (() => Promise<void>)[] = [];
let smtp: LocalSmtpServer;
let robot: LocalHttpReceiver;

beforeAll(async () => {
  [smtp, robot] = await Promise.all([startSmtpServer(), startHttpReceiver()]);
});
afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
  await Promise.all([smtp.close(), robot.close()]);
});

/** What the child opens: a PGlite folder or a database of its own on the PostgreSQL server. */
interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  world: TestWorld;
}

/** The test world with alpha's channels pointing at the local SMTP server and robot, and counsellor1's address. */
async function prepare(db: Database): Promise<TestWorld> {
  const world = await seedTestWorld(db);
  const alpha = world.schools.alpha;
  await setUpChannels(db, alpha.id, {
    email: localEmail(smtp.port),
    webhook: { url: `${robot.url}/send?key=crash`, format: 'wecom', secret: '', siteUrl: '' },
  });
  const whole = tenantScope({
    schoolId: alpha.id,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
  });
  await withTenant(db, whole, (tx) =>
    tx
      .update(people)
      .set({ email: 'counsellor1@alpha.example.edu.cn' })
      .where(eq(people.id, alpha.people.counsellor1!)),
  );
  return world;
}

async function seededTarget(): Promise<Target> {
  if (testDatabaseKind() === 'pglite') {
    const db = await createTestDatabase();
    const world = await prepare(db);
    const dataDir = join(mkdtempSync(join(tmpdir(), 'xinqiao-outbox-crash-')), 'pglite');
    await saveToDataDir(db, dataDir);
    return { env: { XQ_DATA_DIR: dataDir }, open: () => openDatabase({ dataDir }), world };
  }
  const url = await newPostgresDatabase();
  const open = () => openDatabase({ url, maxConnections: 4 });
  const db = await open();
  const world = await prepare(db);
  await db.close();
  return { env: { DATABASE_URL: url }, open, world };
}

async function newPostgresDatabase(): Promise<string> {
  const { url, drop } = await createPostgresTestDatabase('xq_outbox_crash');
  cleanUps.push(drop);
  return url;
}

/** Runs the child until it prints the line of `stopAt`, then kills it with SIGKILL. */
async function commitAndDie(target: Target, stopAt: string) {
  const alpha = target.world.schools.alpha;
  // One process (`node --import tsx`, not the tsx command, which runs node in a child that SIGKILL would not reach).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/jobs/testing/outbox-worker-process.ts'], {
    cwd: apiRoot,
    env: {
      ...process.env,
      DATABASE_URL: '',
      ...target.env,
      XQ_SCHOOL_ID: alpha.id,
      XQ_SENDER_ID: alpha.people.station1!,
      XQ_RECIPIENT_ID: alpha.people.counsellor1!,
      XQ_STOP_AT: stopAt,
      XQ_JOB_LEASE_MS: String(JOB_LEASE_MS),
      XQ_OUTBOX_LEASE_MS: String(OUTBOX_LEASE_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = once(child, 'exit');
  const printed: unknown[] = [];
  for await (const line of createInterface({ input: child.stdout! })) {
    const said = JSON.parse(line) as { at?: string };
    printed.push(said);
    if (said.at === stopAt) break;
  }
  child.kill('SIGKILL');
  await exited;
  if (!printed.some((p) => (p as { at?: string }).at === stopAt)) {
    throw new Error(`the process ended before ${stopAt}:\n${stderr}`);
  }
  expect(child.signalCode).toBe('SIGKILL');
  expect(() => process.kill(child.pid!, 0)).toThrow(); // gone, not running on as an orphan
}

/** A worker of the surviving API: delivers until nothing is queued or running. */
async function deliverAfterwards(db: Database): Promise<void> {
  const worker = startJobWorker({
    deps: { db, plugins: fixedCatalog([]), config: defaultConfig, clock: () => new Date(), log: () => {} },
    kinds: [
      defineDeliveryJob({
        maxAttempts: 4,
        backoffMs: exponentialBackoff(200),
        leaseMs: 60_000,
        sendTimeoutMs: 10_000,
        batchSize: 10,
      }),
    ],
    pollMs: 50,
    leaseMs: JOB_LEASE_MS,
  });
  await worker.drained(60_000);
  await worker.stop();
}

const SUBJECT =
  '心桥：3 条新的一级关注随访将于 12-09 到期 / Xinqiao: 3 new tier-1 follow-ups are due by 12-09';

describe('notifications/delivery when the API process is killed', () => {
  beforeAll(() => {
    smtp.received.length = 0;
    robot.requests.length = 0;
  });

  for (const stopAt of ['after-commit', 'before-send'] as const) {
    it(`delivers the e-mail exactly once when killed ${stopAt === 'after-commit' ? 'right after the commit' : 'after claiming it, before the send'}`, async () => {
      smtp.received.length = 0;
      robot.requests.length = 0;
      const target = await seededTarget();
      await commitAndDie(target, stopAt);
      expect(smtp.received).toEqual([]); // nothing went out before the process died

      const db = await target.open();
      cleanUps.push(() => db.close());
      await deliverAfterwards(db);

      const outbox = await outboxRows(db);
      const email = outbox.find((m) => m.channel === 'email')!;
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]).toMatchObject({
        messageId: `<${email.id}.outbox@alpha.example.edu.cn>`,
        to: ['counsellor1@alpha.example.edu.cn'],
        subject: SUBJECT,
      });
      expect(robot.requests).toHaveLength(1);
      for (const message of outbox) {
        expect(message.sentAt).toBeInstanceOf(Date);
        // A claim by the dead process counted a try: the worker's send was the second.
        expect(message.attempts).toBe(stopAt === 'after-commit' ? 1 : 2);
      }
    }, 180_000);
  }

  it('sends again with the same Message-ID when killed after the send and before the mark: detectable, not exactly once', async () => {
    smtp.received.length = 0;
    robot.requests.length = 0;
    const target = await seededTarget();
    await commitAndDie(target, 'after-send');
    const firstCount = smtp.received.length + robot.requests.length;
    expect(firstCount).toBe(1); // one message went out; the process died before marking it sent

    const db = await target.open();
    cleanUps.push(() => db.close());
    await deliverAfterwards(db);

    const outbox = await outboxRows(db);
    for (const message of outbox) expect(message.sentAt).toBeInstanceOf(Date);
    const email = outbox.find((m) => m.channel === 'email')!;
    const webhook = outbox.find((m) => m.channel === 'webhook')!;
    const mailIds = smtp.received.map((m) => m.messageId);
    const robotKeys = robot.requests.map((r) => r.headers['idempotency-key']);
    // The message the dead process had sent arrives a second time, under the same dedupe key; the other once.
    expect(mailIds.length + robotKeys.length).toBe(3);
    expect(new Set(mailIds)).toEqual(new Set([`<${email.id}.outbox@alpha.example.edu.cn>`]));
    expect(new Set(robotKeys)).toEqual(new Set([webhook.id]));
  }, 180_000);
});
