import { auditLog, people, students, type TenantTx, units } from '@xinqiao/db';
import { count, desc, eq } from 'drizzle-orm';
import { limitOffset, type PageRequest } from '../../http/pagination.ts';

/** The placement of a student the caller may see (row-level security decides), or undefined. */
export async function visibleStudentPlacement(
  tx: TenantTx,
  studentId: string,
): Promise<{ id: string; placementPath: string } | undefined> {
  const [row] = await tx
    .select({ id: students.id, placementPath: students.placementPath })
    .from(students)
    .where(eq(students.id, studentId));
  return row;
}

/** One audit row about a student, with the actor's name and the unit of the role they acted in. */
export interface StudentAuditRow {
  id: number;
  seq: number;
  at: Date;
  action: string;
  entity: string;
  entityId: string | null;
  purpose: string;
  actorRole: string | null;
  actorPersonId: string | null;
  actorUsername: string | null;
  actorDisplayName: string | null;
  unitId: string | null;
  unitName: string | null;
  unitLevelKey: string | null;
}

/** A page of the audit rows about one student, newest first. */
export async function auditRowsOfStudent(
  tx: TenantTx,
  studentId: string,
  page: PageRequest,
): Promise<{ rows: StudentAuditRow[]; total: number }> {
  const { limit, offset } = limitOffset(page);
  const rows = await tx
    .select({
      id: auditLog.id,
      seq: auditLog.seq,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      purpose: auditLog.purpose,
      actorRole: auditLog.actorRole,
      actorPersonId: auditLog.actorPersonId,
      actorUsername: people.username,
      actorDisplayName: people.displayName,
      unitId: auditLog.actorUnitId,
      unitName: units.name,
      unitLevelKey: units.levelKey,
    })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorPersonId))
    .leftJoin(units, eq(units.id, auditLog.actorUnitId))
    .where(eq(auditLog.studentId, studentId))
    .orderBy(desc(auditLog.seq))
    .limit(limit)
    .offset(offset);
  const [counted] = await tx
    .select({ total: count() })
    .from(auditLog)
    .where(eq(auditLog.studentId, studentId));
  return { rows, total: counted?.total ?? 0 };
}
