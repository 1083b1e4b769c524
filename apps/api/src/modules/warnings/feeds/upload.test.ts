import { manySharedStrings } from '@xinqiao/tabular/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, loginAs, type TestApp, type TestSession } from '../../../testing/index.ts';
import { testPluginCatalog } from '../../../testing/plugins.ts';

// alpha runs hrbmu's policy, which has the early-warning area a feed import needs.
let t: TestApp;
let admin: TestSession;
let otherSchool: TestSession;
beforeAll(async () => {
  const { plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } });
  t = await createTestApp({ plugins });
  [admin, otherSchool] = await Promise.all([
    loginAs(t.app, 'alpha', 'admin'),
    loginAs(t.app, 'beta', 'counsellor1'),
  ]);
}, 60_000);
afterAll(() => t?.close());

const upload = (file: File) => {
  const form = new FormData();
  form.set('file', file);
  return admin.request('/api/warnings/feeds/grades/import', {
    method: 'POST',
    body: form,
    headers: { origin: 'http://localhost' },
  });
};

const gradesCsv = (rows: string[]) =>
  new File([['学号,学期,课程代码,课程名称,学分,成绩', ...rows].join('\n')], '成绩.csv', { type: 'text/csv' });

describe('POST /api/warnings/feeds/{feed}/import', () => {
  it('stores a grades file once: the same file again writes nothing', async () => {
    const number = t.world.schools.alpha.colleges[0].studentNumbers[0]!;
    const file = gradesCsv([
      `${number},2024-2025-1,M101,高等数学,4,58`,
      `${number},2024-2025-1,E101,大学英语,3,81`,
    ]);
    const first = await upload(file);
    expect(first.status, await first.clone().text()).toBe(200);
    expect(await json(first)).toMatchObject({
      feed: 'grades',
      rowsTotal: 2,
      rowsWritten: 2,
      rowsUnchanged: 0,
    });
    const again = await upload(file);
    expect(await json(again)).toMatchObject({ rowsTotal: 2, rowsWritten: 0, rowsUnchanged: 2 });
  });

  it('refuses a file with a bad row, naming its row and column, and stores none of it', async () => {
    const number = t.world.schools.alpha.colleges[0].studentNumbers[1]!;
    const res = await upload(
      gradesCsv([`${number},2024-2025-1,P101,大学物理,4,77`, `${number},2024秋,C101,化学,3,90`]),
    );
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.errors).toEqual([expect.objectContaining({ row: 3, column: '学期' })]);
    const retry = await upload(gradesCsv([`${number},2024-2025-1,P101,大学物理,4,77`]));
    expect(await json(retry)).toMatchObject({ rowsWritten: 1 });
  });

  it('reads the file before the request’s transaction opens, leaving the database free for another school', async () => {
    if (process.env.XINQIAO_TEST_DATABASE_URL) return; // a pool of connections hides a held one; PGlite has one
    // ~31 MiB of shared strings: within the reader's limits, and a second or so to read.
    const slow = new File([await manySharedStrings(110_000, 280)], 'grades.xlsx');
    const started = performance.now();
    const importing = upload(slow).then((res) => ({ status: res.status, ms: performance.now() - started }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const meStarted = performance.now();
    const me = await otherSchool.request('/api/auth/me');
    const meMs = performance.now() - meStarted;
    const imported = await importing;
    expect(me.status).toBe(200);
    expect(imported.status).toBe(400); // not a grades sheet: its columns are missing
    expect(imported.ms).toBeGreaterThan(400);
    expect(meMs).toBeLessThan((imported.ms - 150) / 2);
  }, 60_000);
});
