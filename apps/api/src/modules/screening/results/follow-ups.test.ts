import { caseEntries, cases } from '@xinqiao/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, loginAs, type TestApp, type TestSession } from '../../../testing/index.ts';
import { addAlphaAccount } from '../../cases/testing.ts';
import { asWholeSchool } from '../../students/fixtures.test-helpers.ts';
import { createScreeningTestApp, importCsv, openWave, phq9Row } from '../testing.ts';

// The test clock starts on 2025-03-03 (China); the import's follow-ups are due on 2025-03-06.
let t: TestApp;
let center: TestSession;
let waveId: string;

const alpha = () => t.world.schools.alpha;

interface FollowUp {
  caseId: string;
  student: { studentNumber: string };
  selfHarm: boolean;
  reasons: { ruleName: string; selfHarm?: boolean }[];
  pluginId: string;
  pluginVersion: string;
  responsible: { id: string } | null;
  interviewedOn: string | null;
}

async function page(who: TestSession, query = '') {
  const res = await who.request(`/api/screening/follow-ups${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await json(res)) as { followUps: FollowUp[]; total: number; page: number; pageSize: number };
}
const numbers = (list: { followUps: FollowUp[] }) => list.followUps.map((f) => f.student.studentNumber);

beforeAll(async () => {
  t = await createScreeningTestApp();
  center = await loginAs(t.app, 'alpha', 'staff');
  waveId = await openWave(center);
  const [c1, c2] = alpha().colleges;
  await importCsv(
    center,
    waveId,
    [
      '学号,答案',
      phq9Row(c1.studentNumbers[0]!, [3, 3, 3, 3, 3, 0, 0, 0, 0]), // tier 1
      phq9Row(c1.studentNumbers[1]!, [0, 0, 0, 0, 0, 0, 0, 0, 1]), // tier 1, self-harm
      phq9Row(c2.studentNumbers[0]!, [3, 3, 3, 3, 3, 0, 0, 0, 0]), // tier 1, college 2
    ].join('\n'),
  );
  // College 2's follow-up waits unassigned, as if its counsellor had left.
  await asWholeSchool(t, 'alpha', (tx) =>
    tx.update(cases).set({ responsiblePersonId: null }).where(eq(cases.studentId, c2.studentIds[0]!)),
  );
});
afterAll(() => t.close());

describe('GET /api/screening/follow-ups', () => {
  it('lists the self-harm finding first, with its reasons and the plugin version that decided', async () => {
    const [c1, c2] = alpha().colleges;
    const list = await page(center);
    expect(numbers(list)).toEqual([c1.studentNumbers[1], c1.studentNumbers[0], c2.studentNumbers[0]]);
    expect(list.followUps[0]).toMatchObject({
      selfHarm: true,
      reasons: [{ ruleName: 'phq9-item-9-above-0', selfHarm: true }],
      pluginId: 'alpha',
      pluginVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/),
    });
    expect(list.followUps[1]!.selfHarm).toBe(false);
  });

  it('pages and filters by college, class, responsible person and the unassigned queue', async () => {
    const [c1, c2] = alpha().colleges;
    const first = await page(center, '?pageSize=2');
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.followUps).toHaveLength(2);
    expect(await page(center, '?pageSize=2&page=2')).toMatchObject({ total: 3, page: 2 });
    expect(numbers(await page(center, '?pageSize=2&page=2'))).toEqual([c2.studentNumbers[0]]);
    // A page past the end has no row to count on: the total still comes back.
    expect(await page(center, '?pageSize=2&page=5')).toMatchObject({ followUps: [], total: 3, page: 5 });
    expect(numbers(await page(center, `?collegeId=${c2.id}`))).toEqual([c2.studentNumbers[0]]);
    expect((await page(center, `?classId=${c1.classId}`)).total).toBe(2);
    expect(numbers(await page(center, '?responsible=none'))).toEqual([c2.studentNumbers[0]]);
    expect((await page(center, `?responsiblePersonId=${alpha().people.counsellor1}`)).total).toBe(2);
    expect((await page(center, `?waveId=${waveId}`)).total).toBe(3);
    expect((await page(center, `?waveId=${crypto.randomUUID()}`)).total).toBe(0);
    const counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
    expect((await page(counsellor, '?responsible=me')).total).toBe(2);
    const bad = await center.request('/api/screening/follow-ups?responsible=someone&pageSize=0');
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'pageSize',
      'responsible',
    ]);
  });

  it('assigns a follow-up through its own path as through the case’s', async () => {
    const [, c2] = alpha().colleges;
    const waiting = (await page(center, '?responsible=none')).followUps[0]!;
    const res = await center.request(`/api/screening/follow-ups/${waiting.caseId}/assign`, {
      method: 'POST',
      body: { assigneeId: alpha().people.counsellor2, reason: '学院辅导员' },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      id: waiting.caseId,
      responsiblePerson: { id: alpha().people.counsellor2 },
    });
    expect((await page(center, '?responsible=none')).total).toBe(0);
    // The station head of college 1 reaches no student of college 2: not found, nothing changed.
    const station = await loginAs(t.app, 'alpha', 'station1');
    const second = await addAlphaAccount(t, 'counsellor1b', 'counsellor', alpha().colleges[0].id);
    const refused = await station.request(`/api/screening/follow-ups/${waiting.caseId}/assign`, {
      method: 'POST',
      body: { assigneeId: second, reason: '试试' },
    });
    expect(refused.status).toBe(404);
    expect(numbers(await page(center, `?responsiblePersonId=${alpha().people.counsellor2}`))).toEqual([
      c2.studentNumbers[0],
    ]);
  });
});

describe('the interview KPI counts when a talk took place, not when it was typed', () => {
  it('counts a talk held by the due date and typed after it in time, and one held after it late', async () => {
    const [c1] = alpha().colleges;
    const caseOf = async (studentId: string) =>
      (
        await asWholeSchool(t, 'alpha', (tx) => tx.select().from(cases).where(eq(cases.studentId, studentId)))
      )[0]!;
    const heldInTime = await caseOf(c1.studentIds[0]!);
    const heldLate = await caseOf(c1.studentIds[1]!);
    await asWholeSchool(t, 'alpha', (tx) =>
      tx.insert(caseEntries).values([
        // Held on day 3 (2025-03-05), typed on day 4 after the due date: in time.
        {
          schoolId: alpha().id,
          caseId: heldInTime.id,
          kind: 'interview',
          body: '',
          occurredAt: new Date('2025-03-05T02:00:00Z'),
          createdAt: new Date('2025-03-07T02:00:00Z'),
        },
        // Typed by the due date but held after it: late.
        {
          schoolId: alpha().id,
          caseId: heldLate.id,
          kind: 'interview',
          body: '',
          occurredAt: new Date('2025-03-07T02:00:00Z'),
          createdAt: new Date('2025-03-05T02:00:00Z'),
        },
      ]),
    );
    const director = await loginAs(t.app, 'alpha', 'director');
    const { colleges } = await json(await director.request(`/api/screening/waves/${waveId}/tiers`));
    expect(colleges.find((c: { collegeId: string }) => c.collegeId === c1.id)).toMatchObject({
      tier1: 2,
      interviewedInTime: 1,
      interviewedLate: 1,
    });
    const interviewed = await page(center, '?state=interviewed');
    expect(interviewed.followUps.map((f) => [f.student.studentNumber, f.interviewedOn]).sort()).toEqual([
      [c1.studentNumbers[0], '2025-03-05'],
      [c1.studentNumbers[1], '2025-03-07'],
    ]);
    // Not talked to yet: the third follow-up only, counted alone on a page past the end too.
    expect((await page(center, '?state=open')).total).toBe(1);
    expect(await page(center, '?state=open&page=3')).toMatchObject({ followUps: [], total: 1 });
  });
});
