import { type AuditChainReport, verifyAuditChain } from '@xinqiao/db';
import { type Caller, requirePermission, rolesGranting } from '../../auth/caller.ts';
import type { Page, PageRequest } from '../../http/pagination.ts';
import { problem } from '../../http/problem.ts';
import { auditRowsOfStudent, type StudentAuditRow, visibleStudentPlacement } from './queries.ts';
import { recordAccess } from './record.ts';

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

function accessView(row: StudentAuditRow): StudentAccessView {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at.toISOString(),
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    purpose: row.purpose,
    actor:
      row.actorPersonId && row.actorUsername !== null && row.actorDisplayName !== null
        ? { personId: row.actorPersonId, username: row.actorUsername, displayName: row.actorDisplayName }
        : null,
    role: row.actorRole,
    unit:
      row.unitId && row.unitName !== null && row.unitLevelKey !== null
        ? { id: row.unitId, name: row.unitName, levelKey: row.unitLevelKey }
        : null,
  };
}

type StudentAccessView = import('./schemas.ts').StudentAccessView;

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
  return { items: rows.map(accessView), total, page: page.page, pageSize: page.pageSize };
}
