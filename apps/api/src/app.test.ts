import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, loginAs, type TestApp } from './testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('app', () => {
  it('answers health with the database kind', async () => {
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ status: 'ok', database: t.db.kind });
  });

  it('lists the schools for the login form without a session', async () => {
    const res = await t.app.request('/api/schools');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual([
      { code: 'alpha', name: '阿尔法大学', nameEn: 'Alpha University' },
      { code: 'beta', name: '贝塔大学', nameEn: 'Beta University' },
    ]);
  });

  it('serves an OpenAPI 3.1 document with the session cookie as security scheme', async () => {
    const res = await t.app.request('/api/openapi.json');
    const doc = await json(res);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.sessionCookie).toEqual(
      expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'xq_session' }),
    );
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/auth/me', '/api/plugins/active']),
    );
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
  });

  it('serves the API reference page whose inline script carries the nonce its CSP allows', async () => {
    const res = await t.app.request('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).toContain('/api/openapi.json');
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it('serves the reference bundle itself, so the docs work without reaching a CDN', async () => {
    const html = await (await t.app.request('/api/docs')).text();
    expect(html).toContain('src="/api/docs/scalar.js"');
    expect(html).not.toContain('cdn.jsdelivr.net');
    const script = await t.app.request('/api/docs/scalar.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.text()).length).toBeGreaterThan(100_000);
  });

  it('sends a strict CSP and one-year HSTS on every response', async () => {
    for (const path of ['/api/health', '/api/auth/me', '/']) {
      const res = await t.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('marks API answers no-store, errors included, but not health', async () => {
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    expect((await counsellor.request('/api/auth/me')).headers.get('cache-control')).toBe('no-store');
    expect((await counsellor.request('/api/nothing')).headers.get('cache-control')).toBe('no-store');
    expect((await t.app.request('/api/auth/me')).headers.get('cache-control')).toBe('no-store');
    expect((await t.app.request('/api/health')).headers.get('cache-control')).toBeNull();
  });

  it('answers an unknown /api route with a 404 problem once signed in, 401 before', async () => {
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    const signedIn = await counsellor.request('/api/nothing');
    expect(signedIn.status).toBe(404);
    expect(signedIn.headers.get('content-type')).toBe('application/problem+json');
    const anonymous = await t.app.request('/api/nothing');
    expect(anonymous.status).toBe(401);
    expect(await json(anonymous)).toMatchObject({ code: 'auth.sign-in-required', status: 401 });
  });
});
