import { keyStudents } from '@xinqiao/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';
import { storeAlphaCase } from '../cases/testing.ts';
import { createScreeningTestApp, importCsv, openWave, phq9Row } from '../screening/testing.ts';
import { asWholeSchool } from './fixtures.test-helpers.ts';

let t: TestApp;
let counsellor1: TestSession;
const alpha = () => t.world.schools.alpha;

beforeAll(async () => {
  t = await createScreeningTestApp();
  const center = await loginAs(t.app, 'alpha', 'staff');
  const waveId = await openWave(center);
  const [c1] = alpha().colleges;
  await importCsv(
    center,
    waveId,
    [
      '学号,答案',
      phq9Row(c1.studentNumbers[0]!, [0, 0, 0, 0, 0, 0, 0, 0, 1]), // tier 1: a follow-up opens
      phq9Row(c1.studentNumbers[1]!, [2, 2, 2, 2, 2, 0, 0, 0, 0]), // tier 2
    ].join('\n'),
  );
  await storeAlphaCase(t, { studentId: c1.studentIds[1]!, kind: 'support', responsiblePersonId: null });
  await asWholeSchool(t, 'alpha', (tx) =>
    tx.insert(keyStudents).values({
      schoolId: alpha().id,
      studentId: c1.studentIds[2]!,
      source: 'manual',
      reason: '家庭变故',
    }),
  );
  counsellor1 = await loginAs(t.app, 'alpha', 'counsellor1');
});
afterAll(() => t.close());

async function numbers(who: TestSession, query: string) {
  const res = await who.request(`/api/students${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await json(res)).items.map((s: { studentNumber: string }) => s.studentNumber);
}

describe('GET /api/students: where a counsellor’s students stand', () => {
  it('filters by the latest tier, the key-student roster and open items', async () => {
    const [c1] = alpha().colleges;
    expect(await numbers(counsellor1, '?tier=1')).toEqual([c1.studentNumbers[0]]);
    expect(await numbers(counsellor1, '?tier=2')).toEqual([c1.studentNumbers[1]]);
    expect(await numbers(counsellor1, '?keyStudent=true')).toEqual([c1.studentNumbers[2]]);
    expect(await numbers(counsellor1, '?keyStudent=false')).toEqual([
      c1.studentNumbers[0],
      c1.studentNumbers[1],
    ]);
    expect(await numbers(counsellor1, '?openItems=true')).toEqual([
      c1.studentNumbers[0],
      c1.studentNumbers[1],
    ]);
    expect(await numbers(counsellor1, '?tier=1&openItems=true')).toEqual([c1.studentNumbers[0]]);
  });

  it('says on each row where the student stands; the tier only to those who read screening', async () => {
    const [c1] = alpha().colleges;
    const { items } = await json(await counsellor1.request('/api/students'));
    const byNumber = new Map(items.map((s: { studentNumber: string }) => [s.studentNumber, s]));
    expect(byNumber.get(c1.studentNumbers[0])).toMatchObject({
      attention: { tier: 1, keyStudent: false, openItems: 1 },
    });
    expect(byNumber.get(c1.studentNumbers[2])).toMatchObject({
      attention: { tier: null, keyStudent: true, openItems: 0 },
    });
    const teacher = await loginAs(t.app, 'alpha', 'teacher1');
    const theirs = await json(await teacher.request('/api/students'));
    expect(
      theirs.items.find((s: { studentNumber: string }) => s.studentNumber === c1.studentNumbers[0]).attention,
    ).toEqual({ tier: null, keyStudent: false, openItems: 1 });
  });

  it('refuses the filters to roles without them (403) and a tier that does not exist (400)', async () => {
    const teacher = await loginAs(t.app, 'alpha', 'teacher1');
    expect((await teacher.request('/api/students?tier=1')).status).toBe(403);
    const committee = await loginAs(t.app, 'alpha', 'committee1');
    expect((await committee.request('/api/students?keyStudent=true')).status).toBe(403);
    expect((await committee.request('/api/students?openItems=true')).status).toBe(403);
    const { items } = await json(await committee.request('/api/students'));
    expect(items.every((s: { attention?: unknown }) => s.attention === undefined)).toBe(true);
    const bad = await counsellor1.request('/api/students?tier=4');
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors[0].field).toBe('tier');
  });
});
