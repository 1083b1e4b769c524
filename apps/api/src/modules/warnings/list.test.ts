import { chinaToday } from '@xinqiao/calendar';
import { students, warnings } from '@xinqiao/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/index.ts';
import { testPluginCatalog } from '../../testing/plugins.ts';
import { asWholeSchool } from '../students/fixtures.test-helpers.ts';

// GET /api/warnings in pages: a counsellor's own students' warnings, the center's all of them; the pages do not
// overlap, keep the urgency order, and the total is right on every page (past the end too). The export is unpaged.
let t: TestApp;
let counsellor: TestSession;
let director: TestSession;

const MODULES = ['academic', 'psychological-crisis', 'spending', 'lost-contact'] as const;

beforeAll(async () => {
  const { plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } });
  t = await createTestApp({ plugins });
  const alpha = t.world.schools.alpha;
  // Every student of both colleges gets an open warning in each module: 12 per college. Due dates repeat, so the
  // order must break ties itself for pages not to overlap.
  await asWholeSchool(t, 'alpha', (tx) =>
    tx.insert(warnings).values(
      alpha.colleges.flatMap((college) =>
        college.studentIds.flatMap((studentId, n) =>
          MODULES.map((module, m) => ({
            schoolId: alpha.id,
            studentId,
            placementPath: sql`(SELECT placement_path FROM students WHERE id = ${studentId}::uuid)`,
            module,
            level: m % 2 === 0 ? ('red' as const) : ('yellow' as const),
            reasons: [],
            actions: [],
            deadlineWorkingDays: 3,
            dueOn: `2025-03-0${3 + ((n + m) % 3)}`,
            urgent: module === 'lost-contact' && n === 0,
            pluginId: 'hrbmu',
            pluginVersion: '1.0.0',
          })),
        ),
      ),
    ),
  );
  [counsellor, director] = await Promise.all([
    loginAs(t.app, 'alpha', 'counsellor1'),
    loginAs(t.app, 'alpha', 'director'),
  ]);
});
afterAll(() => t?.close());

interface WarningPage {
  items: {
    id: string;
    urgent: boolean;
    level: string;
    dueOn: string;
    hasPlan: boolean;
    student: { id: string };
  }[];
  total: number;
  page: number;
  pageSize: number;
}

async function pageOf(session: TestSession, query: string): Promise<WarningPage> {
  const res = await session.request(`/api/warnings?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as WarningPage;
}

describe('GET /api/warnings', () => {
  it('gives a counsellor their own students’ warnings five at a time, each once, most urgent first', async () => {
    const pages = await Promise.all([1, 2, 3].map((p) => pageOf(counsellor, `pageSize=5&page=${p}`)));
    expect(pages.map((p) => [p.items.length, p.total, p.page, p.pageSize])).toEqual([
      [5, 12, 1, 5],
      [5, 12, 2, 5],
      [2, 12, 3, 5],
    ]);
    const listed = pages.flatMap((p) => p.items);
    expect(new Set(listed.map((w) => w.id)).size).toBe(12);
    const own = new Set(t.world.schools.alpha.colleges[0].studentIds);
    expect(listed.every((w) => own.has(w.student.id))).toBe(true);
    expect(listed[0]).toMatchObject({ urgent: true });
    const key = (w: WarningPage['items'][number]) =>
      `${w.urgent ? 0 : 1}${w.level === 'red' ? 0 : 1}${w.dueOn}`;
    expect(listed.map(key)).toEqual(listed.map(key).sort());
  });

  it('counts alone on a page past the end', async () => {
    expect(await pageOf(counsellor, 'pageSize=5&page=4')).toMatchObject({ items: [], total: 12, page: 4 });
  });

  it('gives the center every student’s warnings, filtered and paged', async () => {
    expect((await pageOf(director, 'pageSize=50')).total).toBe(24);
    const red = await pageOf(director, 'pageSize=5&level=red');
    expect(red.total).toBe(12);
    expect(red.items.every((w) => w.level === 'red')).toBe(true);
  });

  it('names the field of a page size over the limit', async () => {
    const res = await counsellor.request('/api/warnings?pageSize=201');
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('pageSize');
  });

  it('marks the warning whose improvement plan is written, and only it, on the page and in the export', async () => {
    const before = await pageOf(counsellor, 'pageSize=50&module=academic');
    expect(before.items.some((w) => w.hasPlan)).toBe(false);
    const planned = before.items[1]!;
    const res = await counsellor.request(`/api/warnings/${planned.id}/plan`, {
      method: 'PUT',
      body: {
        goals: '补考通过',
        actions: '每周辅导两次',
        matchKind: 'peer',
        matchName: '王同学',
        reviewOn: '2025-04-01',
      },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const after = await pageOf(counsellor, 'pageSize=50&module=academic');
    expect(after.items.filter((w) => w.hasPlan).map((w) => w.id)).toEqual([planned.id]);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      await (await director.request('/api/warnings/export.xlsx?module=academic')).arrayBuffer(),
    );
    const cells = book
      .getWorksheet('预警')!
      .getSheetValues()
      .flat()
      .filter((v) => v === '已制定');
    expect(cells).toHaveLength(1);
  });

  it('exports every match, unpaged (a page size is not its business)', async () => {
    const res = await director.request('/api/warnings/export.xlsx?pageSize=5');
    expect(res.status).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.getWorksheet('预警')!.rowCount).toBe(1 + 24);
  });
});

describe('a student who moves', () => {
  it('takes their warnings along: the new college’s counsellor lists them, the old one no longer does', async () => {
    const [first, second] = t.world.schools.alpha.colleges;
    const mover = first.studentIds[0]!;
    const counsellor2 = await loginAs(t.app, 'alpha', 'counsellor2');
    const before = [
      (await pageOf(counsellor, 'pageSize=50')).total,
      (await pageOf(counsellor2, 'pageSize=50')).total,
    ];
    await asWholeSchool(t, 'alpha', (tx) =>
      tx
        .update(students)
        .set({ collegeUnitId: second.id, classUnitId: second.classId, dormUnitId: null })
        .where(eq(students.id, mover)),
    );
    const after = await pageOf(counsellor2, 'pageSize=50');
    expect([(await pageOf(counsellor, 'pageSize=50')).total, after.total]).toEqual([
      before[0]! - MODULES.length,
      before[1]! + MODULES.length,
    ]);
    expect(after.items.filter((w) => w.student.id === mover)).toHaveLength(MODULES.length);
  });
});

describe('My work’s warnings', () => {
  it('lists the earliest due first and counts every warning to handle and the overdue ones, on a short page too', async () => {
    // A day on, the warnings due on the first day are overdue and the others not yet (sessions idle out: sign in).
    t.clock.advance(24 * 3_600_000);
    const session = await loginAs(t.app, 'alpha', 'counsellor1');
    const all = (await pageOf(session, 'pageSize=50&status=open')).items;
    const today = chinaToday(t.clock());
    const overdue = all.filter((w) => w.dueOn < today).length;
    expect([overdue > 0, overdue < all.length]).toEqual([true, true]);
    const res = await session.request('/api/me/work?kind=warning&limit=5');
    expect(res.status).toBe(200);
    const work = (await res.json()) as {
      items: { kind: string; dueOn: string | null }[];
      counts: { kind: string; count: number; overdue: number }[];
    };
    expect(work.counts.find((c) => c.kind === 'warning')).toMatchObject({ count: all.length, overdue });
    expect(work.items.map((i) => i.dueOn)).toEqual(
      all
        .map((w) => w.dueOn)
        .sort()
        .slice(0, 5),
    );
  });
});
