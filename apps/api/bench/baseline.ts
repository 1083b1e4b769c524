// The bench's own minimal tenant route: what every tenant request must do, written by hand with nothing else — a
// transaction, SET LOCAL ROLE to the non-superuser application role, set_config of the school and the caller's scope
// (one statement), a 50-row RLS-filtered select of the students the caller sees, and one audit row. `bench:api`
// measures the platform's routes against it in the same process and run, on the same database and data.
import { appendAudit, type Database, people, queryRows, schools, type TenantScope } from '@xinqiao/db';
import { runInTransaction, scopeTransaction } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { loadAccount, schoolOnlyScope, scopeOf } from '../src/auth/scope.ts';
import type { Me } from '../src/auth/session-types.ts';

export const BASELINE_PATH = '/bench/baseline';

interface Caller {
  schoolId: string;
  personId: string;
  scope: TenantScope;
  me: Me;
}

/** The school's account `username` and the scope its roles give, read once when the server starts. */
export async function benchCaller(db: Database, schoolCode: string, username: string): Promise<Caller> {
  return runInTransaction(db, async (tx) => {
    const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.code, schoolCode));
    if (!school) throw new Error(`bench: no school ${schoolCode}`);
    const scoped = await scopeTransaction(tx, schoolOnlyScope(school.id, null));
    const [person] = await scoped
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.schoolId, school.id), eq(people.username, username)));
    if (!person) throw new Error(`bench: no account ${schoolCode}/${username}`);
    const account = await loadAccount(scoped, school.id, person.id);
    if (!account) throw new Error(`bench: no account ${schoolCode}/${username}`);
    const { disabled: _disabled, ...me } = account.person;
    return {
      schoolId: school.id,
      personId: person.id,
      scope: scopeOf(school.id, person.id, account.roles),
      me: { person: me, school: account.school, roles: account.roles, csrfToken: '' },
    };
  });
}

/** A Hono app answering GET {@link BASELINE_PATH} for `caller` (no session: the caller is fixed at start). */
export function baselineApp(db: Database, caller: Caller): Hono {
  const app = new Hono();
  app.get(BASELINE_PATH, async (c) => {
    const items = await runInTransaction(db, async (unscoped) => {
      const tx = await scopeTransaction(unscoped, caller.scope);
      const rows = await queryRows<{ id: string; student_number: string; name: string }>(
        tx,
        sql`SELECT id, student_number, name FROM students ORDER BY student_number LIMIT 50`,
      );
      await appendAudit(tx, {
        schoolId: caller.schoolId,
        actorPersonId: caller.personId,
        actorRole: 'counsellor',
        actorUnitId: null,
        action: 'student.list',
        entity: 'student',
        entityId: null,
        purpose: 'bench baseline',
      });
      return rows;
    });
    return c.json({ items });
  });
  return app;
}
