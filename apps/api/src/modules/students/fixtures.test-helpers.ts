import { auditLog, type TenantTx } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { and, asc, eq, gt } from 'drizzle-orm';
import { tenantScope } from '../../auth/scope.ts';
import type { TestApp } from '../../testing/index.ts';

/**
 * Runs `work` as the whole of one test school sees it (every unit in full): how a test reads back what a request
 * stored, on PGlite and PostgreSQL alike, without bypassing row-level security.
 */
export function asWholeSchool<T>(t: TestApp, code: 'alpha' | 'beta', work: (tx: TenantTx) => Promise<T>) {
  const schoolId = t.world.schools[code].id;
  return withTenant(
    t.db,
    tenantScope({ schoolId, personId: null, fullScopePaths: ['/'], reducedScopePaths: [] }),
    work,
  );
}

/** The school's audit rows after `afterSeq` (oldest first), for asserting what a request recorded. */
export function auditRowsAfter(t: TestApp, code: 'alpha' | 'beta', afterSeq = 0) {
  const schoolId = t.world.schools[code].id;
  return asWholeSchool(t, code, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.schoolId, schoolId), gt(auditLog.seq, afterSeq)))
      .orderBy(asc(auditLog.seq)),
  );
}

/** The seq of the school's newest audit row (0 if none), to take the audit rows of one request afterwards. */
export async function lastAuditSeq(t: TestApp, code: 'alpha' | 'beta'): Promise<number> {
  const rows = await auditRowsAfter(t, code);
  return rows.at(-1)?.seq ?? 0;
}

/** The JSON body of a response, untyped: tests assert its shape. */
// biome-ignore lint/suspicious/noExplicitAny: a test reads whatever the API answered
export const json = (res: Response): Promise<any> => res.json();
