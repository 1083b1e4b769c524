import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, loginAs, type TestApp } from '../../testing/index.ts';
import { seedPluginCatalog } from '../student-affairs/testing.ts';
import { frontendsRoutes } from './routes.ts';

let t: TestApp;
beforeAll(async () => {
  const ui = {
    remoteName: 'alpha_screening_calendar',
    manifestUrl: 'ui/mf-manifest.json',
    exposes: './Screen',
    title: { zh: '筛查日历', en: 'Screening calendar' },
  };
  t = await createTestApp({
    extraRoutes: [frontendsRoutes],
    plugins: await seedPluginCatalog([
      // hut's plugin has the peer alliance's rules (seed 002), hrbmu's has none.
      { seed: 'hut', school: 'alpha', manifest: { ui } },
      { seed: 'hrbmu', school: 'beta' },
    ]),
  });
});
afterAll(() => t?.close());

async function moduleIds(school: string, username: string): Promise<string[]> {
  const res = await (await loginAs(t.app, school, username)).request('/api/frontends');
  expect(res.status).toBe(200);
  return (await json(res)).modules.map((m: { id: string }) => m.id);
}

describe('modules/frontends', () => {
  it('lists the student affairs office module with its manifest for the student affairs office', async () => {
    const res = await (await loginAs(t.app, 'alpha', 'affairs')).request('/api/frontends');
    const { modules } = await json(res);
    expect(modules[0]).toEqual({
      id: 'student-affairs',
      title: { zh: '学生处', en: 'Student Affairs' },
      remoteName: 'xinqiao_student_affairs',
      manifestUrl: '/modules/student-affairs/mf-manifest.json',
      exposes: './App',
      routePath: '/student-affairs',
      source: 'office',
    });
  });

  it("adds the school plugin's own UI, served from the plugin's folder, for that school only", async () => {
    const res = await (await loginAs(t.app, 'alpha', 'counsellor1')).request('/api/frontends');
    expect((await json(res)).modules).toEqual([
      expect.objectContaining({
        id: 'college-station',
        manifestUrl: '/modules/college-station/mf-manifest.json',
      }),
      expect.objectContaining({ id: 'crisis', manifestUrl: '/modules/crisis/mf-manifest.json' }),
      {
        id: 'plugin-alpha',
        title: { zh: '筛查日历', en: 'Screening calendar' },
        remoteName: 'alpha_screening_calendar',
        manifestUrl: '/plugins/alpha/ui/mf-manifest.json',
        exposes: './Screen',
        routePath: '/plugins/alpha',
        source: 'plugin',
        pluginId: 'alpha',
      },
    ]);
    expect(await moduleIds('beta', 'counsellor1')).toEqual(['college-station', 'crisis']);
  });

  it('shows each office module exactly to the roles that work in it', async () => {
    expect(await moduleIds('beta', 'affairs')).toEqual(['student-affairs']);
    expect(await moduleIds('beta', 'admin')).toEqual(['student-affairs', 'school-admin']);
    // The center opens the college station for the student files and cases its lists link to.
    expect(await moduleIds('beta', 'director')).toEqual([
      'student-affairs',
      'counselling-center',
      'college-station',
      'crisis',
      'school-admin',
    ]);
    expect(await moduleIds('beta', 'staff')).toEqual(['counselling-center', 'college-station', 'crisis']);
    // Those who run a crisis open the crisis module; committee members and dorm liaisons report, they never run one.
    for (const username of ['station1', 'counsellor1', 'teacher1']) {
      expect(await moduleIds('beta', username), username).toEqual(['college-station', 'crisis']);
    }
    for (const username of ['committee1', 'liaison1']) {
      expect(await moduleIds('beta', username), username).toEqual(['college-station']);
    }
    expect(await moduleIds('beta', 'alliance')).not.toContain('college-station');
    for (const username of ['staff', 'alliance']) {
      expect(await moduleIds('beta', username), username).not.toContain('school-admin');
    }
  });

  it("offers the peer alliance only at a school whose plugin has the alliance's points scale and sanctions", async () => {
    expect(await moduleIds('alpha', 'alliance')).toEqual(['peer-alliance', 'plugin-alpha']);
    expect(await moduleIds('beta', 'alliance')).toEqual([]);
  });

  it('needs a session', async () => {
    expect((await t.app.request('/api/frontends')).status).toBe(401);
  });
});
