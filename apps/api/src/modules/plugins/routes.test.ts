import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, loginAs, type TestApp, testPluginCatalog } from '../../testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  const { plugins } = await testPluginCatalog({
    copies: { alpha: 'hrbmu' },
    broken: { beta: { 'plugin.json': '{ "id": "beta", "version": "one" ' } },
  });
  t = await createTestApp({ plugins });
});
afterAll(() => t?.close());

describe('modules/plugins', () => {
  it('lists every plugin folder with version, status and errors; a broken one is refused', async () => {
    const session = await loginAs(t.app, 'beta', 'counsellor1');
    const res = await session.request('/api/plugins');
    expect(res.status).toBe(200);
    const list = await json(res);
    expect(list.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
      ['alpha', 'active'],
      ['beta', 'refused'],
    ]);
    expect(list[0].errors).toEqual([]);
    expect(list[0].version).toMatch(/^\d+\.\d+\.\d+/);
    expect(list[1].errors.length).toBeGreaterThan(0);
    expect(list[1].errors[0]).toMatchObject({
      file: 'plugins/beta/plugin.json',
      message: expect.any(String),
    });
  });

  it('needs a session', async () => {
    expect((await t.app.request('/api/plugins')).status).toBe(401);
    expect((await t.app.request('/api/plugins/active')).status).toBe(401);
  });

  it("answers the signed-in user's own school's plugin: manifest and rule files", async () => {
    const session = await loginAs(t.app, 'alpha', 'counsellor1');
    const res = await session.request('/api/plugins/active');
    expect(res.status).toBe(200);
    const active = await json(res);
    expect(active.id).toBe('alpha');
    expect(active.manifest.id).toBe('alpha');
    expect(active.compiled).toBeUndefined();
    expect(Object.keys(active.rules).sort()).toEqual(Object.keys(active.manifest.areas).sort());
  });

  it('answers 404 for a school whose plugin was refused, while the others keep working', async () => {
    const session = await loginAs(t.app, 'beta', 'counsellor1');
    const res = await session.request('/api/plugins/active');
    expect(res.status).toBe(404);
    expect(await json(res)).toMatchObject({
      code: 'plugins.no-active-plugin',
      detail: expect.stringContaining('beta'),
    });
  });
});
