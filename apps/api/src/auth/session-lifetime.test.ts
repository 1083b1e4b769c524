import { people, sessions } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, loginAs, type TestApp } from '../testing/index.ts';
import { schoolOnlyScope } from './scope.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { sessionIdleMs: 30 * 60_000, sessionAbsoluteMs: 12 * 3_600_000 } });
});
afterAll(() => t?.close());

const minutes = (n: number) => n * 60_000;

async function sessionCount(personId: string): Promise<number> {
  const rows = await withTenant(t.db, schoolOnlyScope(t.world.schools.alpha.id, null), (tx) =>
    tx.select().from(sessions).where(eq(sessions.personId, personId)),
  );
  return rows.length;
}

describe('auth/session lifetime', () => {
  it('ends a session left idle past the idle timeout, and deletes it', async () => {
    const session = await loginAs(t.app, 'alpha', 'counsellor1');
    t.clock.advance(minutes(29));
    expect((await session.request('/api/auth/me')).status).toBe(200);
    t.clock.advance(minutes(29)); // 58 minutes after login, 29 after the last request
    expect((await session.request('/api/auth/me')).status).toBe(200);
    t.clock.advance(minutes(31));
    const expired = await session.request('/api/auth/me');
    expect(expired.status).toBe(401);
    expect(await json(expired)).toMatchObject({ code: 'auth.session-expired', title: '登录已过期' });
    expect(expired.headers.get('set-cookie')).toMatch(/^xq_session=;/);
    expect(await sessionCount(t.world.schools.alpha.people.counsellor1!)).toBe(0);
  });

  it('counts the idle timeout from the last request, not from a timestamp written at most once a minute', async () => {
    const session = await loginAs(t.app, 'alpha', 'station1');
    t.clock.advance(30_000);
    expect((await session.request('/api/auth/me')).status).toBe(200);
    t.clock.advance(minutes(29) + 59_000); // 30 min 29 s after login, 29 min 59 s after the last request
    expect((await session.request('/api/auth/me')).status).toBe(200);
    t.clock.advance(minutes(30));
    expect((await session.request('/api/auth/me')).status).toBe(401);
  });

  it('ends a session at the absolute timeout however busy it is', async () => {
    const session = await loginAs(t.app, 'alpha', 'counsellor2');
    for (let elapsed = 0; elapsed < 11 * 60 + 40; elapsed += 20) {
      t.clock.advance(minutes(20));
      expect((await session.request('/api/auth/me')).status).toBe(200);
    }
    t.clock.advance(minutes(20)); // 12 hours after login
    expect((await session.request('/api/auth/me')).status).toBe(401);
  });

  it('ends every session of an account once it is disabled', async () => {
    const session = await loginAs(t.app, 'alpha', 'teacher1');
    const personId = t.world.schools.alpha.people.teacher1!;
    expect((await session.request('/api/auth/me')).status).toBe(200);
    await withTenant(t.db, schoolOnlyScope(t.world.schools.alpha.id, null), (tx) =>
      tx.update(people).set({ disabled: true }).where(eq(people.id, personId)),
    );
    const refused = await session.request('/api/auth/me');
    expect(refused.status).toBe(401);
    expect(await json(refused)).toMatchObject({ code: 'auth.account-disabled', title: '账号已停用' });
    expect(await sessionCount(personId)).toBe(0);
    const again = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ school: 'alpha', username: 'teacher1', password: 'xinqiao-test-password' }),
    });
    expect(again.status).toBe(401);
  });
});
