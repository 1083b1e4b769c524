import { appendAudit, type TenantTx } from '@xinqiao/db';
import type { Me, RoleOnUnit } from '../../auth/session-types.ts';
import { idsKnownToCaller } from './queries.ts';

/** What happened, to what, and why: one audit row. */
export interface AccessEvent {
  /** Verb in the domain's words, `<entity>.<action>`: 'student.read', 'student_file.read', 'case.update'. */
  action: string;
  entity: string;
  entityId?: string | null;
  studentId?: string | null;
  /** The placement path of the student concerned, to name the role that granted the access. */
  studentPath?: string | null;
  /** Why the caller looked: the `x-access-purpose` header when sent, otherwise the route's own purpose. */
  purpose: string;
  /** The role that allowed the action, when the route already knows it (a write checked against one role). */
  role?: RoleOnUnit;
}

/** The role that reaches the student (the deepest one), or the person's first role when none is about a student. */
export function actingRole(me: Me, studentPath?: string | null): RoleOnUnit | undefined {
  if (!studentPath) return me.roles[0];
  const reaching = me.roles.filter((role) => studentPath.startsWith(role.unitPath));
  return reaching.sort((a, b) => b.unitPath.length - a.unitPath.length)[0] ?? me.roles[0];
}

/**
 * Appends the audit row for a read or write of sensitive data, in the request's own transaction: if the request
 * fails, its audit row goes with it, and nothing is ever read without its row.
 *
 * @example
 * await recordAccess(c.var.tx, c.var.me, { action: 'student_file.read', entity: 'student', entityId: id,
 *   studentId: id, studentPath: student.placementPath, purpose: '个案随访' });
 */
export async function recordAccess(tx: TenantTx, me: Me, event: AccessEvent): Promise<void> {
  const role = event.role ?? actingRole(me, event.studentPath);
  await appendAudit(tx, {
    schoolId: me.school.id,
    actorPersonId: me.person.id,
    actorRole: role?.role ?? null,
    actorUnitId: role?.unitId ?? null,
    studentId: event.studentId ?? null,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ? await withoutUnknownIds(tx, event.entityId) : null,
    purpose: event.purpose,
  });
}

/**
 * The purpose a caller states in the `x-access-purpose` header (trimmed, at most 200 characters), or the default.
 * HTTP headers carry only Latin-1, so clients send Chinese text percent-encoded (`encodeURIComponent`); the header
 * is decoded here, and a value that does not decode is kept as sent.
 *
 * @example
 * ```ts
 * statedPurpose(encodeURIComponent('期中谈心谈话'), '查看学生'); // '期中谈心谈话'
 * ```
 */
export function statedPurpose(header: string | undefined, fallback: string): string {
  const stated = decodePurpose(header ?? '')
    .trim()
    .slice(0, 200);
  return stated ? stated : fallback;
}

function decodePurpose(header: string): string {
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * A list's filter is recorded as typed, but an id in it that names no unit, person or student the caller can see is
 * written as `not-visible`: a school's audit log must not carry another school's ids that someone typed into a query.
 */
async function withoutUnknownIds(tx: TenantTx, entityId: string): Promise<string> {
  if (!entityId.startsWith('{')) return entityId;
  const ids = [...new Set((entityId.match(UUID) ?? []).map((id) => id.toLowerCase()))];
  if (ids.length === 0) return entityId;
  const known = await idsKnownToCaller(tx, ids);
  return entityId.replace(UUID, (id) => (known.has(id.toLowerCase()) ? id : 'not-visible'));
}
