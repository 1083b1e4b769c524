import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../http/csrf.ts';
import { createTestApp, loginAs, type TestApp } from '../testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('auth/logout', () => {
  it('signs out a request without a body or content type (navigator.sendBeacon, fetch without a body)', async () => {
    const session = await loginAs(t.app, 'alpha', 'counsellor1');
    const res = await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: session.cookie, [CSRF_HEADER]: session.csrfToken, origin: 'http://localhost' },
    });
    expect(res.status).toBe(204);
    expect((await session.request('/api/auth/me')).status).toBe(401);
  });

  it('signs out a same-origin request that names no origin', async () => {
    const session = await loginAs(t.app, 'alpha', 'counsellor2');
    const res = await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: session.cookie, [CSRF_HEADER]: session.csrfToken },
    });
    expect(res.status).toBe(204);
  });
});
