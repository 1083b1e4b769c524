import { sql } from 'drizzle-orm';
import { queryRows } from './database.ts';
import { auditLog } from './schema/audit.ts';
import type { TenantTx } from './transaction.ts';

/** One audited action. `seq`, `at` and the hashes are filled in by the database, never by the caller. */
export interface AuditEvent {
  schoolId: string;
  actorPersonId: string | null;
  actorRole: string | null;
  actorUnitId: string | null;
  studentId?: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  purpose?: string;
}

/** Appends one row to the school's hash-chained audit log inside the caller's transaction. */
export async function appendAudit(tx: TenantTx, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values({
    schoolId: event.schoolId,
    actorPersonId: event.actorPersonId,
    actorRole: event.actorRole,
    actorUnitId: event.actorUnitId,
    studentId: event.studentId ?? null,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    purpose: event.purpose ?? '',
  });
}

export type AuditChainReport =
  | { intact: true; rows: number }
  | { intact: false; rows: number; firstBrokenRow: { id: number; seq: number; reason: string } };

/** Recomputes the school's audit chain in the database and names the first row that does not verify. */
export async function verifyAuditChain(tx: TenantTx): Promise<AuditChainReport> {
  const [count] = await queryRows<{ rows: string | number }>(
    tx,
    sql`SELECT count(*) AS rows FROM audit_log WHERE school_id = xq_school_id()`,
  );
  const rows = Number(count?.rows ?? 0);
  const [broken] = await queryRows<{ id: string | number; seq: string | number; reason: string }>(
    tx,
    sql`SELECT id, seq, reason FROM xq_audit_first_break()`,
  );
  if (!broken) return { intact: true, rows };
  return {
    intact: false,
    rows,
    firstBrokenRow: { id: Number(broken.id), seq: Number(broken.seq), reason: broken.reason },
  };
}
