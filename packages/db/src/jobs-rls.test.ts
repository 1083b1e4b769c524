import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { pgErrorOf } from './errors.ts';
import { createTinySchool, type TinySchool } from './fixtures.test-helpers.ts';
import { backgroundJobs, screeningImportFiles, screeningImports, screeningWaves } from './schema/index.ts';
import { createTestDatabase } from './testing.ts';
import { issueTenantScope, runInTransaction, type TenantScope, withTenant } from './transaction.ts';

let db: Database;
let a: TinySchool;
let b: TinySchool;
let importA: string;
const manager = (school: TinySchool): TenantScope =>
  issueTenantScope({
    schoolId: school.schoolId,
    personId: null,
    fullScopePaths: [],
    reducedScopePaths: [],
    capabilities: ['screening.manage'],
  });
const asJobRunner = <T>(work: Parameters<typeof runInTransaction<T>>[1]) =>
  runInTransaction(db, async (tx) => {
    await tx.execute(sql`SELECT set_config('xq.job_runner', 'on', true)`);
    return work(tx);
  });

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTinySchool(db, 'jobs-a');
  b = await createTinySchool(db, 'jobs-b');
  importA = await withTenant(db, manager(a), async (tx) => {
    const [wave] = await tx
      .insert(screeningWaves)
      .values({
        schoolId: a.schoolId,
        academicYear: 2026,
        name: 'w',
        instrument: 'PHQ-9',
        cohort: 'all',
        opensOn: '2026-09-10',
        closesOn: '2026-09-30',
      })
      .returning();
    const [row] = await tx
      .insert(screeningImports)
      .values({ schoolId: a.schoolId, waveId: wave!.id, fileName: 'w.csv', fileSha256: '' })
      .returning();
    return row!.id;
  });
});
afterAll(() => db?.close());

describe('db/background jobs and stored import files', () => {
  it('lets a request add a job of its own school only, and read none', async () => {
    await withTenant(db, manager(a), (tx) =>
      tx.insert(backgroundJobs).values({ schoolId: a.schoolId, kind: 'k', payload: {}, maxAttempts: 1 }),
    );
    const forOther = await withTenant(db, manager(a), (tx) =>
      tx.insert(backgroundJobs).values({ schoolId: b.schoolId, kind: 'k', payload: {}, maxAttempts: 1 }),
    ).catch((error: unknown) => pgErrorOf(error));
    expect(forOther).toMatchObject({ code: '42501' });
    const platform = await withTenant(db, manager(a), (tx) =>
      tx.insert(backgroundJobs).values({ schoolId: null, kind: 'k', payload: {}, maxAttempts: 1 }),
    ).catch((error: unknown) => pgErrorOf(error));
    expect(platform).toMatchObject({ code: '42501' });
    expect(await withTenant(db, manager(a), (tx) => tx.select().from(backgroundJobs))).toEqual([]);
    const seen = await asJobRunner((tx) => tx.select().from(backgroundJobs));
    expect(seen.map((job) => job.schoolId)).toEqual([a.schoolId]);
  });

  it('keeps a stored file byte for byte, visible to its school’s screening managers only', async () => {
    const bytes = new Uint8Array([0, 1, 2, 0xff, 0x5c, 0x78, 0]);
    await withTenant(db, manager(a), (tx) =>
      tx
        .insert(screeningImportFiles)
        .values({ schoolId: a.schoolId, importId: importA, part: 0, data: bytes }),
    );
    const [back] = await withTenant(db, manager(a), (tx) =>
      tx.select().from(screeningImportFiles).where(eq(screeningImportFiles.importId, importA)),
    );
    expect(new Uint8Array(back!.data)).toEqual(bytes);
    expect(await withTenant(db, manager(b), (tx) => tx.select().from(screeningImportFiles))).toEqual([]);
    expect(
      await withTenant(db, { ...manager(a), capabilities: [] }, (tx) =>
        tx.select().from(screeningImportFiles),
      ),
    ).toEqual([]);
    // A part cannot be filed under another school's import.
    const crossed = await withTenant(db, manager(b), (tx) =>
      tx
        .insert(screeningImportFiles)
        .values({ schoolId: b.schoolId, importId: importA, part: 1, data: bytes }),
    ).catch((error: unknown) => pgErrorOf(error));
    expect(crossed).toMatchObject({ code: '23503' });
  });
});
