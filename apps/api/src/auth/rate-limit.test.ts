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

const login = (username: string, password: string, address: string, school = 'alpha') =>
  t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ school, username, password }),
  });

describe('auth/login rate limit', () => {
  it('refuses an account after too many failures, even with the right password, until the window passes', async () => {
    for (let i = 0; i < 3; i++) expect((await login('staff', 'guess', '10.0.0.1')).status).toBe(401);
    const refused = await login('staff', TEST_PASSWORD, '10.0.0.2');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect((await json(refused)).code).toBe('auth.too-many-attempts');
    // The same username at another school is another account.
    expect((await login('staff', TEST_PASSWORD, '10.0.0.2', 'beta')).status).toBe(200);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await login('staff', TEST_PASSWORD, '10.0.0.2')).status).toBe(200);
  });

  it('clears an account’s failures after a successful login', async () => {
    for (let i = 0; i < 2; i++) expect((await login('director', 'guess', '10.0.1.1')).status).toBe(401);
    expect((await login('director', TEST_PASSWORD, '10.0.1.1')).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await login('director', 'guess', '10.0.1.1')).status).toBe(401);
    expect((await login('director', TEST_PASSWORD, '10.0.1.1')).status).toBe(200);
  });

  it('refuses a client address that tries many accounts', async () => {
    const usernames = ['admin', 'counsellor1', 'counsellor2', 'teacher1', 'committee1', 'liaison1'];
    for (const username of usernames) expect((await login(username, 'guess', '10.0.2.1')).status).toBe(401);
    expect((await login('affairs', TEST_PASSWORD, '10.0.2.1')).status).toBe(429);
    expect((await login('affairs', TEST_PASSWORD, '10.0.2.2')).status).toBe(200);
  });
});
