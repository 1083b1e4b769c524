import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { pgErrorOf } from './errors.ts';
import { createTinySchool, type TinySchool } from './fixtures.test-helpers.ts';
import {
  allianceDepartments,
  allianceLedger,
  allianceMembers,
  allianceTerms,
  screeningResults,
  screeningWaves,
  students,
} from './schema/index.ts';
import { createTestDatabase } from './testing.ts';
import { issueTenantScope, type TenantScope, withTenant } from './transaction.ts';

let db: Database;
let school: TinySchool;
const scope = (capabilities: string[], fullScopePaths = ['/']): TenantScope =>
  issueTenantScope({
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
    await tx.insert(screeningResults).values({
      schoolId: school.schoolId,
      waveId: wave!.id,
      studentId: school.studentIds[0]!,
      placementPath: sql`(SELECT placement_path FROM students WHERE id = ${school.studentIds[0]!}::uuid)`,
      instrument: 'UPI',
      summary: { total: 27 },
      attentionTier: 1,
      pluginId: 'test',
      pluginVersion: '1.0.0',
      answers: [1, 0, 1],
      scores: { total: 27 },
    });
  });
});
afterAll(() => db?.close());

describe('db/screening and alliance security', () => {
  it('shows item answers only to callers with the screening.answers capability', async () => {
    const answersSeen = (capabilities: string[], fullScopePaths?: string[]) =>
      withTenant(db, scope(capabilities, fullScopePaths), (tx) =>
        tx.select({ answers: screeningResults.answers }).from(screeningResults),
      );
    expect(await answersSeen(['screening.answers'])).toEqual([{ answers: [1, 0, 1] }]);
    // Without the capability the columns are refused outright, not silently empty.
    const refused = await answersSeen([]).catch((error: unknown) => pgErrorOf(error));
    expect(refused).toMatchObject({ code: '42501' });
    const tiers = await withTenant(db, scope([]), (tx) =>
      tx.select({ tier: screeningResults.attentionTier }).from(screeningResults),
    );
    expect(tiers).toEqual([{ tier: 1 }]);
  });

  it('lets no one without the capability write answers', async () => {
    const attempt = withTenant(db, scope([]), (tx) =>
      tx.update(screeningResults).set({ answers: [0, 0, 0] }),
    ).catch((error: unknown) => pgErrorOf(error));
    expect(await attempt).toMatchObject({ code: '42501' });
  });

  it('hides a result and its answers from a role on another college', async () => {
    const other = school.colleges[1]!.path;
    const rows = await withTenant(db, scope(['screening.answers'], [other]), (tx) =>
      tx.select({ answers: screeningResults.answers }).from(screeningResults),
    );
    expect(rows).toEqual([]);
  });

  it('refuses a result whose placement is not its student’s', async () => {
    const attempt = withTenant(db, scope(['screening.answers']), async (tx) => {
      const [wave] = await tx.select({ id: screeningWaves.id }).from(screeningWaves);
      await tx.insert(screeningResults).values({
        schoolId: school.schoolId,
        waveId: wave!.id,
        studentId: school.studentIds[1]!,
        // Student 1 is in the first college; claiming the second college's path must not pass.
        placementPath: school.colleges[1]!.classPath,
        instrument: 'UPI',
        summary: { total: 1 },
        attentionTier: 3,
        pluginId: 'test',
        pluginVersion: '1.0.0',
      });
    }).catch((error: unknown) => pgErrorOf(error));
    expect(await attempt).toMatchObject({ code: '23503' });
  });

  it('moves a result with its student: a new college sees it, the old one no longer does', async () => {
    const [first, second] = school.colleges;
    const tiersSeenBy = (paths: string[]) =>
      withTenant(db, scope([], paths), (tx) =>
        tx.select({ tier: screeningResults.attentionTier }).from(screeningResults),
      );
    expect(await tiersSeenBy([first!.path])).toHaveLength(1);
    await withTenant(db, scope([]), (tx) =>
      tx
        .update(students)
        .set({ collegeUnitId: second!.id, classUnitId: second!.classId, dormUnitId: null })
        .where(eq(students.id, school.studentIds[0]!)),
    );
    expect(await tiersSeenBy([first!.path])).toHaveLength(0);
    expect(await tiersSeenBy([second!.path])).toEqual([{ tier: 1 }]);
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
