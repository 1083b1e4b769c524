import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from './database.ts';
import { createTinySchool } from './fixtures.test-helpers.ts';
import { refreshStatistics } from './statistics.ts';
import { createTestDatabase } from './testing.ts';

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

const rowEstimate = async (table: string) =>
  (
    await queryRows<{ n: number }>(
      db.orm,
      sql`SELECT reltuples::int AS n FROM pg_class WHERE relname = ${table} AND relkind = 'r'`,
    )
  )[0]?.n;

describe('refreshStatistics', () => {
  it('analyses the tables never analysed, then none of them again, and every table when asked', async () => {
    await createTinySchool(db, 'stats-a');
    const first = await refreshStatistics(db, 'never-analysed');
    expect(first).toContain('students');
    expect(first).toContain('audit_log');
    expect(await rowEstimate('students')).toBeGreaterThan(0);
    expect(await refreshStatistics(db, 'never-analysed')).toEqual([]);
    expect(await refreshStatistics(db)).toEqual(first);
  });
});
