import { backgroundJobs, people, type TenantScope } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../../auth/scope.ts';
import { defaultConfig } from '../../../context.ts';
import { runAsJobRunner } from '../../../jobs/runner-transaction.ts';
import { type JobWorker, startJobWorker } from '../../../jobs/worker.ts';
import { createTestApp, type TestApp } from '../../../testing/index.ts';
import { fixedCatalog } from '../../plugins/catalog.ts';
import { notify } from '../notify.ts';
import {
  type LocalHttpReceiver,
  type LocalSmtpServer,
  localEmail,
  outboxRows,
  setUpChannels,
  startHttpReceiver,
  startSmtpServer,
} from '../testing.ts';
import { type DeliveryPolicy, exponentialBackoff } from './deliver.ts';
import { defineDeliveryJob } from './job.ts';

let t: TestApp;
let smtp: LocalSmtpServer;
let robot: LocalHttpReceiver;
const workers: JobWorker[] = [];
const STUDENT = '韩梅梅';

beforeAll(async () => {
  [t, smtp, robot] = await Promise.all([createTestApp(), startSmtpServer(), startHttpReceiver()]);
  await withTenant(t.db, scope(null, ['/']), (tx) =>
    tx
      .update(people)
      .set({ email: 'counsellor1@alpha.example.edu.cn' })
      .where(eq(people.id, person('counsellor1'))),
  );
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await runAsJobRunner(t.db, async (tx) => {
    await tx.delete(backgroundJobs);
    await tx.execute('DELETE FROM notification_outbox');
  });
  smtp.received.length = 0;
  robot.requests.length = 0;
  robot.replyWith({ errcode: 0, errmsg: 'ok' });
});
afterAll(async () => {
  await Promise.all([t.close(), smtp.close(), robot.close()]);
});

const alpha = () => t.world.schools.alpha;
const person = (username: string) => alpha().people[username]!;
function scope(personId: string | null, fullScopePaths: string[] = []): TenantScope {
  return tenantScope({ schoolId: alpha().id, personId, fullScopePaths, reducedScopePaths: [] });
}
const fast: DeliveryPolicy = {
  maxAttempts: 4,
  backoffMs: exponentialBackoff(150),
  leaseMs: 60_000,
  sendTimeoutMs: 10_000,
  batchSize: 10,
};

/** Delivers with `policy` until nothing is queued or running. */
async function deliver(policy: DeliveryPolicy = fast): Promise<void> {
  const worker = startJobWorker({
    deps: {
      db: t.db,
      plugins: fixedCatalog([]),
      config: defaultConfig,
      clock: () => new Date(),
      log: () => {},
    },
    kinds: [defineDeliveryJob(policy)],
    pollMs: 20,
    leaseMs: 3_000,
  });
  workers.push(worker);
  await worker.drained(20_000);
  await worker.stop();
}

/** The counsellor's assignment, told to themself by e-mail and to the school's group robot. */
const assignment = () =>
  withTenant(t.db, scope(person('station1')), (tx) =>
    notify(tx, {
      schoolId: alpha().id,
      recipients: [person('counsellor1')],
      kind: 'case.assigned',
      params: { studentName: STUDENT, caseKind: 'follow_up', dueDate: '2026-12-09' },
      link: '/college-station/follow-ups',
      outbound: { count: 1, dueOn: '2026-12-09' },
    }),
  );

const TEXT =
  '1 个个案已分派给您，12-09 前处理。\n1 case assigned to you, due by 12-09.\n\n' +
  '请登录心桥查看 / Sign in to Xinqiao to see it:\nhttps://xinqiao.alpha.example.edu.cn/college-station/follow-ups';

describe('notifications/delivery', () => {
  it('delivers an e-mail and a group message once each, with exactly the counts, the date and the link', async () => {
    await setUpChannels(t.db, alpha().id, {
      email: localEmail(smtp.port, { username: 'relay', password: 'secret' }),
      webhook: {
        url: `${robot.url}/cgi-bin/webhook/send?key=k1`,
        format: 'wecom',
        secret: '',
        siteUrl: 'https://xinqiao.alpha.example.edu.cn',
      },
    });
    await assignment();
    await deliver();
    await deliver(); // a second round, and the sweep, send nothing again

    const outbox = await outboxRows(t.db);
    const email = outbox.find((m) => m.channel === 'email')!;
    expect(smtp.received).toEqual([
      {
        messageId: `<${email.id}.outbox@alpha.example.edu.cn>`,
        from: 'xinqiao@alpha.example.edu.cn',
        to: ['counsellor1@alpha.example.edu.cn'],
        subject: '心桥：1 个个案已分派给您，12-09 前处理 / Xinqiao: 1 case assigned to you, due by 12-09',
        text: TEXT,
        raw: expect.any(String),
      },
    ]);
    expect(smtp.received[0]!.raw).not.toContain(STUDENT);
    expect(smtp.logins).toEqual(['relay:secret']);

    const webhook = outbox.find((m) => m.channel === 'webhook')!;
    expect(robot.requests).toHaveLength(1);
    expect(robot.requests[0]!.path).toBe('/cgi-bin/webhook/send?key=k1');
    expect(robot.requests[0]!.headers['idempotency-key']).toBe(webhook.id);
    expect(JSON.parse(robot.requests[0]!.body)).toEqual({ msgtype: 'text', text: { content: TEXT } });

    for (const message of outbox) {
      expect(message).toMatchObject({ attempts: 1, lastError: null, failedAt: null });
      expect(message.sentAt).toBeInstanceOf(Date);
    }
  });

  it('retries a receiver that fails twice with growing waits, and delivers once with the same key', async () => {
    await setUpChannels(t.db, alpha().id, {
      email: localEmail(smtp.port),
      webhook: { url: `${robot.url}/robot/send?access_token=t`, format: 'dingtalk', secret: '', siteUrl: '' },
    });
    robot.failNext(2);
    smtp.refuseNext(2);
    await assignment();
    await deliver();

    expect(robot.requests).toHaveLength(3);
    const keys = new Set(robot.requests.map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    const [first, second, third] = robot.requests.map((r) => r.at) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(150); // backoff after try 1
    expect(third - second).toBeGreaterThanOrEqual(300); // twice as long after try 2
    expect(smtp.received).toHaveLength(1); // refused twice (451), accepted on the third try
    for (const message of await outboxRows(t.db)) {
      expect(message).toMatchObject({ attempts: 3, failedAt: null });
      expect(message.sentAt).toBeInstanceOf(Date);
    }
    // Without a site address the link is the shell path.
    expect(JSON.parse(robot.requests[2]!.body).text.content).toMatch(/\n\/college-station\/follow-ups$/);
  });

  it('gives a message up after its last try, with the reason, and sends it no more', async () => {
    await setUpChannels(t.db, alpha().id, {
      webhook: { url: `${robot.url}/send`, format: 'wecom', secret: '', siteUrl: '' },
    });
    robot.replyWith({ errcode: 93000, errmsg: 'invalid webhook url' });
    await assignment();
    await deliver({ ...fast, backoffMs: () => 0 });
    expect(robot.requests).toHaveLength(fast.maxAttempts);
    const [message] = (await outboxRows(t.db)).filter((m) => m.channel === 'webhook');
    expect(message).toMatchObject({ attempts: fast.maxAttempts, sentAt: null });
    expect(message!.failedAt).toBeInstanceOf(Date);
    expect(message!.lastError).toContain('invalid webhook url');
    await deliver();
    expect(robot.requests).toHaveLength(fast.maxAttempts);
  });

  it('drops the messages of a channel the school has not set up or turned off', async () => {
    await setUpChannels(t.db, alpha().id, {
      email: { ...localEmail(smtp.port), enabled: false },
    });
    await assignment();
    await deliver();
    expect(smtp.received).toEqual([]);
    expect(robot.requests).toEqual([]);
    expect(await outboxRows(t.db)).toEqual([]);
  });

  it("signs a 钉钉 robot's URL when the channel has a secret", async () => {
    await setUpChannels(t.db, alpha().id, {
      webhook: {
        url: `${robot.url}/robot/send?access_token=t`,
        format: 'dingtalk',
        secret: 'SEC123',
        siteUrl: '',
      },
    });
    await assignment();
    await deliver();
    const url = new URL(robot.requests[0]!.path, robot.url);
    expect(url.searchParams.get('access_token')).toBe('t');
    expect(url.searchParams.get('timestamp')).toMatch(/^\d{13}$/);
    expect(url.searchParams.get('sign')).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });
});
