import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../../testing/index.ts';

// Issue 16.2: a test message waits on another server (an SMTP server may take its 10 s); it used to wait inside
// the request's transaction, and on PGlite (one connection) every school waited with it.

const ROBOT_DELAY_MS = 1_500;
let t: TestApp;
let admin: TestSession;
let otherSchool: TestSession;
let robot: Server;
let robotUrl: string;

beforeAll(async () => {
  t = await createTestApp();
  [admin, otherSchool] = await Promise.all([
    loginAs(t.app, 'alpha', 'admin'),
    loginAs(t.app, 'beta', 'counsellor1'),
  ]);
  robot = createServer((req, res) => {
    req.resume();
    req.on('end', () =>
      setTimeout(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}'),
        ROBOT_DELAY_MS,
      ),
    );
  });
  robot.listen(0, '127.0.0.1');
  await once(robot, 'listening');
  robotUrl = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=robot-key-0123456789`;
});
afterAll(async () => {
  robot?.close();
  await t?.close();
});

describe('notifications/test send holds no transaction while the other server answers', () => {
  it('answers another school at once while a slow robot takes its time, and audits the send', async () => {
    if (process.env.XINQIAO_TEST_DATABASE_URL) return; // a pool of connections hides a held one; PGlite has one
    const saved = await admin.request('/api/notifications/channels', {
      method: 'PUT',
      body: { webhook: { enabled: true, url: robotUrl, format: 'wecom' } },
    });
    expect(saved.status).toBe(200);
    const sendStarted = performance.now();
    const sending = admin
      .request('/api/notifications/channels/test', { method: 'POST', body: { channel: 'webhook' } })
      .then(async (res) => ({
        status: res.status,
        body: await res.json(),
        ms: performance.now() - sendStarted,
      }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const meStarted = performance.now();
    const me = await otherSchool.request('/api/auth/me');
    const meMs = performance.now() - meStarted;
    const sent = await sending;
    console.log(`test send ${Math.round(sent.ms)} ms; other school's request ${Math.round(meMs)} ms`);
    expect(me.status).toBe(200);
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ channel: 'webhook', delivered: true, to: '' });
    expect(sent.ms).toBeGreaterThan(ROBOT_DELAY_MS);
    // Before: the other school waited for the robot (~1.3 s of the 1.5 s).
    expect(meMs).toBeLessThan(500);
    const audit = await admin.request('/api/audit?action=notification_channels.test');
    if (audit.status === 200) {
      const text = await audit.text();
      expect(text).toContain('notification_channels.test');
    }
  }, 30_000);
});
