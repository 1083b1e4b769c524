import { randomUUID } from 'node:crypto';
import { backgroundJobs, type TenantTx } from '@xinqiao/db';
import type { JobKind } from './kind.ts';

/**
 * Adds a job of `kind` for the transaction's school, in the caller's transaction: the job exists only if the work
 * that asked for it commits (an import record and its job appear together or not at all). The payload is checked
 * against the kind's schema now, so a bad payload fails the request, not the worker. Any API process may run it.
 *
 * @example
 * await enqueueJob(c.var.tx, c.var.me.school.id, screeningImportJob, { importId, waveId, … });
 */
export async function enqueueJob<P>(
  tx: TenantTx,
  schoolId: string,
  kind: JobKind<P>,
  payload: P,
  options: { runAt?: Date } = {},
): Promise<string> {
  const id = randomUUID(); // no RETURNING: a request may add jobs but not read them back (RLS)
  await tx.insert(backgroundJobs).values({
    id,
    schoolId,
    kind: kind.name,
    payload: kind.payload.parse(payload),
    maxAttempts: kind.retry.maxAttempts,
    ...(options.runAt ? { runAt: options.runAt } : {}),
  });
  return id;
}
