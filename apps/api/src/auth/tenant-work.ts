import type { Database, TenantScope, TenantTx } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';

/**
 * Opens one tenant transaction for work that a request or a job started and that spans several transactions (a
 * screening import stores each batch in its own). The scope is one the session code or the job runner issued
 * (`TenantScope` is branded), so the work sees what the person who started it sees, never more; modules outside
 * auth and jobs cannot open a transaction for a scope of their own making.
 *
 * @example
 * ```ts
 * await inIssuedScope(actor.db, actor.scope, (tx) => finish(tx, importId, 'done', progress));
 * ```
 */
export function inIssuedScope<T>(
  db: Database,
  scope: TenantScope,
  work: (tx: TenantTx) => Promise<T>,
): Promise<T> {
  return withTenant(db, scope, work);
}
