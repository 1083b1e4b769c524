import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';
import { notify } from './notify.ts';
import {
  type LocalHttpReceiver,
  type LocalSmtpServer,
  startHttpReceiver,
  startSmtpServer,
} from './testing.ts';

let t: TestApp;
let admin: TestSession;
let counsellor: TestSession;
let smtp: LocalSmtpServer;
let robot: LocalHttpReceiver;

beforeAll(async () => {
  [t, smtp, robot] = await Promise.all([createTestApp(), startSmtpServer(), startHttpReceiver()]);
  [admin, counsellor] = await Promise.all([
    loginAs(t.app, 'alpha', 'admin'),
    loginAs(t.app, 'alpha', 'counsellor1'),
  ]);
});
afterAll(async () => {
  await Promise.all([t.close(), smtp.close(), robot.close()]);
});

const alpha = () => t.world.schools.alpha;
const person = (username: string) => alpha().people[username]!;

/** The JSON body of a response, after checking its status (the body is shown when the status is wrong). */
// biome-ignore lint/suspicious/noExplicitAny: bodies are checked by the expectations that follow
async function json(res: Response | Promise<Response>, status: number): Promise<any> {
  const answered = await res;
  const body = await answered.json();
  expect(answered.status, JSON.stringify(body)).toBe(status);
  return body;
}

/** Tells alpha's people something, as the station head's transaction would. */
async function tell(
  usernames: string[],
  kind: 'case.assigned' | 'cases.unassigned',
  params: Record<string, string | number>,
) {
  const scope = tenantScope({
    schoolId: alpha().id,
    personId: person('station1'),
    fullScopePaths: [],
    reducedScopePaths: [],
  });
  await withTenant(t.db, scope, (tx) =>
    notify(tx, {
      schoolId: alpha().id,
      recipients: usernames.map(person),
      kind,
      params,
      link: '/college-station/follow-ups',
    }),
  );
}

describe('notifications/in-app centre', () => {
  it('lists mine newest first with the unread count, paginated, and marks them read', async () => {
    await tell(['counsellor1'], 'case.assigned', { caseKind: 'follow_up', dueDate: '2026-12-09' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await tell(['counsellor1', 'counsellor2'], 'cases.unassigned', { count: 3 });

    const page = await json(counsellor.request('/api/notifications?pageSize=1'), 200);
    expect(page).toMatchObject({ total: 2, unread: 2, page: 1, pageSize: 1 });
    expect(page.items).toEqual([
      {
        id: expect.any(String),
        kind: 'cases.unassigned',
        params: { count: 3 },
        link: '/college-station/follow-ups',
        readAt: null,
        createdAt: expect.any(String),
      },
    ]);

    const read = await json(
      counsellor.request(`/api/notifications/${page.items[0].id}/read`, { method: 'POST' }),
      200,
    );
    expect(read.readAt).not.toBeNull();
    const again = await json(
      counsellor.request(`/api/notifications/${page.items[0].id}/read`, { method: 'POST' }),
      200,
    );
    expect(again.readAt).toBe(read.readAt); // the first reading counts
    const unreadOnly = await json(counsellor.request('/api/notifications?unread=true'), 200);
    expect(unreadOnly).toMatchObject({ total: 1, unread: 1 });
    expect(unreadOnly.items[0].kind).toBe('case.assigned');

    expect(await json(counsellor.request('/api/notifications/read-all', { method: 'POST' }), 200)).toEqual({
      marked: 1,
    });
    expect(await json(counsellor.request('/api/notifications'), 200)).toMatchObject({ total: 2, unread: 0 });
  });

  it("answers 404 for someone else's notification, and leaves it unread", async () => {
    const counsellor2 = await loginAs(t.app, 'alpha', 'counsellor2');
    const theirs = (await json(counsellor2.request('/api/notifications'), 200)).items[0];
    const refused = await json(
      counsellor.request(`/api/notifications/${theirs.id}/read`, { method: 'POST' }),
      404,
    );
    expect(refused.code).toBe('notifications.not-found');
    expect((await json(counsellor2.request('/api/notifications'), 200)).unread).toBe(1);
    const bad = await json(counsellor.request('/api/notifications/not-an-id/read', { method: 'POST' }), 400);
    expect(bad.errors[0].field).toBe('id');
  });
});

describe('notifications/channels', () => {
  const email = () => ({
    enabled: true,
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    username: 'relay',
    password: 'smtp-secret',
    from: 'xinqiao@alpha.example.edu.cn',
  });
  const webhook = () => ({
    enabled: true,
    url: `${robot.url}/cgi-bin/webhook/send?key=robot-key-0123456789`,
    format: 'wecom',
  });
  const withoutPassword = () => {
    const { password: _password, ...rest } = email();
    return rest;
  };

  it('are the school admin’s alone', async () => {
    for (const [path, method] of [
      ['/api/notifications/channels', 'GET'],
      ['/api/notifications/channels', 'PUT'],
      ['/api/notifications/channels/test', 'POST'],
    ] as const) {
      const body = method === 'GET' ? undefined : { channel: 'email' };
      const refused = await json(counsellor.request(path, { method, body }), 403);
      expect(refused.detail).toContain('只有学校管理员可以设置通知渠道');
    }
    expect(await json(admin.request('/api/notifications/channels'), 200)).toEqual({
      email: null,
      webhook: null,
    });
  });

  it('refuses settings that cannot work, naming each field, and stores nothing', async () => {
    const refused = await json(
      admin.request('/api/notifications/channels', {
        method: 'PUT',
        body: {
          email: { ...email(), host: '', port: 70_000, from: 'not an address' },
          webhook: { ...webhook(), url: 'ftp://robot.example/send' },
        },
      }),
      400,
    );
    expect(refused.code).toBe('validation.invalid-field');
    expect(refused.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email.from',
      'email.host',
      'email.port',
      'webhook.url',
    ]);
    const noUrl = await json(
      admin.request('/api/notifications/channels', {
        method: 'PUT',
        body: { webhook: { enabled: true, format: 'wecom' } },
      }),
      400,
    );
    expect(noUrl.errors.map((e: { field: string }) => e.field)).toEqual(['webhook.url']);
    expect(await json(admin.request('/api/notifications/channels'), 200)).toEqual({
      email: null,
      webhook: null,
    });
  });

  it('stores them and never answers the password, the robot key or the secret', async () => {
    const saved = await json(
      admin.request('/api/notifications/channels', {
        method: 'PUT',
        body: { email: email(), webhook: { ...webhook(), format: 'dingtalk', secret: 'SEC-signing-secret' } },
      }),
      200,
    );
    expect(saved.email).toMatchObject({
      host: '127.0.0.1',
      port: smtp.port,
      username: 'relay',
      passwordSet: true,
      siteUrl: '',
    });
    expect(saved.webhook).toMatchObject({
      urlMasked: `${robot.url}/cgi-bin/webhook/send?key=••••6789`,
      format: 'dingtalk',
      secretSet: true,
    });
    const shown = JSON.stringify(await json(admin.request('/api/notifications/channels'), 200));
    for (const secret of ['smtp-secret', 'robot-key-0123456789', 'SEC-signing-secret'])
      expect(shown).not.toContain(secret);

    // Saved again without the write-only fields: they stay.
    await json(
      admin.request('/api/notifications/channels', {
        method: 'PUT',
        body: {
          email: { ...withoutPassword(), host: 'localhost' },
          webhook: { enabled: false, format: 'dingtalk' },
        },
      }),
      200,
    );
    const after = await json(admin.request('/api/notifications/channels'), 200);
    expect(after.email).toMatchObject({ host: 'localhost', passwordSet: true });
    expect(after.webhook).toMatchObject({
      enabled: false,
      secretSet: true,
      urlMasked: expect.stringContaining('••••6789'),
    });
  });

  it("keeps one school's channels from another school's admin", async () => {
    const betaAdmin = await loginAs(t.app, 'beta', 'admin');
    expect(await json(betaAdmin.request('/api/notifications/channels'), 200)).toEqual({
      email: null,
      webhook: null,
    });
  });

  it('sends a test message by each channel and says so', async () => {
    await json(
      admin.request('/api/notifications/channels', {
        method: 'PUT',
        body: { email: { ...withoutPassword(), host: '127.0.0.1' }, webhook: webhook() },
      }),
      200,
    );
    const mail = await json(
      admin.request('/api/notifications/channels/test', {
        method: 'POST',
        body: { channel: 'email', to: 'admin@alpha.example.edu.cn' },
      }),
      200,
    );
    expect(mail).toEqual({ channel: 'email', delivered: true, to: 'admin@alpha.example.edu.cn' });
    const [received] = await smtp.waitFor(1);
    expect(received).toMatchObject({
      to: ['admin@alpha.example.edu.cn'],
      subject:
        '心桥：这是心桥的测试消息，通知渠道已接通 / Xinqiao: This is a test message from Xinqiao: the channel works',
    });
    expect(smtp.logins).toEqual(['relay:smtp-secret']); // the password stored first, kept when left out

    expect(
      await json(
        admin.request('/api/notifications/channels/test', { method: 'POST', body: { channel: 'webhook' } }),
        200,
      ),
    ).toEqual({ channel: 'webhook', delivered: true, to: '' });
    const [posted] = await robot.waitFor(1);
    expect(JSON.parse(posted!.body).text.content).toContain('这是心桥的测试消息');
  });

  it('answers why a test did not go: no address, no channel, or the server refused', async () => {
    const noAddress = await json(
      admin.request('/api/notifications/channels/test', { method: 'POST', body: { channel: 'email' } }),
      400,
    );
    expect(noAddress.errors[0]).toMatchObject({ field: 'to' });

    robot.replyWith({ errcode: 310000, errmsg: 'sign not match' });
    const refused = await json(
      admin.request('/api/notifications/channels/test', { method: 'POST', body: { channel: 'webhook' } }),
      502,
    );
    expect(refused.code).toBe('notifications.test-failed');
    expect(refused.detail).toContain('sign not match');
    robot.replyWith({ errcode: 0, errmsg: 'ok' });

    await json(admin.request('/api/notifications/channels', { method: 'PUT', body: { webhook: null } }), 200);
    const notSetUp = await json(
      admin.request('/api/notifications/channels/test', {
        method: 'POST',
        headers: { 'accept-language': 'en' },
        body: { channel: 'webhook' },
      }),
      409,
    );
    expect(notSetUp).toMatchObject({ code: 'notifications.channel-not-set-up', title: 'Channel not set up' });
  });
});
