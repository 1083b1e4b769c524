import { sessions } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, loginAs, TEST_PASSWORD, type TestApp } from '../testing/index.ts';
import { schoolOnlyScope } from './scope.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const login = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const counsellorPermissions = [
  'calendar.read',
  'cases.read',
  'cases.write',
  'concerns.report',
  'concerns.triage',
  'crises.read',
  'crises.run',
  'key-students.manage',
  'screening.counts',
  'screening.read',
  'students.import',
  'students.read',
  'students.write',
  'support.manage',
  'support.read',
  'support.records',
  'support.write',
  'warnings.handle',
  'warnings.read',
];

describe('auth/login', () => {
  it('signs in and sets an httpOnly SameSite=Lax session cookie holding 128 random bits', async () => {
    const res = await login({ school: 'alpha', username: 'counsellor1', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^xq_session=[A-Za-z0-9_-]{22};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    const me = await json(res);
    expect(me.person.username).toBe('counsellor1');
    expect(me.school).toEqual({ code: 'alpha', name: '阿尔法大学', nameEn: 'Alpha University' });
    expect(me.roles).toEqual([
      {
        role: 'counsellor',
        unitId: t.world.schools.alpha.colleges[0].id,
        unitName: '第1学院',
        levelKey: 'college',
        permissions: counsellorPermissions,
      },
    ]);
    expect(me.permissions).toEqual(counsellorPermissions);
    expect(me.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('stores only the SHA-256 of the session id', async () => {
    const session = await loginAs(t.app, 'alpha', 'director');
    const token = session.cookie.split('=')[1]!;
    const rows = await withTenant(t.db, schoolOnlyScope(t.world.schools.alpha.id, null), (tx) =>
      tx.select().from(sessions),
    );
    expect(rows.some((r) => r.tokenHash.includes(token))).toBe(false);
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(token).digest('hex');
    expect(rows.some((r) => r.tokenHash === hash)).toBe(true);
  });

  it('answers a wrong password, an unknown user and an unknown school alike', async () => {
    const answers = await Promise.all([
      login({ school: 'alpha', username: 'staff', password: 'wrong' }),
      login({ school: 'alpha', username: 'nobody', password: TEST_PASSWORD }),
      login({ school: 'gamma', username: 'staff', password: TEST_PASSWORD }),
    ]);
    const bodies = await Promise.all(answers.map((r) => json(r)));
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(answers.every((r) => r.headers.get('set-cookie') === null)).toBe(true);
  });

  it('does not sign in with a username of another school', async () => {
    const res = await login({ school: 'beta', username: 'counsellor1', password: 'wrong' });
    expect(res.status).toBe(401);
  });

  it('names the missing fields of a bad login body', async () => {
    const res = await login({ school: 'alpha' });
    expect(res.status).toBe(400);
    const fields = (await json(res)).errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['password', 'username']);
  });

  it('refuses a login posted from a foreign origin', async () => {
    const res = await login(
      { school: 'alpha', username: 'counsellor1', password: TEST_PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect((await json(res)).code).toBe('http.cross-site');
  });

  it('accepts a login from its own origin', async () => {
    const res = await login(
      { school: 'alpha', username: 'counsellor1', password: TEST_PASSWORD },
      { origin: 'http://localhost' },
    );
    expect(res.status).toBe(200);
  });
});

describe('auth/me and logout', () => {
  it('answers me for a signed-in user and 401 without a session', async () => {
    const session = await loginAs(t.app, 'beta', 'teacher1');
    const me = await session.request('/api/auth/me');
    expect(me.status).toBe(200);
    expect((await json(me)).csrfToken).toBe(session.csrfToken);
    expect((await t.app.request('/api/auth/me')).status).toBe(401);
    const forged = await t.app.request('/api/auth/me', {
      headers: { cookie: 'xq_session=AAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(forged.status).toBe(401);
  });

  it('tells each person what their roles allow, so screens offer only that', async () => {
    const permissionsOf = async (username: string) =>
      (await json(await (await loginAs(t.app, 'alpha', username)).request('/api/auth/me'))).permissions;
    expect(await permissionsOf('counsellor1')).toEqual(counsellorPermissions);
    expect(await permissionsOf('committee1')).toEqual(['concerns.report', 'students.read']);
    expect(await permissionsOf('affairs')).toEqual([
      'alliance.read',
      'counselling.ratings',
      'financial-support.counts',
      'screening.counts',
      'student-affairs.edit',
      'student-affairs.read',
    ]);
    expect(await permissionsOf('staff')).toContain('screening.answers');
    expect(await permissionsOf('admin')).not.toContain('screening.answers');
  });

  it('logs out: 204, cookie cleared, the session no longer works', async () => {
    const session = await loginAs(t.app, 'alpha', 'staff');
    const res = await session.request('/api/auth/logout', { method: 'POST' });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^xq_session=;.*Max-Age=0/);
    expect((await session.request('/api/auth/me')).status).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token, or with another session’s', async () => {
    const session = await loginAs(t.app, 'alpha', 'admin');
    const other = await loginAs(t.app, 'alpha', 'affairs');
    const noToken = await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/json' },
    });
    expect(noToken.status).toBe(403);
    expect(await json(noToken)).toMatchObject({ code: 'http.csrf-token', status: 403 });
    const wrongToken = await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': other.csrfToken },
    });
    expect(wrongToken.status).toBe(403);
    expect((await session.request('/api/auth/me')).status).toBe(200); // still signed in
  });

  it('refuses a cross-site form post even with a session cookie', async () => {
    const session = await loginAs(t.app, 'alpha', 'admin');
    const res = await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: 'a=1',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});
