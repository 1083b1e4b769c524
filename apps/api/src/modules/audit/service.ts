import {
  type AuditChainReport,
  auditSigningKeyOf,
  type ExportedCheckpoint,
  listAuditCheckpoints,
  signAuditCheckpoint,
  verifyAgainstExport,
  verifyAuditChain,
} from '@xinqiao/db';
import { type Caller, requirePermission, rolesGranting } from '../../auth/caller.ts';
import type { Page, PageRequest } from '../../http/pagination.ts';
import { problem } from '../../http/problem.ts';
import { presentStudentAccess } from './present.ts';
import { auditRowsOfStudent, visibleStudentPlacement } from './queries.ts';
import { recordAccess } from './record.ts';
import type { AuditCheckpointExportView, StudentAccessView } from './schemas.ts';

/**
 * Recompute the school's hash chain and say whether it is intact, or which row is the first that does not verify.
 *
 * @example
 * ```ts
 * await verifySchoolAudit(caller); // { intact: false, rows: 12, firstBrokenRow: { id: 40, seq: 7, reason: '…' } }
 * ```
 */
export async function verifySchoolAudit(caller: Caller): Promise<AuditChainReport> {
  requirePermission(caller, 'audit.verify');
  return verifyAuditChain(caller.tx);
}

/** How an exported checkpoint's signature is checked, in words (the export carries it beside the public key). */
const CHECKPOINT_MESSAGE_FORMAT =
  'UTF-8 lines joined by LF: xinqiao-audit-checkpoint-v1, schoolId, seq, hash, at (ISO 8601 as exported); ed25519 over those bytes, signature in base64';

/**
 * The school's signed checkpoints for a director to keep outside the database, after signing the current head (when
 * the chain verifies; a broken chain is exported as it is, unsigned). The export is audited.
 */
export async function exportAuditCheckpoints(caller: Caller): Promise<AuditCheckpointExportView> {
  requirePermission(caller, 'audit.verify');
  const { tx, me } = caller;
  const report = await verifyAuditChain(tx);
  if (report.intact) await signAuditCheckpoint(tx);
  const key = auditSigningKeyOf(tx);
  const checkpoints = await listAuditCheckpoints(tx);
  await recordAccess(tx, me, {
    action: 'audit_checkpoints.export',
    entity: 'audit_log',
    purpose: caller.purpose,
  });
  return {
    schoolId: me.school.id,
    algorithm: 'ed25519',
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
    message: CHECKPOINT_MESSAGE_FORMAT,
    checkpoints: checkpoints.map((c) => ({
      seq: c.seq,
      hash: c.hash,
      at: c.at.toISOString(),
      keyId: c.keyId,
      signature: c.signature,
    })),
  };
}

/**
 * Checks the chain against checkpoints a director exported earlier (kept outside the database): deleted or rewritten
 * rows show even when every anchor the server and the database kept was erased. Another school's file is refused.
 */
export async function checkExportedCheckpoints(
  caller: Caller,
  body: { schoolId: string; checkpoints: ExportedCheckpoint[] },
): Promise<Awaited<ReturnType<typeof verifyAgainstExport>>> {
  requirePermission(caller, 'audit.verify');
  if (body.schoolId !== caller.me.school.id)
    throw problem('validation.invalid-field', { fields: ['schoolId'] });
  return verifyAgainstExport(caller.tx, body.checkpoints);
}

/**
 * Who looked at a student: the audit rows about them, newest first, for a center director or school admin whose
 * unit reaches the student. Reading this list is itself audited (`student_audit.read`), after the page is read,
 * so the next reader sees it.
 */
export async function studentAccessLog(
  caller: Caller,
  studentId: string,
  page: PageRequest,
): Promise<Page<StudentAccessView>> {
  requirePermission(caller, 'audit.read');
  const { tx, me, purpose } = caller;
  const readers = rolesGranting(me, 'audit.read');
  const student = await visibleStudentPlacement(tx, studentId);
  if (!student) throw problem('students.not-found');
  const role = readers
    .filter((reader) => student.placementPath.startsWith(reader.unitPath))
    .sort((a, b) => b.unitPath.length - a.unitPath.length)[0];
  if (!role) throw problem('audit.student-outside-units');
  const { rows, total } = await auditRowsOfStudent(tx, studentId, page);
  await recordAccess(tx, me, {
    action: 'student_audit.read',
    entity: 'student',
    entityId: studentId,
    studentId,
    studentPath: student.placementPath,
    purpose,
    role,
  });
  return { items: rows.map(presentStudentAccess), total, page: page.page, pageSize: page.pageSize };
}
