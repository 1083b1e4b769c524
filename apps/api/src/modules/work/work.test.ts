import { auditLog, caseEntries, cases } from '@xinqiao/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';
import { addAlphaAccount, storeAlphaCase } from '../cases/testing.ts';
import { createScreeningTestApp, importCsv, openWave, phq9Row } from '../screening/testing.ts';
import { asWholeSchool } from '../students/fixtures.test-helpers.ts';

// The test clock starts on 2025-03-03 (China): the import's follow-ups are due three working days later, 2025-03-06.
let t: TestApp;
let counsellor1: TestSession;
let station1: TestSession;
let unassigned: string;

const alpha = () => t.world.schools.alpha;
const person = (username: string) => alpha().people[username]!;

interface Item {
  kind: string;
  id: string;
  student: { studentNumber: string; name: string; className: string } | null;
  selfHarm: boolean;
  overdue: boolean;
  isNew: boolean;
  dueOn: string | null;
  reasons: { ruleName: string; selfHarm?: boolean }[];
  decision: { pluginId: string; pluginVersion: string } | null;
  link: string;
}

async function workOf(who: TestSession) {
  const res = await who.request('/api/me/work');
  expect(res.status).toBe(200);
  return (await json(res)) as {
    items: Item[];
    total: number;
    counts: { kind: string; count: number; overdue: number; selfHarm: number }[];
    modules: { path: string; count: number }[];
  };
}
const countOf = (work: Awaited<ReturnType<typeof workOf>>, kind: string) =>
  work.counts.find((c) => c.kind === kind)!;

beforeAll(async () => {
  t = await createScreeningTestApp();
  const center = await loginAs(t.app, 'alpha', 'staff');
  const waveId = await openWave(center);
  const [c1, c2] = alpha().colleges;
  const done = await importCsv(
    center,
    waveId,
    [
      '学号,答案',
      phq9Row(c1.studentNumbers[1]!, [3, 3, 3, 3, 3, 0, 0, 0, 0]), // total 15: tier 1
      phq9Row(c1.studentNumbers[0]!, [0, 0, 0, 0, 0, 0, 0, 0, 1]), // item 9 > 0: tier 1, self-harm
      phq9Row(c2.studentNumbers[1]!, [0, 0, 0, 0, 0, 0, 0, 0, 2]), // another college's counsellor
    ].join('\n'),
  );
  expect(done).toMatchObject({ status: 'done', followUpsOpened: 3 });
  // A follow-up nobody took, due before the import's: the station head's to assign.
  unassigned = await storeAlphaCase(t, { studentId: c1.studentIds[2]!, dueDate: '2025-03-05' });
  [counsellor1, station1] = await Promise.all([
    loginAs(t.app, 'alpha', 'counsellor1'),
    loginAs(t.app, 'alpha', 'station1'),
  ]);
});
afterAll(() => t.close());

describe('GET /api/me/work', () => {
  it("lists a counsellor's new follow-ups, the self-harm one first, each with its reasons and where to handle it", async () => {
    const work = await workOf(counsellor1);
    const [c1] = alpha().colleges;
    expect(work.items.map((i) => [i.kind, i.student?.studentNumber, i.selfHarm])).toEqual([
      ['follow_up', c1.studentNumbers[0], true],
      ['follow_up', c1.studentNumbers[1], false],
    ]);
    const [first] = work.items;
    expect(first).toMatchObject({
      dueOn: '2025-03-06',
      overdue: false,
      isNew: true,
      student: { name: '学生11', className: '第1学院2024级1班' },
      reasons: [{ ruleName: 'phq9-item-9-above-0', selfHarm: true }],
      decision: { pluginId: 'alpha', pluginVersion: expect.any(String) },
    });
    const followUp = await asWholeSchool(t, 'alpha', (tx) =>
      tx.select({ id: cases.id }).from(cases).where(eq(cases.studentId, c1.studentIds[0]!)),
    );
    expect(first!.link).toBe(`/college-station/cases/${followUp[0]!.id}`);
    expect(countOf(work, 'follow_up')).toEqual({ kind: 'follow_up', count: 2, overdue: 0, selfHarm: 1 });
    expect(countOf(work, 'unassigned').count).toBe(0);
    expect(work.modules).toEqual([{ path: '/college-station', count: 2, overdue: 0, selfHarm: 1 }]);
  });

  it("gives the station head the college's unassigned cases to assign, not the other college's", async () => {
    const work = await workOf(station1);
    expect(work.items.map((i) => [i.kind, i.id])).toEqual([['unassigned', unassigned]]);
    expect(work.items[0]!.link).toBe(`/college-station/cases/${unassigned}`);
  });

  it('answers every role, an empty list where there is no such work, and audits the read', async () => {
    for (const username of ['committee1', 'liaison1', 'affairs', 'alliance']) {
      const work = await workOf(await loginAs(t.app, 'alpha', username));
      expect(work.items, username).toEqual([]);
      expect(work.total).toBe(0);
    }
    const rows = await asWholeSchool(t, 'alpha', (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'work.list'), eq(auditLog.actorPersonId, person('counsellor1')))),
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it('puts what is overdue before what is not, and the self-harm finding before both', async () => {
    t.clock.advance(4 * 86_400_000); // 2025-03-07: both follow-ups past due
    counsellor1 = await loginAs(t.app, 'alpha', 'counsellor1');
    const [c1] = alpha().colleges;
    const notYet = await storeAlphaCase(t, {
      studentId: c1.studentIds[2]!,
      kind: 'support',
      title: '学业帮扶',
      responsiblePersonId: person('counsellor1'),
      dueDate: '2099-01-01',
    });
    const work = await workOf(counsellor1);
    expect(work.items.map((i) => [i.student?.studentNumber, i.selfHarm, i.overdue])).toEqual([
      [c1.studentNumbers[0], true, true],
      [c1.studentNumbers[1], false, true],
      [c1.studentNumbers[2], false, false],
    ]);
    expect(work.items[2]).toMatchObject({ id: notYet, kind: 'case', reasons: [], decision: null });
    expect(countOf(work, 'follow_up')).toMatchObject({ count: 2, overdue: 2, selfHarm: 1 });
    const counts = await json(await counsellor1.request('/api/me/work/counts'));
    expect(counts).toMatchObject({ total: 3, modules: [{ path: '/college-station', count: 3 }] });
    expect(counts.items).toBeUndefined();
  });

  it('pages the list and narrows it to one kind, keeping the counts over everything', async () => {
    const all = (await workOf(counsellor1)).items.map((i) => i.id);
    expect(all).toHaveLength(3);
    const second = await json(await counsellor1.request('/api/me/work?limit=1&offset=1'));
    expect(second.items.map((i: Item) => i.id)).toEqual([all[1]]);
    expect(second.total).toBe(3);
    const cases = await json(await counsellor1.request('/api/me/work?kind=case'));
    expect(cases.items.map((i: Item) => i.kind)).toEqual(['case']);
    expect(cases.total).toBe(3);
    expect(cases.counts.find((c: { kind: string }) => c.kind === 'follow_up').count).toBe(2);
    const bad = await counsellor1.request('/api/me/work?kind=homework');
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors.map((e: { field: string }) => e.field)).toEqual(['kind']);
  });

  it('moves a follow-up talked to out of the follow-ups, into the open cases', async () => {
    const [c1] = alpha().colleges;
    const [followUp] = await asWholeSchool(t, 'alpha', (tx) =>
      tx.select().from(cases).where(eq(cases.studentId, c1.studentIds[1]!)),
    );
    await asWholeSchool(t, 'alpha', (tx) =>
      tx.insert(caseEntries).values({
        schoolId: alpha().id,
        caseId: followUp!.id,
        kind: 'interview',
        body: '',
        occurredAt: new Date('2025-03-05T02:00:00Z'),
      }),
    );
    const work = await workOf(counsellor1);
    expect(work.items.find((i) => i.id === followUp!.id)?.kind).toBe('case');
    expect(countOf(work, 'follow_up').count).toBe(1);
  });

  it('shows an assigned follow-up in the work of the counsellor it went to, and no longer to the station', async () => {
    const second = await addAlphaAccount(t, 'counsellor1b', 'counsellor', alpha().colleges[0].id);
    station1 = await loginAs(t.app, 'alpha', 'station1');
    const res = await station1.request(`/api/cases/${unassigned}/assign`, {
      method: 'POST',
      body: { assigneeId: second, reason: '按班级分工' },
    });
    expect(res.status).toBe(200);
    const theirs = await workOf(await loginAs(t.app, 'alpha', 'counsellor1b'));
    expect(theirs.items.map((i) => [i.kind, i.id, i.overdue])).toEqual([['follow_up', unassigned, true]]);
    expect((await workOf(station1)).items).toEqual([]);
  });

  it('pages a long list from the top of each kind: each item once, in the order of the whole list', async () => {
    const [c1] = alpha().colleges;
    // Three due the same day: the order between them is by id, in SQL's cut as in the whole list.
    const dates = ['2025-03-04', '2025-03-09', '2025-03-09', '2025-03-09', '2099-01-01', '2025-03-06'];
    for (const [n, dueDate] of dates.entries()) {
      await storeAlphaCase(t, {
        studentId: c1.studentIds[n % 3]!,
        kind: 'support',
        title: `学业帮扶 ${n}`,
        responsiblePersonId: person('counsellor1'),
        dueDate,
      });
    }
    const whole = await workOf(counsellor1);
    expect(whole.items).toHaveLength(whole.total);
    expect(whole.total).toBeGreaterThanOrEqual(8);
    const paged: string[] = [];
    for (let offset = 0; offset < whole.total; offset += 2) {
      const page = await json(await counsellor1.request(`/api/me/work?limit=2&offset=${offset}`));
      expect(page.total).toBe(whole.total);
      paged.push(...page.items.map((i: Item) => i.id));
    }
    expect(paged).toEqual(whole.items.map((i) => i.id));
    const someCases = await json(await counsellor1.request('/api/me/work?kind=case&limit=3&offset=2'));
    expect(someCases.items.map((i: Item) => i.id)).toEqual(
      whole.items
        .filter((i) => i.kind === 'case')
        .slice(2, 5)
        .map((i) => i.id),
    );
    expect(countOf(whole, 'case')).toMatchObject({
      count: whole.items.filter((i) => i.kind === 'case').length,
    });
  });
});
