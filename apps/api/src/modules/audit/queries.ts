import { auditLog, people, students, type TenantTx, units } from '@xinqiao/db';
import { and, count, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
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

/** Which audit rows to browse: by the person who acted, the action, and a China-time date range (inclusive). */
export interface AuditLogFilter {
  actorPersonId?: string | undefined;
  action?: string | undefined;
  /** First day, `YYYY-MM-DD` in China time. */
  from?: string | undefined;
  /** Last day, `YYYY-MM-DD` in China time. */
  to?: string | undefined;
}

/** One row of the school's audit log with the actor's name and the unit of the role they acted in. */
export type AuditLogRow = StudentAuditRow & { studentId: string | null };

function auditLogWhere(filter: AuditLogFilter): SQL | undefined {
  // Days are China days: the bounds are midnight in Asia/Shanghai (UTC+8, no daylight saving).
  return and(
    filter.actorPersonId ? eq(auditLog.actorPersonId, filter.actorPersonId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.from ? gte(auditLog.at, new Date(`${filter.from}T00:00:00+08:00`)) : undefined,
    filter.to
      ? lt(auditLog.at, new Date(new Date(`${filter.to}T00:00:00+08:00`).getTime() + 86_400_000))
      : undefined,
  );
}

/** The school's audit rows matching `filter`, newest first: `limit` rows from `offset`, and how many match. */
export async function auditLogRows(
  tx: TenantTx,
  filter: AuditLogFilter,
  window: { limit: number; offset: number },
): Promise<{ rows: AuditLogRow[]; total: number }> {
  const where = auditLogWhere(filter);
  const rows = await tx
    .select({
      id: auditLog.id,
      seq: auditLog.seq,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      studentId: auditLog.studentId,
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
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(window.limit)
    .offset(window.offset);
  const [counted] = await tx.select({ total: count() }).from(auditLog).where(where);
  return { rows, total: counted?.total ?? 0 };
}

/** The distinct actions recorded in the school's log, for the panel's action filter. */
export async function auditActionsInUse(tx: TenantTx): Promise<string[]> {
  const rows = await tx.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}

/** Which of `ids` name a unit, person or student the caller can see (row-level security decides). */
export async function idsKnownToCaller(tx: TenantTx, ids: readonly string[]): Promise<Set<string>> {
  const list = [...ids];
  const u = await tx.select({ id: units.id }).from(units).where(inArray(units.id, list));
  const p = await tx.select({ id: people.id }).from(people).where(inArray(people.id, list));
  const s = await tx.select({ id: students.id }).from(students).where(inArray(students.id, list));
  return new Set([...u, ...p, ...s].map((row) => row.id.toLowerCase()));
}
