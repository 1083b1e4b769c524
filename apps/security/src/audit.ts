import type { PGlite } from '@electric-sql/pglite';
import { call, type Session } from './client.ts';

/** What `GET /api/audit/verify` answers (the anchored form of issue 16.4; older servers lack `anchor`). */
export interface Verify {
  intact: boolean;
  rows?: number;
  anchor?: { source: string; seq: number } | null;
  tamper?: { kind: string; seq?: number; missingRows?: number; reason?: string };
  firstBrokenRow?: unknown;
}

/** The audit step's outcome. */
export interface AuditReport {
  /** `skipped` until the API anchors its chain outside the rows (issue 16.4): a deleted tail is then undetectable. */
  tailDeletion: 'detected' | 'missed' | 'skipped';
  reason?: string;
  before?: Verify;
  after?: Verify;
  rowsDeleted?: number;
}

/** The director's (or admin's) verification of their school's chain. */
export async function verify(base: string, session: Session): Promise<{ status: number; body: Verify }> {
  const res = await call(base, session, '/api/audit/verify');
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Verify };
}

/** Whether the server anchors its chain outside the rows (its verify answer names the anchor). */
export function anchored(answer: { status: number; body: Verify }): boolean {
  return (
    answer.status === 200 &&
    answer.body !== null &&
    typeof answer.body === 'object' &&
    'anchor' in answer.body
  );
}

/**
 * Deletes the newest `rows` audit rows of one school as the database's superuser, past the append-only triggers
 * (`session_replication_role = replica`): what an attacker with the database files can do.
 */
export async function deleteAuditTail(db: PGlite, schoolCode: string, rows: number): Promise<number> {
  await db.exec('BEGIN');
  await db.exec('SET LOCAL session_replication_role = replica');
  const result = await db.query(
    `DELETE FROM audit_log
      WHERE school_id = (SELECT id FROM schools WHERE code = $1)
        AND seq > (SELECT max(seq) - $2 FROM audit_log WHERE school_id = (SELECT id FROM schools WHERE code = $1))`,
    [schoolCode, rows],
  );
  await db.exec('COMMIT');
  return result.affectedRows ?? 0;
}
