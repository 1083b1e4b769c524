import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, loginAs, type TestApp } from '../../testing/index.ts';
import { fixedCatalog } from './catalog.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    plugins: fixedCatalog(
      [
        {
          id: 'alpha',
          version: '2.1.0',
          manifest: { id: 'alpha', name: '阿尔法' },
          rules: { tiers: { rules: [] } },
        },
      ],
      [
        {
          id: 'beta',
          version: '1.0.0',
          status: 'refused',
          errors: [{ path: 'rules/tiers.json', message: 'bad operator' }],
        },
      ],
    ),
  });
});
afterAll(() => t?.close());

describe('modules/plugins', () => {
  it('lists every plugin with version, status and errors for a signed-in user', async () => {
    const session = await loginAs(t.app, 'beta', 'counsellor1');
    const res = await session.request('/api/plugins');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual([
      { id: 'alpha', version: '2.1.0', status: 'active', errors: [] },
      {
        id: 'beta',
        version: '1.0.0',
        status: 'refused',
        errors: [{ path: 'rules/tiers.json', message: 'bad operator' }],
      },
    ]);
  });

  it('needs a session', async () => {
    expect((await t.app.request('/api/plugins')).status).toBe(401);
    expect((await t.app.request('/api/plugins/active')).status).toBe(401);
  });

  it("answers the user's own school's active plugin", async () => {
    const session = await loginAs(t.app, 'alpha', 'counsellor1');
    const res = await session.request('/api/plugins/active');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      id: 'alpha',
      version: '2.1.0',
      manifest: { id: 'alpha', name: '阿尔法' },
      rules: { tiers: { rules: [] } },
    });
  });

  it('answers 404 for a school whose plugin was refused', async () => {
    const session = await loginAs(t.app, 'beta', 'counsellor1');
    const res = await session.request('/api/plugins/active');
    expect(res.status).toBe(404);
    expect((await json(res)).detail).toContain('beta');
  });
});
