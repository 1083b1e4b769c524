import { cases, screeningResults } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../../auth/scope.ts';
import type { Me } from '../../../auth/session-types.ts';
import { json, loginAs, type TestApp, type TestSession, testPluginCatalog } from '../../../testing/index.ts';
import { createScreeningTestApp, importCsv, openWave, phq9Row } from '../testing.ts';
import { createImportRecord, type ImportActor, runImport } from './run.ts';

let t: TestApp;
let center: TestSession;
let waveId: string;

beforeAll(async () => {
  t = await createScreeningTestApp();
  center = await loginAs(t.app, 'alpha', 'staff');
  waveId = await openWave(center);
});
afterAll(() => t.close());

const alpha = () => t.world.schools.alpha;

/** Six good rows (alpha-1-1 and alpha-2-2 are tier 1: PHQ-9 item 9 above 0) and four bad ones. */
function waveFile(): string {
  const [c1, c2] = alpha().colleges;
  return [
    '学号,答案',
    phq9Row(c1.studentNumbers[0]!, [1, 1, 0, 0, 0, 0, 0, 0, 2]),
    phq9Row(c1.studentNumbers[1]!, [0, 0, 0, 0, 0, 0, 0, 0, 0]),
    phq9Row(c1.studentNumbers[2]!, [2, 2, 1, 1, 1, 1, 1, 1, 0]),
    phq9Row('nobody-99', [0, 0, 0, 0, 0, 0, 0, 0, 0]),
    phq9Row(c2.studentNumbers[0]!, [0, 1, 0, 1, 0, 1, 0, 0]),
    phq9Row(c2.studentNumbers[1]!, [3, 3, 3, 3, 3, 3, 0, 0, 1]),
    phq9Row(c2.studentNumbers[2]!, [0, 0, 0, 7, 0, 0, 0, 0, 0]),
    phq9Row(c1.studentNumbers[0]!, [0, 0, 0, 0, 0, 0, 0, 0, 0]),
  ].join('\n');
}

async function stored() {
  const scope = tenantScope({
    schoolId: alpha().id,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
    capabilities: ['screening.answers'],
  });
  return withTenant(t.db, scope, async (tx) => ({
    results: await tx.select().from(screeningResults),
    cases: await tx.select().from(cases),
  }));
}

describe('screening import', () => {
  it('keeps the good rows and reports each bad row with its row number and reason', async () => {
    const done = await importCsv(center, waveId, waveFile());
    expect(done).toMatchObject({
      status: 'done',
      rowsRead: 8,
      rowsAccepted: 4,
      rowsRejected: 4,
      progress: 1,
    });
    expect(done.errors.map((e: { row: number }) => e.row)).toEqual([5, 6, 8, 9]);
    expect(done.errors[0].reason).toContain('nobody-99');
    expect(done.errors[1]).toMatchObject({ column: '答案', reason: expect.stringContaining('应为 9 题') });
    expect(done.errors[2].reason).toContain('第 4 题的答案 7 超出范围 0–3');
    expect(done.errors[3].reason).toContain('已在第 2 行出现');
    expect(done.errors.map((e: { code: string }) => e.code)).toEqual([
      'screening.no-such-student-number',
      'screening.answers-invalid',
      'screening.answers-invalid',
      'screening.number-repeated',
    ]);
    const english = await json(
      await center.request(`/api/screening/imports/${done.id}`, { headers: { 'accept-language': 'en' } }),
    );
    expect(english.errors.map((e: { code: string }) => e.code)).toEqual(
      done.errors.map((e: { code: string }) => e.code),
    );
    expect(english.errors[0].reason).toBe(
      'No student with number nobody-99 (or not in the units you manage)',
    );
    expect(english.errors[2].reason).toContain('Item 4: answer 7 is outside 0–3');
    expect(english.errors[3].reason).toContain('already on row 2');
    const { results } = await stored();
    expect(results).toHaveLength(4);
    const tierOf = (number: string) =>
      results.find((r) => r.studentId === studentIdOf(number))?.attentionTier;
    expect(tierOf(alpha().colleges[0].studentNumbers[0]!)).toBe(1);
    expect(tierOf(alpha().colleges[1].studentNumbers[1]!)).toBe(1);
    expect(tierOf(alpha().colleges[0].studentNumbers[1]!)).toBe(3);
    expect(results[0]!.pluginId).toBe('alpha');
    expect(results.find((r) => r.attentionTier === 1)!.reasons[0]!.zh).toContain('9');
  });

  it('opens one follow-up per tier-1 result for the student’s counsellor, due in 3 working days', async () => {
    const { cases: opened } = await stored();
    expect(opened).toHaveLength(2);
    const byStudent = new Map(opened.map((c) => [c.studentId, c]));
    const first = byStudent.get(alpha().colleges[0].studentIds[0]!)!;
    expect(first).toMatchObject({ kind: 'follow_up', status: 'open', dueDate: '2025-03-06' });
    expect(first.responsiblePersonId).toBe(alpha().people.counsellor1);
    expect(byStudent.get(alpha().colleges[1].studentIds[1]!)!.responsiblePersonId).toBe(
      alpha().people.counsellor2,
    );
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await stored();
    const again = await importCsv(center, waveId, waveFile());
    expect(again).toMatchObject({
      status: 'done',
      rowsAccepted: 0,
      rowsUnchanged: 4,
      rowsRejected: 4,
      followUpsOpened: 0,
    });
    expect(await stored()).toEqual(before);
  });

  it('rewrites a corrected row whose answers changed but whose total did not, and only that row', async () => {
    const [c1] = alpha().colleges;
    const corrected = waveFile().replace(
      phq9Row(c1.studentNumbers[2]!, [2, 2, 1, 1, 1, 1, 1, 1, 0]),
      phq9Row(c1.studentNumbers[2]!, [1, 1, 2, 2, 1, 1, 1, 1, 0]),
    );
    const again = await importCsv(center, waveId, corrected);
    expect(again).toMatchObject({ status: 'done', rowsAccepted: 1, rowsUnchanged: 3, followUpsOpened: 0 });
    const { results } = await stored();
    const result = results.find((r) => r.studentId === c1.studentIds[2])!;
    const shown = await json(await center.request(`/api/screening/results/${result.id}`));
    expect(shown.answers).toEqual([1, 1, 2, 2, 1, 1, 1, 1, 0]);
    const back = await importCsv(center, waveId, waveFile());
    expect(back).toMatchObject({ rowsAccepted: 1, rowsUnchanged: 3 });
  });

  it('stores a wave once when two imports of it run at the same time (the second finds every row already there)', async () => {
    const waveB = await openWave(center, { name: '同时导入' });
    const session = (await json(await center.request('/api/auth/me'))) as Me;
    const me: Me = { ...session, school: { ...session.school, id: alpha().id } };
    const { plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu' } });
    const actor: ImportActor = {
      db: t.db,
      scope: tenantScope({
        schoolId: alpha().id,
        personId: me.person.id,
        fullScopePaths: ['/'],
        reducedScopePaths: [],
        capabilities: ['screening.answers', 'screening.manage'],
      }),
      me,
      plugin: plugins.active('alpha')!.compiled!,
      clock: () => new Date('2025-03-03T02:00:00Z'),
      purpose: 'test',
    };
    const rows = alpha().colleges.flatMap((c) => c.studentNumbers.slice(0, 3));
    const csv = ['学号,答案', ...rows.map((n) => phq9Row(n, [1, 0, 0, 0, 0, 0, 0, 0, 0]))].join('\n');
    const importOnce = async () => {
      const importId = await withTenant(t.db, actor.scope, (tx) =>
        createImportRecord(tx, {
          schoolId: alpha().id,
          waveId: waveB,
          fileName: 'same.csv',
          fileSha256: '',
          bytesTotal: csv.length,
          createdBy: me.person.id,
        }),
      );
      const stream = (async function* () {
        yield new TextEncoder().encode(csv);
      })();
      // Batches of two rows: the two imports take turns batch by batch.
      return runImport(actor, importId, waveB, { stream, filename: 'same.csv' }, { batchSize: 2 });
    };
    const [first, second] = await Promise.all([importOnce(), importOnce()]);
    expect([first.status, second.status]).toEqual(['done', 'done']);
    expect(first.rowsAccepted + second.rowsAccepted).toBe(rows.length);
    expect(first.rowsAccepted + first.rowsUnchanged).toBe(rows.length);
    const { results } = await stored();
    expect(results.filter((r) => r.waveId === waveB)).toHaveLength(rows.length);
  });

  it('reads one column per item and refuses a file whose item columns do not fit the instrument', async () => {
    const [c1] = alpha().colleges;
    const header = `学号,姓名,${Array.from({ length: 9 }, (_, i) => `Q${i + 1}`).join(',')}`;
    const done = await importCsv(
      center,
      waveId,
      [
        header,
        `${c1.studentNumbers[1]},学生12,0,0,0,0,0,0,0,1,0`,
        `${c1.studentNumbers[2]},别人,0,0,0,0,0,0,0,0,0`,
      ].join('\n'),
    );
    expect(done).toMatchObject({ status: 'done', rowsAccepted: 1, rowsRejected: 1 });
    expect(done.errors[0]).toMatchObject({ row: 3, column: '姓名' });
    const refused = await importCsv(center, waveId, '学号,Q1,Q2,Q3,Q4,Q5,Q6,Q7\nx,0,0,0,0,0,0,0');
    expect(refused.status).toBe('failed');
    expect(refused.errors[0]).toMatchObject({
      code: 'import.file-unreadable',
      reason: expect.stringContaining('7 个题目列'),
    });
  });

  it('lets only the center import or read imports', async () => {
    for (const username of ['counsellor1', 'committee1', 'liaison1']) {
      const session = await loginAs(t.app, 'alpha', username);
      const res = await session.request(`/api/screening/waves/${waveId}/imports`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: '学号,答案\n',
      });
      expect(res.status).toBe(403);
      expect((await session.request(`/api/screening/waves/${waveId}/imports`)).status).toBe(403);
    }
    const list = await json(await center.request(`/api/screening/waves/${waveId}/imports`));
    expect(list.imports.length).toBeGreaterThanOrEqual(3);
  });
});

function studentIdOf(number: string): string {
  for (const college of t.world.schools.alpha.colleges) {
    const i = college.studentNumbers.indexOf(number);
    if (i >= 0) return college.studentIds[i]!;
  }
  throw new Error(number);
}
