import { cases, screeningResults } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../../auth/scope.ts';
import { loginAs, type TestApp } from '../../../testing/index.ts';
import { createScreeningTestApp, importCsv, openWave, phq9Row } from '../testing.ts';

let t: TestApp;
const alpha = () => t.world.schools.alpha;

beforeAll(async () => {
  t = await createScreeningTestApp();
});
afterAll(() => t.close());

async function stored() {
  const scope = tenantScope({
    schoolId: alpha().id,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
  });
  return withTenant(t.db, scope, async (tx) => ({
    results: await tx
      .select({ studentId: screeningResults.studentId, reasons: screeningResults.reasons })
      .from(screeningResults),
    cases: await tx.select().from(cases),
  }));
}

describe('screening import: self-harm findings', () => {
  it('marks the follow-ups of results a self-harm rule decided, and only those, with the reason flagged', async () => {
    const center = await loginAs(t.app, 'alpha', 'staff');
    const waveId = await openWave(center);
    const [c1, c2] = alpha().colleges;
    const done = await importCsv(
      center,
      waveId,
      [
        '学号,答案',
        phq9Row(c1.studentNumbers[0]!, [0, 0, 0, 0, 0, 0, 0, 0, 1]), // item 9 > 0: self-harm, tier 1
        phq9Row(c2.studentNumbers[1]!, [3, 3, 3, 3, 3, 0, 0, 0, 0]), // total 15: tier 1, no self-harm
        phq9Row(c2.studentNumbers[0]!, [0, 0, 0, 0, 0, 0, 0, 0, 0]), // tier 3
      ].join('\n'),
    );
    expect(done).toMatchObject({ status: 'done', rowsAccepted: 3, followUpsOpened: 2 });
    const { results, cases: opened } = await stored();
    const caseOf = (studentId: string) => opened.find((c) => c.studentId === studentId)!;
    expect(caseOf(c1.studentIds[0]!).selfHarm).toBe(true);
    expect(caseOf(c2.studentIds[1]!).selfHarm).toBe(false);
    // Opened for a counsellor: stamped as assigned by the import (no person).
    expect(caseOf(c1.studentIds[0]!)).toMatchObject({ assignedBy: null, assignedAt: expect.any(Date) });
    const reasonsOf = (studentId: string) => results.find((r) => r.studentId === studentId)!.reasons;
    expect(reasonsOf(c1.studentIds[0]!)).toEqual([
      expect.objectContaining({ ruleName: 'phq9-item-9-above-0', selfHarm: true }),
    ]);
    expect(reasonsOf(c2.studentIds[1]!).every((r) => !('selfHarm' in r))).toBe(true);
  });

  it('marks an open follow-up when a corrected row of the same wave now reports self-harm, and unmarks it again', async () => {
    const center = await loginAs(t.app, 'alpha', 'staff');
    const waveId = await openWave(center, { name: '复查批次' });
    const student = alpha().colleges[0].studentNumbers[2]!;
    const studentId = alpha().colleges[0].studentIds[2]!;
    const followUp = async () =>
      (await stored()).cases.find((c) => c.studentId === studentId && c.status !== 'closed')!;
    const tierOneNoSelfHarm = [3, 3, 3, 3, 3, 0, 0, 0, 0];
    await importCsv(center, waveId, ['学号,答案', phq9Row(student, tierOneNoSelfHarm)].join('\n'));
    const first = await followUp();
    expect(first.selfHarm).toBe(false);

    const corrected = await importCsv(
      center,
      waveId,
      ['学号,答案', phq9Row(student, [3, 3, 3, 3, 3, 0, 0, 0, 2])].join('\n'),
    );
    expect(corrected).toMatchObject({ status: 'done', followUpsOpened: 0 });
    expect(await followUp()).toMatchObject({ id: first.id, selfHarm: true });

    await importCsv(center, waveId, ['学号,答案', phq9Row(student, tierOneNoSelfHarm)].join('\n'));
    expect(await followUp()).toMatchObject({ id: first.id, selfHarm: false });
  });
});
