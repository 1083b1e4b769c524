import type { Database, TenantScope, UnscopedTx } from '@xinqiao/db';
import { runInTransaction } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { sql } from 'drizzle-orm';
import { tenantScope } from '../auth/scope.ts';

/**
 * Runs `work` in one transaction as the application role with the job runner's right to read and change every
 * school's jobs and schedules (RLS: `xq.job_runner`), and nothing else: tenant rows stay invisible until the
 * transaction is also scoped to a school. Only the job runner (this folder) calls it.
 */
export function runAsJobRunner<T>(db: Database, work: (tx: UnscopedTx) => Promise<T>): Promise<T> {
  return runInTransaction(db, async (tx) => {
    await tx.execute(sql`SELECT set_config('xq.job_runner', 'on', true)`);
    return work(tx);
  });
}

/**
 * The scope of a job's own transactions: the school, no person, the given units in full (none by default), the
 * kind's capabilities.
 */
export function schoolJobScope(
  schoolId: string,
  capabilities: readonly string[] = [],
  fullScopePaths: readonly string[] = [],
): TenantScope {
  return tenantScope({ schoolId, personId: null, fullScopePaths, reducedScopePaths: [], capabilities });
}
