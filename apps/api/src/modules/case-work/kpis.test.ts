import { toChinaDate } from '@xinqiao/calendar';
import { caseEntries, concernReports } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import { createTestApp, loginAs, type TestApp, type TestSession, testClock } from '../../testing/index.ts';
import { storeAlphaCase } from '../cases/testing.ts';
import { asWholeSchool, json } from '../students/fixtures.test-helpers.ts';

// A small fixture counted by hand (today = now):
//  follow-ups, college1: A due 2 days ago, talked 3 days ago (in time); B due yesterday, no talk (late);
//                        C due in 5 days, no talk (not due yet: not counted)
//             college2:  D due 2 days ago, talked yesterday (late)
//  → tier-1 talks in time: college1 1/2, college2 0/1, school 1/3
//  concern reports, college1: one due an hour ago and triaged two hours ago (in time), one due an hour ago and not
//  triaged (late), one due tomorrow (not counted) → college1 1/2, school 1/2
//  key students = the students of the open follow-ups: college1 A (talked 3 days ago) of A, B, C → 1/3;
//  college2 D (talked yesterday) → 1/1; school 2/4
let t: TestApp;
let station1: TestSession;
let director: TestSession;
let counsellor1: TestSession;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const alpha = () => t.world.schools.alpha;
const student = (college: 0 | 1, n: number) => alpha().colleges[college].studentIds[n]!;
const day = (days: number) => toChinaDate(new Date(Date.now() + days * DAY));
const at = (ms: number) => new Date(Date.now() + ms);

async function followUp(studentId: string, dueIn: number, talkedDaysAgo?: number) {
  const caseId = await storeAlphaCase(t, { studentId, dueDate: day(dueIn), daysAgo: 6 });
  if (talkedDaysAgo === undefined) return;
  await asWholeSchool(t, 'alpha', (tx) =>
    tx.insert(caseEntries).values({
      schoolId: alpha().id,
      caseId,
      kind: 'interview',
      body: '谈话',
      occurredAt: at(-talkedDaysAgo * DAY),
    }),
  );
}

async function report(studentId: string, dueAt: Date, triagedAt: Date | null) {
  // RLS: the reporter is the one filing it.
  const scope = tenantScope({
    schoolId: alpha().id,
    personId: alpha().people.committee1!,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
  });
  await withTenant(t.db, scope, (tx) =>
    tx.insert(concernReports).values({
      schoolId: alpha().id,
      studentId,
      reporterId: alpha().people.committee1!,
      dueAt,
      triagedAt,
      status: triagedAt ? 'closed' : 'received',
      pluginId: 'alpha',
      pluginVersion: '1',
    }),
  );
}

beforeAll(async () => {
  t = await createTestApp({ clock: testClock(new Date()) });
  [station1, director, counsellor1] = await Promise.all([
    loginAs(t.app, 'alpha', 'station1'),
    loginAs(t.app, 'alpha', 'director'),
    loginAs(t.app, 'alpha', 'counsellor1'),
  ]);
  await followUp(student(0, 0), -2, 3);
  await followUp(student(0, 1), -1);
  await followUp(student(0, 2), 5);
  await followUp(student(1, 0), -2, 1);
  await report(student(0, 0), at(-HOUR), at(-2 * HOUR));
  await report(student(0, 1), at(-HOUR), null);
  await report(student(0, 2), at(DAY), null);
});
afterAll(() => t?.close());

const share = (done: number, total: number) => ({ done, total, share: done / total });

describe('GET /api/case-work/kpis', () => {
  it('counts every college and the school for the center, as computed by hand', async () => {
    const res = await director.request('/api/case-work/kpis');
    expect(res.status).toBe(200);
    const body = await json(res);
    const college1 = {
      collegeId: alpha().colleges[0].id,
      tier1TalksInTime: share(1, 2),
      concernsTriagedInTime: share(1, 2),
      keyStudentsTalkedThisWeek: share(1, 3),
    };
    const college2 = {
      collegeId: alpha().colleges[1].id,
      tier1TalksInTime: share(0, 1),
      concernsTriagedInTime: { done: 0, total: 0, share: null },
      keyStudentsTalkedThisWeek: share(1, 1),
    };
    expect(body.colleges).toEqual([expect.objectContaining(college1), expect.objectContaining(college2)]);
    expect(body.school).toEqual({
      tier1TalksInTime: share(1, 3),
      concernsTriagedInTime: share(1, 2),
      keyStudentsTalkedThisWeek: share(2, 4),
    });
  });

  it('shows a station head their college only', async () => {
    const body = await json(await station1.request('/api/case-work/kpis'));
    expect(body.colleges.map((c: { collegeId: string }) => c.collegeId)).toEqual([alpha().colleges[0].id]);
    expect(body.school.tier1TalksInTime).toEqual(share(1, 2));
  });

  it('refuses a counsellor', async () => {
    expect((await counsellor1.request('/api/case-work/kpis')).status).toBe(403);
  });

  it('exports the same figures to XLSX, a row per college and one for the school', async () => {
    const res = await director.request('/api/case-work/kpis/export.xlsx');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('个案工作指标')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      '全校 / School',
      1,
      3,
      '33.3%',
      1,
      2,
      '50%',
      2,
      4,
      '50%',
    ]);
  });
});
