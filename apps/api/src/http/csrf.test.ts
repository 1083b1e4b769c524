import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { json } from '../testing/json.ts';
import { originCheck, requireSameOrigin } from './csrf.ts';
import { problemErrorHandler } from './errors.ts';

function app(trustProxy: boolean, allowedOrigins: string[] = []) {
  const hono = new Hono();
  hono.onError(problemErrorHandler(() => {}));
  hono.use('*', originCheck({ allowedOrigins, trustProxy }));
  hono.post('/login', requireSameOrigin({ allowedOrigins, trustProxy }), (c) => c.text('ok'));
  return hono;
}

const post = (hono: Hono, headers: Record<string, string>, body = '{}') =>
  hono.request('http://api.internal:3000/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('http/csrf', () => {
  it('accepts the API’s own origin, a configured one, and clients that send no Origin', async () => {
    expect((await post(app(false), { origin: 'http://api.internal:3000' })).status).toBe(200);
    expect(
      (await post(app(false, ['http://localhost:5173']), { origin: 'http://localhost:5173' })).status,
    ).toBe(200);
    expect((await post(app(false), {})).status).toBe(200);
  });

  it('refuses a foreign origin with a csrf problem', async () => {
    const res = await post(app(false), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await json(res)).toMatchObject({ code: 'http.cross-site', status: 403 });
  });

  it('refuses a cross-site request even without an Origin header', async () => {
    expect((await post(app(false), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('trusts a same-origin Sec-Fetch-Site, which no foreign page can send', async () => {
    expect(
      (await post(app(false), { origin: 'https://xq.example.edu.cn', 'sec-fetch-site': 'same-origin' }))
        .status,
    ).toBe(200);
  });

  it('behind a trusted proxy, compares with the origin the browser used', async () => {
    const headers = {
      origin: 'https://xq.example.edu.cn',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'xq.example.edu.cn',
    };
    expect((await post(app(true), headers)).status).toBe(200);
    expect((await post(app(false), headers)).status).toBe(403); // forwarded headers mean nothing without trust
  });

  it('refuses a cross-site form post (no preflight) with a problem, not plain text', async () => {
    const res = await post(
      app(false),
      { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      'a=1',
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});
