import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, TEST_PASSWORD, type TestApp } from '../testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    config: {
      maxFailuresPerAccount: 3,
      maxFailuresPerAddress: 6,
      loginWindowMs: 15 * 60_000,
      trustProxy: true,
    },
  });
});
afterAll(() => t?.close());

const login = (username: string, password: string, address: string, school = 'alpha', cookie?: string) =>
  t.app.request('/api/auth/login', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': address,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ school, username, password }),
  });

/** The known-device cookie a successful login sets (`xq_device=…`). */
function deviceCookieOf(res: Response): string {
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('xq_device='))
    ?.split(';')[0];
  expect(cookie).toBeDefined();
  return cookie!;
}

const seconds = (n: number) => n * 1000;

describe('auth/login throttling', () => {
  it('evaluates at most the limit of 100 parallel wrong passwords for one account', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => login('station1', `guess-${i}`, `10.9.${i >> 8}.${i & 255}`)),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(97);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it('slows an account progressively instead of locking it: each wait doubles, and is short', async () => {
    for (let i = 0; i < 3; i++) expect((await login('staff', 'guess', '10.0.0.1')).status).toBe(401);
    const first = await login('staff', TEST_PASSWORD, '10.0.0.2');
    expect(first.status).toBe(429);
    expect((await json(first)).code).toBe('auth.too-many-attempts');
    expect(Number(first.headers.get('retry-after'))).toBe(1);
    t.clock.advance(seconds(1));
    expect((await login('staff', 'guess', '10.0.0.1')).status).toBe(401); // the 4th failure is evaluated
    const second = await login('staff', 'guess', '10.0.0.1');
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBe(2);
    t.clock.advance(seconds(2));
    // The real password gets through once the short wait has passed: no 15-minute lockout.
    expect((await login('staff', TEST_PASSWORD, '10.0.0.2')).status).toBe(200);
    // The same username at another school is another account.
    expect((await login('staff', TEST_PASSWORD, '10.0.0.2', 'beta')).status).toBe(200);
  });

  it('lets the real user in from a known device while an attacker is being slowed down', async () => {
    const first = await login('counsellor2', TEST_PASSWORD, '10.0.3.1');
    expect(first.status).toBe(200);
    const device = deviceCookieOf(first);
    for (let i = 0; i < 3; i++) expect((await login('counsellor2', 'guess', '10.0.3.9')).status).toBe(401);
    expect((await login('counsellor2', TEST_PASSWORD, '10.0.3.1')).status).toBe(429);
    expect((await login('counsellor2', TEST_PASSWORD, '10.0.3.1', 'alpha', device)).status).toBe(200);
    // A device cookie of another account, or a forged one, is no help.
    expect(
      (await login('counsellor2', TEST_PASSWORD, '10.0.3.1', 'alpha', 'xq_device=forged.abc')).status,
    ).toBe(429);
  });

  it('clears an account’s failures after a successful login', async () => {
    for (let i = 0; i < 2; i++) expect((await login('director', 'guess', '10.0.1.1')).status).toBe(401);
    expect((await login('director', TEST_PASSWORD, '10.0.1.1')).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await login('director', 'guess', '10.0.1.1')).status).toBe(401);
    expect((await login('director', TEST_PASSWORD, '10.0.1.1')).status).toBe(200);
  });

  it('slows a client address that tries many accounts, but not a known device behind it', async () => {
    const known = await login('affairs', TEST_PASSWORD, '10.0.2.1');
    const device = deviceCookieOf(known);
    const usernames = ['admin', 'counsellor1', 'teacher1', 'committee1', 'liaison1', 'liaison2'];
    for (const username of usernames) expect((await login(username, 'guess', '10.0.2.1')).status).toBe(401);
    const slowed = await login('teacher2', TEST_PASSWORD, '10.0.2.1');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(1);
    expect((await login('affairs', TEST_PASSWORD, '10.0.2.1', 'alpha', device)).status).toBe(200);
    expect((await login('affairs', TEST_PASSWORD, '10.0.2.2')).status).toBe(200);
  });
});
