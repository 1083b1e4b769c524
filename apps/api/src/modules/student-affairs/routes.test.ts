import { auditLog } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { compilePlugin, evaluate } from '@xinqiao/policy/browser';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import {
  createTestApp,
  json,
  loginAs,
  type TestApp,
  type TestSession,
  testClock,
} from '../../testing/index.ts';
import { studentAffairsRoutes } from './routes.ts';
import { seedPluginCatalog } from './testing.ts';

// The test clock starts on 2025-03-03: academic year 2024.
const YEAR = 2024;

let t: TestApp;
let affairs: TestSession;
beforeAll(async () => {
  t = await createTestApp({
    extraRoutes: [studentAffairsRoutes],
    plugins: await seedPluginCatalog([
      { seed: 'hrbmu', school: 'alpha' },
      { seed: 'hrbmu', school: 'beta' },
    ]),
  });
  affairs = await loginAs(t.app, 'alpha', 'affairs');
});
afterAll(() => t?.close());

async function overview(session: TestSession = affairs) {
  const res = await session.request(`/api/student-affairs/overview?academicYear=${YEAR}`);
  expect(res.status).toBe(200);
  return json(res);
}

async function auditActions(): Promise<string[]> {
  const schoolId = t.world.schools.alpha.id;
  const scope = tenantScope({ schoolId, personId: null, fullScopePaths: ['/'], reducedScopePaths: [] });
  const rows = await withTenant(t.db, scope, (tx) =>
    tx
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.schoolId, schoolId))
      .orderBy(asc(auditLog.seq)),
  );
  return rows.map((r) => r.action);
}

describe('modules/student-affairs', () => {
  it('shows an empty year before any enrolment is entered', async () => {
    const body = await overview();
    expect(body).toMatchObject({
      academicYear: YEAR,
      enrolment: null,
      staffing: null,
      funding: null,
      staff: [],
    });
    expect(body.plugin).toMatchObject({ id: 'alpha' });
    expect(body.training.requirements).toEqual({ 'full-time': 40, 'part-time': 20 });
  });

  it("computes staff and funding with the school's rules once enrolment is set, and audits the edit", async () => {
    const res = await affairs.request('/api/student-affairs/enrolment', {
      method: 'PUT',
      body: { academicYear: YEAR, enrolment: 30000 },
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    // Seed 000: one full-time teacher per 4,000 students, 15 yuan per student per year.
    expect(body.staffing.result).toMatchObject({
      studentsPerStaff: 4000,
      requiredFullTimeStaff: 8,
      fullTimeStaff: 0,
    });
    expect(body.staffing.result).toMatchObject({ compliant: false, shortfall: 8 });
    expect(body.funding.result.yearlyYuan).toBe(450000);
    expect(body.funding.result.lines[0]).toMatchObject({ perStudentYuan: 15, yuan: 450000 });
    expect(await auditActions()).toContain('school_year_figures.update');
  });

  it('checks each staff member against the training hours of their employment', async () => {
    const add = (name: string, employment: string, trainingHours: number) =>
      affairs.request('/api/student-affairs/staff', {
        method: 'POST',
        body: { academicYear: YEAR, name, employment, trainingHours },
      });
    expect((await add('李敏', 'full_time', 45)).status).toBe(201);
    expect((await add('王芳', 'full_time', 32.5)).status).toBe(201);
    const res = await add('赵强', 'part_time', 20);
    const body = await json(res);
    const byName = new Map(body.staff.map((s: { id: string; name: string }) => [s.name, s.id]));
    const member = (name: string) =>
      body.training.members.find((m: { staffId: string }) => m.staffId === byName.get(name));
    expect(member('李敏').result).toMatchObject({ requiredHours: 40, compliant: true, shortfallHours: 0 });
    expect(member('王芳').result).toMatchObject({ requiredHours: 40, compliant: false, shortfallHours: 7.5 });
    expect(member('赵强').result).toMatchObject({ requiredHours: 20, compliant: true });
    expect(body.staffing.result).toMatchObject({ fullTimeStaff: 2, shortfall: 6 });
    expect(body.staffing.partTimeStaff).toBe(1);
  });

  it('changes and removes staff, recomputing the year and auditing each edit', async () => {
    const before = await overview();
    const wang = before.staff.find((s: { name: string }) => s.name === '王芳');
    const changed = await affairs.request(`/api/student-affairs/staff/${wang.id}`, {
      method: 'PATCH',
      body: { trainingHours: 41 },
    });
    const member = (await json(changed)).training.members.find(
      (m: { staffId: string }) => m.staffId === wang.id,
    );
    expect(member.result).toMatchObject({ hours: 41, compliant: true });
    const removed = await affairs.request(`/api/student-affairs/staff/${wang.id}`, { method: 'DELETE' });
    expect((await json(removed)).staff.map((s: { name: string }) => s.name)).not.toContain('王芳');
    const actions = await auditActions();
    expect(actions).toEqual(
      expect.arrayContaining(['center_staff.create', 'center_staff.update', 'center_staff.delete']),
    );
  });

  it('gives the same answer as the plugin evaluated in a browser from /api/plugins/active', async () => {
    const body = await overview();
    const active = await json(await affairs.request('/api/plugins/active'));
    const compiled = compilePlugin({ manifest: active.manifest, rules: active.rules });
    if (!compiled.ok) throw new Error('the served plugin does not compile');
    const resultOf = (decision: object) => {
      const {
        pluginId: _p,
        pluginVersion: _v,
        area: _a,
        overriddenRules: _o,
        ...result
      } = decision as Record<string, unknown>;
      return result;
    };
    const staffing = await evaluate(compiled.plugin, 'staffing-ratio', body.staffing.facts);
    const funding = await evaluate(compiled.plugin, 'funding-formula', body.funding.facts);
    expect(body.staffing.result).toEqual(resultOf(staffing));
    expect(body.funding.result).toEqual(resultOf(funding));
    for (const member of body.training.members) {
      expect(member.result).toEqual(
        resultOf(await evaluate(compiled.plugin, 'training-hours', member.facts)),
      );
    }
  });

  it('names the field of a bad edit and stores nothing', async () => {
    const res = await affairs.request('/api/student-affairs/enrolment', {
      method: 'PUT',
      body: { academicYear: YEAR, enrolment: -5 },
    });
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0].field).toBe('enrolment');
    const hours = await affairs.request('/api/student-affairs/staff', {
      method: 'POST',
      body: { academicYear: YEAR, name: '孙丽', employment: 'full_time', trainingHours: 12.25 },
    });
    expect((await json(hours)).errors[0].field).toBe('trainingHours');
    expect((await overview()).enrolment).toBe(30000);
  });

  it('lets the center director read but not edit, and keeps the figures from other roles', async () => {
    const director = await loginAs(t.app, 'alpha', 'director');
    expect((await overview(director)).enrolment).toBe(30000);
    const edit = await director.request('/api/student-affairs/enrolment', {
      method: 'PUT',
      body: { academicYear: YEAR, enrolment: 1 },
    });
    expect(edit.status).toBe(403);
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    expect((await counsellor.request('/api/student-affairs/overview')).status).toBe(403);
  });

  it("cannot touch another school's staff", async () => {
    const alphaStaff = (await overview()).staff[0];
    const beta = await loginAs(t.app, 'beta', 'affairs');
    const res = await beta.request(`/api/student-affairs/staff/${alphaStaff.id}`, {
      method: 'PATCH',
      body: { trainingHours: 0 },
    });
    expect(res.status).toBe(404);
    expect((await overview()).staff[0].trainingHours).toBe(alphaStaff.trainingHours);
  });
});

describe('modules/student-affairs: the current academic year', () => {
  // 23:59 on 31 August in Beijing: still the 2025–2026 year, though only a minute is left.
  const clock = testClock(new Date('2026-08-31T15:59:00Z'));
  let late: TestApp;
  beforeAll(async () => {
    late = await createTestApp({
      clock,
      extraRoutes: [studentAffairsRoutes],
      plugins: await seedPluginCatalog([{ seed: 'hrbmu', school: 'alpha' }]),
    });
  });
  afterAll(() => late?.close());

  it('turns over at midnight on 1 September in China, while it is still 31 August in UTC', async () => {
    const session = await loginAs(late.app, 'alpha', 'affairs');
    const before = await json(await session.request('/api/student-affairs/overview'));
    expect(before.academicYear).toBe(2025);
    clock.advance(60_000); // 00:00 on 1 September in Beijing, 16:00 on 31 August in UTC
    const after = await json(await session.request('/api/student-affairs/overview'));
    expect(after.academicYear).toBe(2026);
    expect(after.academicYears).toEqual([2026]);
  });
});
