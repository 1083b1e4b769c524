import * as db from '@xinqiao/db';
import { type Database, queryRows, sessions } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { capabilitiesOf, tenantScope } from '../auth/scope.ts';

/** Every tenant table (a table with a `school_id` column) except sessions, which logins legitimately add to. */
function tenantTables(): PgTable[] {
  const candidates: unknown[] = Object.values(db);
  return candidates.filter(
    (value): value is PgTable =>
      is(value, PgTable) && 'schoolId' in getTableColumns(value) && value !== (sessions as unknown),
  );
}

/** Every capability any role grants, so the snapshot reads the rows guarded by capabilities too. */
const ALL_CAPABILITIES = capabilitiesOf(
  db.roles.map((role) => ({ role, unitId: '', unitName: '', levelKey: '', unitPath: '/' })),
);

/**
 * A fingerprint of everything a school has stored, table by table (row count and a hash of the rows), read with
 * the whole school in scope. Two equal snapshots mean nothing of the school was written in between.
 *
 * @example
 * ```ts
 * const before = await schoolSnapshot(db, schoolId);
 * // … probes …
 * expect(await schoolSnapshot(db, schoolId)).toEqual(before);
 * ```
 */
export async function schoolSnapshot(database: Database, schoolId: string): Promise<Record<string, string>> {
  const scope = tenantScope({
    schoolId,
    personId: null,
    fullScopePaths: ['/'],
    reducedScopePaths: [],
    capabilities: ALL_CAPABILITIES,
  });
  return withTenant(database, scope, async (tx) => {
    const out: Record<string, string> = {};
    for (const table of tenantTables()) {
      const [row] = await queryRows<{ n: number | string; h: string }>(
        tx,
        sql`SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h
            FROM ${table} AS t WHERE t.school_id = ${schoolId}`,
      );
      out[getTableName(table)] = `${row?.n} rows ${row?.h}`;
    }
    return out;
  });
}
