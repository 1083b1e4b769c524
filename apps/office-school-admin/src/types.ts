/**
 * The API's JSON as this module reads it (see apps/api/src/modules/{units,people,audit,students}/schemas.ts).
 * Frontends never import server code, so the shapes are declared here.
 */
import type { RoleId } from '@xinqiao/web-kit';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** A node of `GET /api/units/tree`. */
export interface UnitNode {
  id: string;
  levelKey: string;
  depth: number;
  name: string;
  children: UnitNode[];
}

export interface Unit {
  id: string;
  parentId: string | null;
  levelKey: string;
  levelName: string;
  levelNameEn: string;
  depth: number;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface UnitDetail extends Unit {
  ancestors: { id: string; name: string; levelKey: string }[];
}

export interface PersonRole {
  role: RoleId;
  unitId: string;
  unitName: string;
  levelKey: string;
}

export interface Person {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  roles: PersonRole[];
  createdAt: string;
  updatedAt: string;
}

export interface NewPerson {
  username: string;
  displayName: string;
  password: string;
  roles: { role: RoleId; unitId: string }[];
}

/** `GET /api/audit/verify`. */
export interface AuditVerification {
  intact: boolean;
  rows: number;
  firstBrokenRow?: { id: number; seq: number; reason: string };
}

/** One access to a student, from `GET /api/audit/students/{id}`. */
export interface StudentAccess {
  id: number;
  seq: number;
  at: string;
  action: string;
  entity: string;
  entityId: string | null;
  purpose: string;
  actor: { personId: string; username: string; displayName: string } | null;
  role: string | null;
  unit: { id: string; name: string; levelKey: string } | null;
}

/** A student as `GET /api/students` lists them (only what this module uses). */
export interface StudentListItem {
  id: string;
  studentNumber: string;
  name: string;
  className: string;
}
