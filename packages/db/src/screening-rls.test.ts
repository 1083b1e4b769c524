import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { pgErrorOf } from './errors.ts';
import { createTinySchool, type TinySchool } from './fixtures.test-helpers.ts';
import {
  allianceDepartments,
  allianceLedger,
  allianceMembers,
  allianceTerms,
  screeningAnswers,
  screeningResults,
  screeningWaves,
} from './schema/index.ts';
import { createTestDatabase } from './testing.ts';
import { type TenantScope, withTenant } from './transaction.ts';

let db: Database;
let school: TinySchool;
const scope = (capabilities: string[], fullScopePaths = ['/']): TenantScope => ({
  schoolId: school.schoolId,
  personId: null,
  fullScopePaths,
  reducedScopePaths: [],
  capabilities,
});

beforeAll(async () => {
  db = await createTestDatabase();
  school = await createTinySchool(db, 'screened');
  await withTenant(db, scope(['screening.answers']), async (tx) => {
    const [wave] = await tx
      .insert(screeningWaves)
      .values({
        schoolId: school.schoolId,
        academicYear: 2026,
        name: '2026 秋季新生 UPI',
        instrument: 'UPI',
        cohort: 'freshman',
        opensOn: '2026-09-10',
        closesOn: '2026-09-30',
      })
      .returning();
    const [result] = await tx
      .insert(screeningResults)
      .values({
        schoolId: school.schoolId,
        waveId: wave!.id,
        studentId: school.studentIds[0]!,
        instrument: 'UPI',
        summary: { total: 27 },
        attentionTier: 1,
        pluginId: 'test',
        pluginVersion: '1.0.0',
      })
      .returning();
    await tx.insert(screeningAnswers).values({
      resultId: result!.id,
      schoolId: school.schoolId,
      studentId: school.studentIds[0]!,
      answers: [1, 0, 1],
      scores: { total: 27 },
    });
  });
});
afterAll(() => db?.close());

describe('db/screening and alliance security', () => {
  it('shows item answers only to callers with the screening.answers capability', async () => {
    const read = (capabilities: string[]) =>
      withTenant(db, scope(capabilities), async (tx) => ({
        results: (await tx.select().from(screeningResults)).length,
        answers: (await tx.select().from(screeningAnswers)).length,
      }));
    expect(await read(['screening.answers'])).toEqual({ results: 1, answers: 1 });
    expect(await read([])).toEqual({ results: 1, answers: 0 });
  });

  it('hides a result from a role on another college', async () => {
    const other = school.colleges[1]!.path;
    const rows = await withTenant(db, scope(['screening.answers'], [other]), (tx) =>
      tx.select().from(screeningAnswers),
    );
    expect(rows).toEqual([]);
  });

  it('keeps the points ledger append-only', async () => {
    const attempt = withTenant(db, scope([]), async (tx) => {
      const [term] = await tx
        .insert(allianceTerms)
        .values({ schoolId: school.schoolId, name: '2026 秋', startsOn: '2026-09-01', endsOn: '2027-01-20' })
        .returning();
      const [department] = await tx
        .insert(allianceDepartments)
        .values({ schoolId: school.schoolId, name: '办公室', kind: 'office' })
        .returning();
      const [member] = await tx
        .insert(allianceMembers)
        .values({
          schoolId: school.schoolId,
          termId: term!.id,
          departmentId: department!.id,
          name: '干事甲',
          memberRole: 'staff',
        })
        .returning();
      await tx.insert(allianceLedger).values({
        schoolId: school.schoolId,
        termId: term!.id,
        memberId: member!.id,
        delta: -1,
        ruleName: 'routine-late',
        pluginId: 'hut',
        pluginVersion: '1.0.0',
        reason: '例会迟到',
      });
      await tx.update(allianceLedger).set({ delta: 0 });
    });
    expect(pgErrorOf(await attempt.catch((e: unknown) => e))?.code).toBe('42501');
  });
});
