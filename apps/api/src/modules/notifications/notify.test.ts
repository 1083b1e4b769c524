import { backgroundJobs, notifications, people } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import { runAsJobRunner } from '../../jobs/runner-transaction.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { notify } from './notify.ts';
import { outboxRows } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await withTenant(t.db, whole(), async (tx) => {
    await tx
      .update(people)
      .set({ email: 'station1@alpha.example.edu.cn' })
      .where(eq(people.id, person('station1')));
    await tx
      .update(people)
      .set({ email: 'director@alpha.example.edu.cn' })
      .where(eq(people.id, person('director')));
  });
});
afterEach(() =>
  runAsJobRunner(t.db, async (tx) => {
    await tx.delete(backgroundJobs);
  }),
);
afterAll(() => t.close());

const alpha = () => t.world.schools.alpha;
const person = (username: string) => alpha().people[username]!;
const whole = () =>
  tenantScope({
    schoolId: alpha().id,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
    capabilities: [],
  });
/** The scope of one of alpha's people (their roles do not matter here: notifications are per person). */
const as = (username: string) =>
  tenantScope({
    schoolId: alpha().id,
    personId: person(username),
    fullScopePaths: [],
    reducedScopePaths: [],
  });
const inboxOf = (username: string) => withTenant(t.db, as(username), (tx) => tx.select().from(notifications));
const deliveryJobs = () =>
  runAsJobRunner(t.db, (tx) =>
    tx.select().from(backgroundJobs).where(eq(backgroundJobs.kind, 'notifications.deliver')),
  );

describe('notifications/notify', () => {
  it("tells each recipient in the app, in the caller's transaction, and only the recipient reads it", async () => {
    await withTenant(t.db, as('counsellor1'), (tx) =>
      notify(tx, {
        schoolId: alpha().id,
        recipients: [person('station1'), person('station1'), person('teacher1')],
        kind: 'cases.unassigned',
        params: { count: 2 },
        link: '/college-station/follow-ups?responsible=none',
      }),
    );
    const [mine] = await inboxOf('station1');
    expect(mine).toMatchObject({ kind: 'cases.unassigned', params: { count: 2 }, readAt: null });
    expect(await inboxOf('teacher1')).toHaveLength(1);
    expect(await inboxOf('counsellor1')).toEqual([]); // the sender reads nobody else's
    expect(await deliveryJobs()).toEqual([]); // nothing outbound was asked for
  });

  it('writes nothing when the event rolls back', async () => {
    await withTenant(t.db, as('counsellor1'), async (tx) => {
      await notify(tx, {
        schoolId: alpha().id,
        recipients: [person('director')],
        kind: 'concern.urgent',
        params: {},
        link: '/',
        outbound: { count: 1 },
      });
      throw new Error('the event failed');
    }).catch(() => {});
    expect(await inboxOf('director')).toEqual([]);
    expect(await outboxRows(t.db)).toEqual([]);
    expect(await deliveryJobs()).toEqual([]);
  });

  it('queues one e-mail per recipient with an address and one group message, with one delivery job', async () => {
    const studentName = '李雷';
    await withTenant(t.db, as('counsellor1'), async (tx) => {
      for (const username of ['station1', 'director', 'teacher1']) {
        await notify(tx, {
          schoolId: alpha().id,
          recipients: [person(username)],
          kind: 'case.assigned',
          params: { studentName, caseKind: 'follow_up', dueDate: '2026-12-09' },
          link: '/college-station/follow-ups',
          outbound: { count: 1, dueOn: '2026-12-09' },
        });
      }
    });
    const outbox = await outboxRows(t.db);
    expect(outbox.map((m) => [m.channel, m.recipient]).sort()).toEqual([
      ['email', 'director@alpha.example.edu.cn'],
      ['email', 'station1@alpha.example.edu.cn'],
      ['webhook', ''],
      ['webhook', ''],
      ['webhook', ''],
    ]);
    for (const message of outbox) {
      expect(message).toMatchObject({ schoolId: alpha().id, attempts: 0, sentAt: null, failedAt: null });
      expect(message.subject + message.body).not.toContain(studentName);
      expect(message.body).toContain('1 个个案已分派给您，12-09 前处理');
    }
    expect(await deliveryJobs()).toHaveLength(1);
    // In the app, the recipient reads the name: the app shows it only to who may see the student.
    const [inApp] = (await inboxOf('station1')).filter((n) => n.kind === 'case.assigned');
    expect(inApp!.params).toMatchObject({ studentName });
  });

  it('refuses outbound facts that are not counts and dates before writing anything', async () => {
    const before = (await outboxRows(t.db)).length;
    await expect(
      withTenant(t.db, as('counsellor1'), (tx) =>
        notify(tx, {
          schoolId: alpha().id,
          recipients: [person('director')],
          kind: 'concern.reported',
          params: {},
          link: '/',
          outbound: { count: 1, studentName: '李雷' } as never,
        }),
      ),
    ).rejects.toThrow();
    expect(await outboxRows(t.db)).toHaveLength(before);
    const ids = (await inboxOf('director')).map((n) => n.kind);
    expect(ids).not.toContain('concern.reported');
  });

  it("writes into its own school only: another school's person cannot be told", async () => {
    const beta = t.world.schools.beta;
    await expect(
      withTenant(t.db, as('counsellor1'), (tx) =>
        notify(tx, {
          schoolId: beta.id,
          recipients: [beta.people.admin!],
          kind: 'cases.unassigned',
          params: {},
          link: '/',
        }),
      ),
    ).rejects.toThrow();
    const betaAdmin = tenantScope({
      schoolId: beta.id,
      personId: beta.people.admin!,
      fullScopePaths: [],
      reducedScopePaths: [],
    });
    expect(
      await withTenant(t.db, betaAdmin, (tx) =>
        tx
          .select()
          .from(notifications)
          .where(inArray(notifications.recipientId, [beta.people.admin!])),
      ),
    ).toEqual([]);
  });
});
