import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { pgErrorOf } from './errors.ts';
import { createTinySchool, fullScope, type TinySchool } from './fixtures.test-helpers.ts';
import { caseEntries, cases, schools, studentFileEntries, students, units } from './schema/index.ts';
import { createTestDatabase } from './testing.ts';
import { issueTenantScope, runInTransaction, type TenantScope, withTenant } from './transaction.ts';

let db: Database;
let north: TinySchool;
let south: TinySchool;

beforeAll(async () => {
  db = await createTestDatabase();
  north = await createTinySchool(db, 'north');
  south = await createTinySchool(db, 'south');
});
afterAll(() => db?.close());

const studentNumbersSeen = (scope: TenantScope) =>
  withTenant(db, scope, async (tx) =>
    (await tx.select({ n: students.studentNumber }).from(students)).map((r) => r.n).sort(),
  );

describe('db/row-level security', () => {
  it('shows a school nothing of another school', async () => {
    const seen = await withTenant(db, fullScope(north.schoolId, ['/']), async (tx) => ({
      units: await tx.select().from(units),
      students: await tx.select().from(students),
    }));
    expect(seen.units.every((u) => u.schoolId === north.schoolId)).toBe(true);
    expect(seen.students).toHaveLength(4);
    expect(seen.students.every((s) => s.schoolId === north.schoolId)).toBe(true);
  });

  it('limits a role on a college to that college subtree', async () => {
    const college = north.colleges[0]!;
    expect(await studentNumbersSeen(fullScope(north.schoolId, [college.path]))).toEqual(['202401', '202402']);
    expect(await studentNumbersSeen(fullScope(north.schoolId, [college.dormPath]))).toEqual(['202401']);
  });

  it('shows nothing when the transaction has no scope', async () => {
    expect(await studentNumbersSeen(fullScope(north.schoolId, []))).toEqual([]);
    const rows = await runInTransaction(db, (tx) => tx.select().from(students));
    expect(rows).toEqual([]);
  });

  it('refuses to write a row into another school', async () => {
    const write = withTenant(db, fullScope(north.schoolId, ['/']), (tx) =>
      tx
        .insert(units)
        .values({ schoolId: south.schoolId, levelKey: 'college', name: 'x', depth: 0, path: '' }),
    );
    await expect(write).rejects.toThrow();
  });

  it('refuses to place a student in a class of another college', async () => {
    const [a, b] = north.colleges;
    const write = withTenant(db, fullScope(north.schoolId, ['/']), (tx) =>
      tx.insert(students).values({
        schoolId: north.schoolId,
        studentNumber: '999',
        name: '错位',
        gender: 'male',
        enrolmentYear: 2024,
        collegeUnitId: a!.id,
        classUnitId: b!.classId,
      }),
    );
    const error = await write.catch((e: unknown) => e);
    expect(pgErrorOf(error)).toMatchObject({
      message: 'class unit not found in the college',
      column: 'class_unit_id',
    });
  });

  it('hides cases and restricted file entries from the reduced view', async () => {
    const college = north.colleges[0]!;
    const studentId = north.studentIds[0]!;
    await withTenant(db, fullScope(north.schoolId, [college.path]), async (tx) => {
      const [opened] = await tx
        .insert(cases)
        .values({ schoolId: north.schoolId, studentId, kind: 'follow_up', title: '筛查后约谈' })
        .returning();
      await tx
        .insert(caseEntries)
        .values({ schoolId: north.schoolId, caseId: opened!.id, kind: 'note', body: '面谈记录' });
      await tx.insert(studentFileEntries).values([
        {
          schoolId: north.schoolId,
          studentId,
          kind: 'screening',
          title: 'UPI 答卷',
          visibility: 'restricted',
        },
        { schoolId: north.schoolId, studentId, kind: 'contact', title: '寝室走访', visibility: 'network' },
      ]);
    });
    const reduced: TenantScope = issueTenantScope({
      schoolId: north.schoolId,
      personId: null,
      fullScopePaths: [],
      reducedScopePaths: [college.dormPath],
    });
    const seen = await withTenant(db, reduced, async (tx) => ({
      students: await tx.select({ id: students.id }).from(students),
      cases: await tx.select().from(cases),
      entries: await tx.select().from(caseEntries),
      file: await tx.select({ title: studentFileEntries.title }).from(studentFileEntries),
    }));
    expect(seen.students.map((s) => s.id)).toEqual([studentId]);
    expect(seen.cases).toEqual([]);
    expect(seen.entries).toEqual([]);
    expect(seen.file.map((f) => f.title)).toEqual(['寝室走访']);
  });

  it('runs requests as a role that is neither superuser nor BYPASSRLS', async () => {
    const [role] = await withTenant(db, fullScope(north.schoolId, []), (tx) =>
      tx
        .execute(sql`SELECT current_user AS name`)
        .then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows)),
    );
    expect(role).toEqual({ name: 'xinqiao_app' });
  });

  it('does not let a request create a school', async () => {
    const write = withTenant(db, fullScope(north.schoolId, ['/']), (tx) =>
      tx.insert(schools).values({ code: 'rogue', name: 'x', nameEn: 'x', networkLevels: [] }),
    );
    await expect(write).rejects.toThrow();
    const count = await withTenant(db, fullScope(north.schoolId, []), (tx) =>
      tx.select().from(schools).where(eq(schools.code, 'rogue')),
    );
    expect(count).toEqual([]);
  });
});
