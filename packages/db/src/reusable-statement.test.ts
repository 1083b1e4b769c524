import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { createTinySchool, fullScope, type TinySchool } from './fixtures.test-helpers.ts';
import { reusableStatement } from './reusable-statement.ts';
import { units } from './schema/index.ts';
import { createTestDatabase } from './testing.ts';
import { APPLICATION_ROLE, withTenant } from './transaction.ts';

let db: Database;
let first: TinySchool;
let second: TinySchool;

beforeAll(async () => {
  db = await createTestDatabase();
  first = await createTinySchool(db, 'reuse-a');
  second = await createTinySchool(db, 'reuse-b');
});
afterAll(() => db?.close());

// The statement reads a unit with the running transaction's role and settings: RLS shows each school its own.
const unitById = reusableStatement((tx) =>
  tx
    .select({
      id: units.id,
      role: sql<string>`current_user`,
      school: sql<string>`current_setting('xq.school_id', true)`,
    })
    .from(units)
    .where(eq(units.id, sql.placeholder('id'))),
);

describe('db/reusable statement', () => {
  it('runs in each call’s own transaction, with its role, its school’s settings and its values', async () => {
    for (const school of [first, second, first]) {
      const rows = await withTenant(db, fullScope(school.schoolId, ['/']), (tx) =>
        unitById(tx, { id: school.center.id }),
      );
      expect(rows).toEqual([{ id: school.center.id, role: APPLICATION_ROLE, school: school.schoolId }]);
    }
  });

  it('sees only what RLS shows the calling school: another school’s unit is not found', async () => {
    const rows = await withTenant(db, fullScope(first.schoolId, ['/']), (tx) =>
      unitById(tx, { id: second.center.id }),
    );
    expect(rows).toEqual([]);
  });
});
