import { auditLog, cases } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../../auth/scope.ts';
import { json, loginAs, type TestApp, type TestSession } from '../../../testing/index.ts';
import { createScreeningTestApp, importCsv, openWave, phq9Row } from '../testing.ts';

let t: TestApp;
let center: TestSession;

beforeAll(async () => {
  t = await createScreeningTestApp();
  center = await loginAs(t.app, 'alpha', 'staff');
});
afterAll(() => t.close());

interface Day {
  date: string;
  working: boolean;
  kind: string;
  name: { zh: string; en: string } | null;
  note: string | null;
  schoolEdit: boolean;
  official: { working: boolean; kind: string; name: { zh: string } | null } | null;
}

async function yearOf(session: TestSession, year: number) {
  const res = await session.request(`/api/screening/calendar?year=${year}`);
  expect(res.status, await res.clone().text()).toBe(200);
  const body = await json(res);
  return { ...body, day: (date: string) => (body.days as Day[]).find((d) => d.date === date) };
}

function setDay(session: TestSession, date: string, body: unknown) {
  return session.request(`/api/screening/calendar/days/${date}`, { method: 'PUT', body });
}

describe('the school’s working-day calendar', () => {
  it('shows the official 2026 holidays and make-up working days with their names', async () => {
    const year = await yearOf(center, 2026);
    expect(year).toMatchObject({ year: 2026, covered: true });
    expect(year.source.title).toContain('2026年部分节假日安排');
    const nationalDay = (year.days as Day[]).filter((d) => d.name?.zh === '国庆节');
    expect(nationalDay.filter((d) => !d.working).map((d) => d.date)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(nationalDay.filter((d) => d.working).map((d) => d.date)).toEqual(['2026-09-20', '2026-10-10']);
    expect(year.day('2026-10-10')).toMatchObject({ kind: 'make-up-workday', schoolEdit: false, note: null });
    expect(year.day('2026-02-14')).toMatchObject({ working: true, name: { zh: '春节' } });
    // An ordinary Friday and Saturday are not listed.
    expect(year.day('2026-11-13')).toBeUndefined();
    expect(year.day('2026-11-14')).toBeUndefined();
    expect(year.summary).toMatchObject({ makeUpWorkdays: 6, schoolEdits: 0 });
    expect(year.summary.workingDays + year.summary.restDays).toBe(365);
  });

  it('lets the center mark a day, and shows the edit as the school’s with its note', async () => {
    const res = await setDay(center, '2026-11-13', { working: false, note: ' 校运动会停课 ' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await json(res)).toMatchObject({ date: '2026-11-13', working: false, schoolEdit: true });
    expect((await setDay(center, '2026-10-07', { working: true, note: '补课' })).status).toBe(200);

    const year = await yearOf(center, 2026);
    expect(year.day('2026-11-13')).toMatchObject({
      working: false,
      kind: 'school-day-off',
      schoolEdit: true,
      note: '校运动会停课',
      official: { working: true, kind: 'weekday', name: null },
    });
    expect(year.day('2026-10-07')).toMatchObject({
      working: true,
      kind: 'school-workday',
      name: { zh: '国庆节' },
      official: { working: false, kind: 'public-holiday' },
    });
    expect(year.summary.schoolEdits).toBe(2);
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    expect((await yearOf(counsellor, 2026)).day('2026-11-13')?.note).toBe('校运动会停课');
  });

  it('replaces an edit of the same day, and drops an edit back to the official day', async () => {
    expect((await setDay(center, '2026-10-07', { working: false, note: '改回放假' })).status).toBe(200);
    expect((await yearOf(center, 2026)).day('2026-10-07')).toMatchObject({
      note: '改回放假',
      working: false,
    });
    const dropped = await center.request('/api/screening/calendar/days/2026-10-07', { method: 'DELETE' });
    expect(dropped.status).toBe(200);
    expect(await json(dropped)).toMatchObject({ kind: 'public-holiday', schoolEdit: false });
    const again = await center.request('/api/screening/calendar/days/2026-10-07', { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect((await yearOf(center, 2026)).summary.schoolEdits).toBe(1);
  });

  it('audits every edit', async () => {
    const rows = await withTenant(
      t.db,
      tenantScope({
        schoolId: t.world.schools.alpha.id,
        personId: null,
        fullScopePaths: ['/'],
        reducedScopePaths: [],
      }),
      (tx) => tx.select().from(auditLog).where(eq(auditLog.entity, 'working_calendar')),
    );
    const edits = rows.filter((r) => r.action !== 'working_calendar.read');
    expect(edits.map((r) => [r.action, r.entityId])).toEqual(
      expect.arrayContaining([
        ['working_calendar.set_day', '2026-11-13'],
        ['working_calendar.drop_day', '2026-10-07'],
      ]),
    );
    expect(edits.every((r) => r.actorPersonId === t.world.schools.alpha.people.staff)).toBe(true);
  });

  it('lets counsellors read but not edit, and shows committee members nothing', async () => {
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    const refused = await setDay(counsellor, '2026-11-16', { working: false, note: '想放假' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(refused)).toMatchObject({
      code: 'auth.permission-denied',
      detail: '只有心理健康教育中心可以调整工作日历。',
    });
    const drop = await counsellor.request('/api/screening/calendar/days/2026-11-13', { method: 'DELETE' });
    expect(drop.status).toBe(403);
    const committee = await loginAs(t.app, 'alpha', 'committee1');
    expect((await committee.request('/api/screening/calendar?year=2026')).status).toBe(403);
    expect((await yearOf(center, 2026)).day('2026-11-16')).toBeUndefined();
  });

  it('refuses a date that is not a real YYYY-MM-DD day, naming the field', async () => {
    for (const date of ['2026-02-30', '2026-1-5', 'tomorrow', '1999-12-31']) {
      const res = await setDay(center, date, { working: false, note: '' });
      expect(res.status, date).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await json(res)).errors.map((e: { field: string }) => e.field)).toEqual(['date']);
    }
    const noChoice = await setDay(center, '2026-11-16', { note: '没选' });
    expect(noChoice.status).toBe(400);
    expect((await json(noChoice)).errors[0].field).toBe('working');
    const badYear = await center.request('/api/screening/calendar?year=20266');
    expect((await json(badYear)).errors[0].field).toBe('year');
  });

  it('keeps each school’s edits to itself', async () => {
    const beta = await loginAs(t.app, 'beta', 'staff');
    const theirs = await yearOf(beta, 2026);
    expect(theirs.day('2026-11-13')).toBeUndefined();
    expect(theirs.summary.schoolEdits).toBe(0);
    expect(JSON.stringify(theirs)).not.toContain('校运动会停课');
    const drop = await beta.request('/api/screening/calendar/days/2026-11-13', { method: 'DELETE' });
    expect(drop.status).toBe(404);
    expect((await yearOf(center, 2026)).day('2026-11-13')?.schoolEdit).toBe(true);
  });
});

describe('follow-up deadlines and the school’s edits', () => {
  it('counts an edit for follow-ups opened after it, and leaves earlier due dates as they were', async () => {
    // The test clock stands at Monday 2025-03-03: 3 working days → Thursday 03-06.
    const [c1] = t.world.schools.alpha.colleges;
    const tier1 = [1, 1, 0, 0, 0, 0, 0, 0, 2];
    const first = await openWave(center, { name: '日历前批次' });
    expect(
      await importCsv(center, first, `学号,答案\n${phq9Row(c1.studentNumbers[0]!, tier1)}`),
    ).toMatchObject({ followUpsOpened: 1 });
    expect((await setDay(center, '2025-03-05', { working: false, note: '停电停课' })).status).toBe(200);
    const second = await openWave(center, { name: '日历后批次' });
    expect(
      await importCsv(center, second, `学号,答案\n${phq9Row(c1.studentNumbers[1]!, tier1)}`),
    ).toMatchObject({ followUpsOpened: 1 });
    const dueDates = await withTenant(
      t.db,
      tenantScope({
        schoolId: t.world.schools.alpha.id,
        personId: null,
        fullScopePaths: ['/'],
        reducedScopePaths: [],
      }),
      (tx) => tx.select({ studentId: cases.studentId, dueDate: cases.dueDate }).from(cases),
    );
    const dueOf = (studentId: string) => dueDates.find((c) => c.studentId === studentId)?.dueDate;
    expect(dueOf(c1.studentIds[0]!)).toBe('2025-03-06');
    expect(dueOf(c1.studentIds[1]!)).toBe('2025-03-07');
  });
});
