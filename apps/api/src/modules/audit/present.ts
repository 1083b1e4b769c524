import { auditActionLabel } from './action-labels.ts';
import type { AuditLogRow, StudentAuditRow } from './queries.ts';
import type { AuditLogEntryView, StudentAccessView } from './schemas.ts';

type ActorColumns = Pick<StudentAuditRow, 'actorPersonId' | 'actorUsername' | 'actorDisplayName'>;
type UnitColumns = Pick<StudentAuditRow, 'unitId' | 'unitName' | 'unitLevelKey'>;

/** Who acted, or null for the platform (seed, jobs) and for an account since deleted. */
function presentActor(row: ActorColumns): StudentAccessView['actor'] {
  return row.actorPersonId && row.actorUsername !== null && row.actorDisplayName !== null
    ? { personId: row.actorPersonId, username: row.actorUsername, displayName: row.actorDisplayName }
    : null;
}

/** The unit the actor's role was on, when the row names one. */
function presentUnit(row: UnitColumns): StudentAccessView['unit'] {
  return row.unitId && row.unitName !== null && row.unitLevelKey !== null
    ? { id: row.unitId, name: row.unitName, levelKey: row.unitLevelKey }
    : null;
}

/** One access to a student's records, as the student's access log answers it. */
export function presentStudentAccess(row: StudentAuditRow): StudentAccessView {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at.toISOString(),
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    purpose: row.purpose,
    actor: presentActor(row),
    role: row.actorRole,
    unit: presentUnit(row),
  };
}

/** One row of the school's audit log, with its action named in both languages. */
export function presentAuditLogEntry(row: AuditLogRow): AuditLogEntryView {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at.toISOString(),
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    entity: row.entity,
    entityId: row.entityId,
    studentId: row.studentId,
    purpose: row.purpose,
    actor: presentActor(row),
    role: row.actorRole,
    unit: presentUnit(row),
  };
}
