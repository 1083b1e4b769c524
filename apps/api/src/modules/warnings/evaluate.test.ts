import { concernReports, crises, notifications, warnings } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { testPluginCatalog } from '../../testing/plugins.ts';
import type { PluginCatalog } from '../plugins/catalog.ts';
import { asWholeSchool } from '../students/fixtures.test-helpers.ts';
import { runSchoolEvaluation } from './job.ts';
import { storeTestFeed, testJobContext } from './testing.ts';

// The test clock: Monday 2025-03-03, 16:00 China time. alpha has hrbmu's policy: GPA line 2.0, red card at three
// failed courses, spending −50% over 14 days against 56, floor 8 yuan a day, lost contact at 3 days (a crisis).
let t: TestApp;
let plugins: PluginCatalog;
const DAY = 86_400_000;

beforeAll(async () => {
  ({ plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } }));
  t = await createTestApp({ plugins });
});
afterAll(() => t?.close());

const numberOf = (college: 0 | 1, n: number) => t.world.schools.alpha.colleges[college].studentNumbers[n]!;
const idOf = (college: 0 | 1, n: number) => t.world.schools.alpha.colleges[college].studentIds[n]!;
const everyone = () => [0, 1].flatMap((c) => [0, 1, 2].map((n) => [c as 0 | 1, n] as const));
const at = (daysAgo: number, hour = 12) =>
  new Date(t.clock().getTime() - daysAgo * DAY + (hour - 16) * 3_600_000).toISOString();

const course = (code: string, score: number, term = '2024-2025-1', resit = false) => ({
  code,
  score,
  term,
  resit,
});
const gradeRows = (college: 0 | 1, n: number, courses: ReturnType<typeof course>[]) =>
  courses.map((c) => ({
    studentNumber: numberOf(college, n),
    term: c.term,
    courseCode: c.code,
    courseName: `课程 ${c.code}`,
    credit: 3,
    score: c.score,
    resit: c.resit,
  }));

const evaluate = () => runSchoolEvaluation(testJobContext(t, plugins), t.world.schools.alpha.id);
const openWarnings = () =>
  asWholeSchool(t, 'alpha', (tx) => tx.select().from(warnings).where(eq(warnings.status, 'open')));

describe('evaluating warnings from the feeds', () => {
  it('raises academic, spending and lost-contact warnings with reasons, values and deadlines', async () => {
    const grades = everyone().flatMap(([c, n]) =>
      c === 0 && n === 0
        ? gradeRows(c, n, [course('A1', 50), course('A2', 55), course('A3', 58)])
        : gradeRows(c, n, [course('A1', 85), course('A2', 88), course('A3', 90)]),
    );
    expect((await storeTestFeed(t, plugins, 'alpha', 'grades', grades)).rowsWritten).toBe(18);
    const card = everyone().flatMap(([c, n]) =>
      Array.from({ length: 70 }, (_, day) => day).flatMap((day) => {
        if (c === 0 && n === 2 && day < 5) return [];
        const amount = c === 0 && n === 1 && day < 14 ? 3 : 30;
        return [
          {
            studentNumber: numberOf(c, n),
            occurredAt: at(day),
            ref: `T${c}${n}${day}`,
            amount,
            place: 'canteen',
          },
        ];
      }),
    );
    await storeTestFeed(t, plugins, 'alpha', 'card', card);
    const doors = everyone()
      .filter(([c, n]) => !(c === 0 && n === 2))
      .map(([c, n]) => ({ studentNumber: numberOf(c, n), occurredAt: at(1), source: 'door' }));
    await storeTestFeed(t, plugins, 'alpha', 'activity', [
      ...doors,
      { studentNumber: numberOf(0, 2), occurredAt: at(5), source: 'library' },
    ]);

    const outcome = await evaluate();
    expect(outcome?.students).toBe(6);
    const open = await openWarnings();
    const of = (college: 0 | 1, n: number) => open.filter((w) => w.studentId === idOf(college, n));
    expect(of(0, 0)).toEqual([
      expect.objectContaining({
        module: 'academic',
        level: 'red',
        dueOn: '2025-03-06',
        term: '2024-2025-1',
        reasons: [
          expect.objectContaining({ ruleName: 'failed-courses-red-card', values: { failedCoursesTotal: 3 } }),
        ],
      }),
    ]);
    expect(of(0, 1)).toEqual([
      expect.objectContaining({
        module: 'spending',
        level: 'yellow',
        reasons: [
          expect.objectContaining({ ruleName: 'spending-dropped', values: { spendingChangePercent: -90 } }),
          expect.objectContaining({ ruleName: 'spending-below-floor', values: { dailySpending: 3 } }),
        ],
      }),
    ]);
    expect(of(0, 2)).toEqual([
      expect.objectContaining({ module: 'lost-contact', level: 'red', urgent: true, dueOn: '2025-03-03' }),
    ]);
    for (const [c, n] of [
      [1, 0],
      [1, 1],
      [1, 2],
    ] as const)
      expect(of(c, n)).toEqual([]);
  });

  it('tells the counsellor at once, and opens a crisis for lost contact as the plugin says', async () => {
    const counsellor = t.world.schools.alpha.people.counsellor1!;
    const told = await withTenant(
      t.db,
      tenantScope({
        schoolId: t.world.schools.alpha.id,
        personId: counsellor,
        fullScopePaths: [],
        reducedScopePaths: [],
      }),
      (tx) =>
        tx
          .select({ kind: notifications.kind, params: notifications.params })
          .from(notifications)
          .where(eq(notifications.recipientId, counsellor)),
    );
    expect(told).toEqual(
      expect.arrayContaining([
        { kind: 'warnings.raised', params: { count: 2, dueOn: '2025-03-06' } },
        { kind: 'warnings.lost-contact', params: { count: 1 } },
      ]),
    );
    const [lost] = (await openWarnings()).filter((w) => w.module === 'lost-contact');
    expect(lost?.crisisId).toBeTruthy();
    // Crises are read by those who run them; the escalation sweep's capability reads them all.
    const [crisis] = await withTenant(
      t.db,
      tenantScope({
        schoolId: t.world.schools.alpha.id,
        personId: null,
        fullScopePaths: ['/'],
        reducedScopePaths: [],
        capabilities: ['crises.escalate'],
      }),
      (tx) => tx.select().from(crises).where(eq(crises.id, lost!.crisisId!)),
    );
    expect(crisis).toMatchObject({ studentId: idOf(0, 2), level: 'general', openedBy: counsellor });
  });

  it('updates rather than duplicates on a second run, and changes nothing when nothing changed', async () => {
    const before = await openWarnings();
    const outcome = await evaluate();
    expect(outcome).toMatchObject({ opened: [], updated: 0, cleared: 0 });
    expect(await openWarnings()).toEqual(before);
  });

  it('clears a warning when its signal clears and raises another when a new term fails', async () => {
    await storeTestFeed(t, plugins, 'alpha', 'grades', [
      ...gradeRows(0, 0, [
        course('A1', 70, '2024-2025-1', true),
        course('A2', 75, '2024-2025-1', true),
        course('A3', 80, '2024-2025-1', true),
      ]),
      ...gradeRows(0, 0, [course('B1', 88, '2024-2025-2'), course('B2', 90, '2024-2025-2')]),
      ...gradeRows(1, 0, [
        course('B1', 40, '2024-2025-2'),
        course('B2', 45, '2024-2025-2'),
        course('B3', 50, '2024-2025-2'),
      ]),
    ]);
    const outcome = await evaluate();
    expect(outcome?.cleared).toBe(1);
    const all = await asWholeSchool(t, 'alpha', (tx) =>
      tx.select().from(warnings).where(eq(warnings.module, 'academic')),
    );
    expect(all.find((w) => w.studentId === idOf(0, 0))).toMatchObject({
      status: 'cleared',
      clearedTerm: '2024-2025-2',
    });
    expect(all.find((w) => w.studentId === idOf(1, 0))).toMatchObject({
      status: 'open',
      level: 'red',
      term: '2024-2025-2',
    });
  });

  it('raises a psychological-crisis warning for crisis signs the network reported, and not for a report closed as unfounded', async () => {
    const reporter = t.world.schools.alpha.people.committee1!;
    const report = (studentId: string, closed: boolean) => ({
      schoolId: t.world.schools.alpha.id,
      studentId,
      reporterId: reporter,
      signs: ['talks-of-suicide'],
      urgency: 'urgent' as const,
      selfHarm: true,
      dueAt: new Date(t.clock().getTime() + DAY),
      createdAt: new Date(t.clock().getTime() - DAY),
      pluginId: 'hrbmu',
      pluginVersion: 'test',
      ...(closed ? { status: 'closed' as const, outcome: 'closed' as const, closeReason: '核实无此事' } : {}),
    });
    // Filed by the class committee member (RLS: a report is written by its reporter).
    const asReporter = tenantScope({
      schoolId: t.world.schools.alpha.id,
      personId: reporter,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
    });
    await withTenant(t.db, asReporter, (tx) =>
      tx.insert(concernReports).values([report(idOf(1, 1), false), report(idOf(1, 2), true)]),
    );
    await evaluate();
    const crisis = (await openWarnings()).filter((w) => w.module === 'psychological-crisis');
    expect(crisis).toEqual([
      expect.objectContaining({
        studentId: idOf(1, 1),
        level: 'red',
        dueOn: '2025-03-04',
        reasons: [expect.objectContaining({ ruleName: 'crisis-signs-reported' })],
      }),
    ]);
  });
});
