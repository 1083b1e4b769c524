import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from './database.ts';
import { pgErrorOf } from './errors.ts';
import { createTinySchool, type TinySchool } from './fixtures.test-helpers.ts';
import { createTestDatabase } from './testing.ts';
import {
  APPLICATION_ROLE,
  issueTenantScope,
  runInTransaction,
  SCREENING_ANSWERS_ROLE,
  scopeTransaction,
  withGenericPlan,
} from './transaction.ts';

// The role switch and the school's settings are sent without waiting for their answers (they travel with the next
// statement): the statement right after them must still run as the role, with the settings.
let db: Database;
let school: TinySchool;

beforeAll(async () => {
  db = await createTestDatabase();
  school = await createTinySchool(db, 'ahead');
});
afterAll(() => db?.close());

interface Seen {
  role: string;
  school: string;
  scope: string;
}

// Unnamed and named (a parameter) statements take different paths to PGlite: both must queue behind the set-up.
const WHO_UNNAMED = sql`SELECT current_user AS role, current_setting('xq.school_id', true) AS school,
  current_setting('xq.full_scope', true) AS scope`;
const whoNamed = () => sql`SELECT current_user AS role, current_setting('xq.school_id', true) AS school,
  current_setting('xq.full_scope', true) AS scope, ${'named'}::text AS tag`;

describe('db/transaction: set-up statements sent ahead', () => {
  it('runs the first statement of a transaction as the application role', async () => {
    for (const statement of [WHO_UNNAMED, whoNamed()]) {
      const [seen] = await runInTransaction(db, (tx) => queryRows<Seen>(tx, statement));
      expect(seen?.role).toBe(APPLICATION_ROLE);
    }
  });

  it('runs the first statement after the scope with the school, the paths and the role it sets', async () => {
    const scope = issueTenantScope({
      schoolId: school.schoolId,
      personId: null,
      fullScopePaths: ['/a/', '/b/'],
      reducedScopePaths: [],
      capabilities: ['screening.answers'],
    });
    for (const statement of [WHO_UNNAMED, whoNamed()]) {
      const [seen] = await runInTransaction(db, async (tx) =>
        queryRows<Seen>(await scopeTransaction(tx, scope), statement),
      );
      expect(seen).toMatchObject({ role: SCREENING_ANSWERS_ROLE, school: school.schoolId, scope: '/a/,/b/' });
    }
  });

  it('runs a query builder first after the scope with its settings (drizzle starts it on another path)', async () => {
    const scope = issueTenantScope({
      schoolId: school.schoolId,
      personId: null,
      fullScopePaths: ['/c/'],
      reducedScopePaths: [],
    });
    const [seen] = await runInTransaction(db, async (tx) =>
      (await scopeTransaction(tx, scope))
        .select({
          role: sql<string>`current_user`,
          school: sql<string>`current_setting('xq.school_id', true)`,
        })
        .from(sql`(SELECT 1) AS one`),
    );
    expect(seen).toEqual({ role: APPLICATION_ROLE, school: school.schoolId });
  });

  it('plans a statement generically inside withGenericPlan only, and sets the mode back after', async () => {
    const mode = sql`SELECT current_setting('plan_cache_mode') AS mode, ${'named'}::text AS tag`;
    const modes = await runInTransaction(db, async (tx) => {
      const inside = await withGenericPlan(tx, () => queryRows<{ mode: string }>(tx, mode));
      const after = await queryRows<{ mode: string }>(tx, mode);
      return [inside[0]?.mode, after[0]?.mode];
    });
    expect(modes).toEqual(['force_generic_plan', 'auto']);
  });

  it("reports a failed set-up statement's own error, not the refusal of the statement after it", async () => {
    // A NUL byte is not valid text in PostgreSQL: the scope's set_config fails, so the transaction is aborted.
    const broken = issueTenantScope({
      schoolId: school.schoolId,
      personId: 'a\u0000b',
      fullScopePaths: ['/'],
      reducedScopePaths: [],
    });
    const failure = await runInTransaction(db, async (tx) =>
      queryRows(await scopeTransaction(tx, broken), WHO_UNNAMED),
    ).catch((error: unknown) => error);
    const code = pgErrorOf(failure)?.code;
    expect(code).toBeDefined();
    expect(code).not.toBe('25P02'); // in_failed_sql_transaction: the refusal, not the cause
  });
});
