import { auditLog, caseEntries, cases } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../../auth/scope.ts';
import { json, loginAs, type TestApp, type TestSession } from '../../../testing/index.ts';
import { createScreeningTestApp, importCsv, openWave, phq9Row } from '../testing.ts';

let t: TestApp;
let center: TestSession;
let waveId: string;

const alpha = () => t.world.schools.alpha;
const fullScope = () =>
  tenantScope({
    schoolId: alpha().id,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
  });

beforeAll(async () => {
  t = await createScreeningTestApp();
  center = await loginAs(t.app, 'alpha', 'staff');
  waveId = await openWave(center);
  const [c1, c2] = alpha().colleges;
  const done = await importCsv(
    center,
    waveId,
    [
      '学号,答案',
      phq9Row(c1.studentNumbers[0]!, [1, 1, 0, 0, 0, 0, 0, 0, 2]),
      phq9Row(c1.studentNumbers[1]!, [0, 0, 0, 0, 0, 0, 0, 0, 0]),
      phq9Row(c2.studentNumbers[0]!, [1, 1, 1, 0, 0, 0, 0, 0, 0]),
      phq9Row(c2.studentNumbers[1]!, [3, 3, 3, 3, 3, 3, 0, 0, 1]),
    ].join('\n'),
  );
  expect(done).toMatchObject({ status: 'done', rowsAccepted: 4, followUpsOpened: 2 });
});
afterAll(() => t.close());

async function followUpsOf(username: string, query = '') {
  const session = await loginAs(t.app, 'alpha', username);
  const res = await session.request(`/api/screening/follow-ups${query}`);
  expect(res.status).toBe(200);
  return (await json(res)).followUps as {
    student: { studentNumber: string };
    dueDate: string;
    overdue: boolean;
  }[];
}

describe('what people see of screening', () => {
  it('shows a counsellor exactly the follow-ups of their own students', async () => {
    const [c1, c2] = alpha().colleges;
    expect((await followUpsOf('counsellor1')).map((f) => f.student.studentNumber)).toEqual([
      c1.studentNumbers[0],
    ]);
    expect((await followUpsOf('counsellor2', '?mine=true')).map((f) => f.student.studentNumber)).toEqual([
      c2.studentNumbers[1],
    ]);
    expect((await followUpsOf('station1')).map((f) => f.student.studentNumber)).toEqual([
      c1.studentNumbers[0],
    ]);
    expect(await followUpsOf('staff')).toHaveLength(2);
  });

  it('shows counsellors tiers and reasons of their college only, without scores or answers', async () => {
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    const table = await json(await counsellor.request(`/api/screening/waves/${waveId}/results`));
    expect(table.total).toBe(2);
    expect(table.rows[0]).toMatchObject({ tier: 1, followUp: { dueDate: '2025-03-06' } });
    expect(table.rows[0].reasons.length).toBeGreaterThan(0);
    expect(table.rows[0].summary).toBeUndefined();
    const one = await json(await counsellor.request(`/api/screening/results/${table.rows[0].resultId}`));
    expect(one.tier).toBe(1);
    expect(one.answers).toBeUndefined();
    expect(one.scores).toBeUndefined();
  });

  it('filters the tier table by an attention tier and refuses a tier that does not exist', async () => {
    const tier3 = await json(await center.request(`/api/screening/waves/${waveId}/results?tier=3`));
    expect(tier3.rows.map((row: { tier: number }) => row.tier)).toEqual([3, 3]);
    const none = await center.request(`/api/screening/waves/${waveId}/results?tier=4`);
    expect(none.status).toBe(400);
    expect((await json(none)).errors[0].field).toBe('tier');
  });

  it('shows center staff the item answers and scores', async () => {
    const table = await json(await center.request(`/api/screening/waves/${waveId}/results?tier=1`));
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0].summary.total).toBeGreaterThan(0);
    const one = await json(await center.request(`/api/screening/results/${table.rows[0].resultId}`));
    expect(one.answers).toHaveLength(9);
    expect(one.scores.item9).toBeGreaterThan(0);
  });

  it('shows class committee members and dorm liaisons nothing of screening', async () => {
    const student = alpha().colleges[0].studentIds[0]!;
    for (const username of ['committee1', 'liaison1']) {
      const session = await loginAs(t.app, 'alpha', username);
      for (const path of [
        '/api/screening/waves',
        `/api/screening/waves/${waveId}`,
        `/api/screening/waves/${waveId}/results`,
        `/api/screening/waves/${waveId}/tiers`,
        '/api/screening/follow-ups',
        `/api/screening/students/${student}/history`,
      ]) {
        expect((await session.request(path)).status, `${username} ${path}`).toBe(403);
      }
    }
  });

  it('audits every view, naming the student when one student is read', async () => {
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    const student = alpha().colleges[0].studentIds[0]!;
    await counsellor.request(`/api/screening/students/${student}/history`);
    await counsellor.request(`/api/screening/waves/${waveId}/tiers`);
    const rows = await withTenant(t.db, fullScope(), (tx) =>
      tx
        .select({ action: auditLog.action, studentId: auditLog.studentId })
        .from(auditLog)
        .where(
          and(eq(auditLog.actorPersonId, alpha().people.counsellor1!), like(auditLog.action, 'screening%')),
        ),
    );
    const actions = rows.map((r) => r.action);
    for (const action of [
      'screening_follow_ups.list',
      'screening_results.list',
      'screening_result.read',
      'screening_history.read',
      'screening_tiers.read',
    ]) {
      expect(actions).toContain(action);
    }
    expect(rows.find((r) => r.action === 'screening_history.read')?.studentId).toBe(student);
  });
});

describe('the interview KPI', () => {
  it('counts a tier-1 student as interviewed in time only from an interview entry dated by the due date', async () => {
    const [c1] = alpha().colleges;
    await withTenant(t.db, fullScope(), async (tx) => {
      const [followUp] = await tx.select().from(cases).where(eq(cases.studentId, c1.studentIds[0]!));
      await tx.insert(caseEntries).values([
        // A note is not an interview, whatever it says.
        {
          schoolId: alpha().id,
          caseId: followUp!.id,
          kind: 'note',
          body: '已约谈',
          createdAt: new Date('2025-03-03T03:00Z'),
        },
        {
          schoolId: alpha().id,
          caseId: followUp!.id,
          kind: 'interview',
          body: '一对一谈话',
          createdAt: new Date('2025-03-05T15:59Z'),
        },
      ]);
    });
    t.clock.advance(5 * 86_400_000); // 2025-03-08: past both due dates (2025-03-06)
    const director = await loginAs(t.app, 'alpha', 'director');
    const { colleges } = await json(await director.request(`/api/screening/waves/${waveId}/tiers`));
    const [first, second] = colleges;
    expect(first).toMatchObject({
      tier1: 1,
      tier3: 1,
      interviewedInTime: 1,
      overdue: 0,
      interviewedInTimeShare: 1,
    });
    expect(second).toMatchObject({ tier1: 1, interviewedInTime: 0, overdue: 1, interviewedInTimeShare: 0 });
    const overdue = await followUpsOf('staff', '?state=overdue');
    expect(overdue.map((f) => f.student.studentNumber)).toEqual([alpha().colleges[1].studentNumbers[1]]);
    const affairs = await loginAs(t.app, 'alpha', 'affairs');
    expect((await affairs.request(`/api/screening/waves/${waveId}/tiers`)).status).toBe(200);
    expect((await affairs.request(`/api/screening/waves/${waveId}/results`)).status).toBe(403);
  });

  it('shows a student’s waves in order with the trend per instrument', async () => {
    const [c1] = alpha().colleges;
    center = await loginAs(t.app, 'alpha', 'staff'); // the clock moved past the session's lifetime
    const later = await openWave(center, { name: '秋季复查', academicYear: 2025 });
    await importCsv(
      center,
      later,
      ['学号,答案', phq9Row(c1.studentNumbers[0]!, [0, 0, 0, 0, 0, 0, 0, 0, 0])].join('\n'),
    );
    const history = await json(await center.request(`/api/screening/students/${c1.studentIds[0]}/history`));
    expect(history.entries.map((e: { tier: number; trend: string | null }) => [e.tier, e.trend])).toEqual([
      [1, null],
      [3, 'better'],
    ]);
    expect(history.entries[0].followUp.interviewedOn).toBe('2025-03-05');
  });
});
