import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from './database.ts';
import { pgErrorOf } from './errors.ts';
import { createTinySchool, fullScope, type TinySchool } from './fixtures.test-helpers.ts';
import { createTestDatabase } from './testing.ts';
import { runInTransaction, withTenant } from './transaction.ts';

// Issue 16.4: what a request runs — even SQL smuggled into it — cannot switch off the audit log's guards. Requests
// run as xinqiao_app (SET LOCAL ROLE), which owns nothing; on PostgreSQL the connection itself logs in as a role that
// owns nothing either, so RESET ROLE leads nowhere.
let db: Database;
let school: TinySchool;

beforeAll(async () => {
  db = await createTestDatabase();
  school = await createTinySchool(db, 'guarded');
});
afterAll(() => db?.close());

const GUARD_SWITCHES = [
  'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update',
  'ALTER TABLE audit_log DISABLE TRIGGER ALL',
  'ALTER TABLE audit_log NO FORCE ROW LEVEL SECURITY',
  'ALTER TABLE audit_log DISABLE ROW LEVEL SECURITY',
  'ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_no_update',
  'DROP TRIGGER audit_log_no_update ON audit_log',
  'CREATE OR REPLACE FUNCTION xq_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$',
];

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  return pgErrorOf(await work.then(() => undefined).catch((e: unknown) => e))?.code;
}

describe('db/request role', () => {
  it.each(GUARD_SWITCHES)('a request cannot run %s', async (statement) => {
    const code = await codeOf(
      withTenant(db, fullScope(school.schoolId, ['/']), (tx) => tx.execute(sql.raw(statement))),
    );
    expect(code).toBe('42501'); // insufficient_privilege: must be owner
  });

  it.runIf(process.env.XINQIAO_TEST_DB === 'postgres')(
    'on PostgreSQL the connection logs in as a role that owns nothing, so RESET ROLE does not help',
    async () => {
      const [who] = await queryRows<{ login: string; owner: string }>(
        db.orm,
        sql`SELECT session_user AS login, (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log') AS owner`,
      );
      expect(who?.login).not.toBe(who?.owner);
      for (const statement of GUARD_SWITCHES) {
        const code = await codeOf(
          runInTransaction(db, async (tx) => {
            await tx.execute(sql`RESET ROLE`);
            await tx.execute(sql.raw(statement));
          }),
        );
        expect(code, statement).toBe('42501');
      }
      const remove = runInTransaction(db, async (tx) => {
        await tx.execute(sql`RESET ROLE`);
        await tx.execute(sql`DELETE FROM audit_log`);
      });
      expect(await codeOf(remove)).toBe('42501');
    },
  );
});
