import {
  people,
  roleAssignments,
  schools,
  studentReach,
  type TenantScope,
  type TenantScopeFields,
  type TenantTx,
  units,
} from '@xinqiao/db';
import { issueTenantScope } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { and, asc, eq } from 'drizzle-orm';
import { rlsCapabilitiesOf } from './permissions.ts';
import type { RoleOnUnit } from './session-types.ts';

/** The person and school behind a session, read inside a transaction already scoped to that school. */
export interface Account {
  person: { id: string; username: string; displayName: string; disabled: boolean };
  school: { id: string; code: string; name: string; nameEn: string };
  roles: RoleOnUnit[];
}

/**
 * Read the account, its school and its role assignments with their units in one query (one round trip on every
 * request); undefined if the person is gone. The transaction must already be scoped to the school.
 */
export async function loadAccount(
  tx: TenantTx,
  schoolId: string,
  personId: string,
): Promise<Account | undefined> {
  const rows = await tx
    .select({
      id: people.id,
      username: people.username,
      displayName: people.displayName,
      disabled: people.disabled,
      schoolCode: schools.code,
      schoolName: schools.name,
      schoolNameEn: schools.nameEn,
      role: roleAssignments.role,
      unitId: units.id,
      unitName: units.name,
      levelKey: units.levelKey,
      unitPath: units.path,
    })
    .from(people)
    .innerJoin(schools, eq(schools.id, people.schoolId))
    .leftJoin(roleAssignments, eq(roleAssignments.personId, people.id))
    .leftJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(eq(people.id, personId), eq(people.schoolId, schoolId)))
    .orderBy(asc(units.depth), asc(roleAssignments.role));
  return accountFromRows(schoolId, rows);
}

/** One row per role of the person (or one row with null role fields), ordered by the unit's depth and the role. */
export interface AccountRow {
  id: string | null;
  username: string | null;
  displayName: string | null;
  disabled: boolean | null;
  schoolCode: string | null;
  schoolName: string | null;
  schoolNameEn: string | null;
  role: RoleOnUnit['role'] | null;
  unitId: string | null;
  unitName: string | null;
  levelKey: string | null;
  unitPath: string | null;
}

/** The account the rows of {@link loadAccount} (or the session opening) describe; undefined if the person is gone. */
export function accountFromRows(schoolId: string, rows: readonly AccountRow[]): Account | undefined {
  const first = rows[0];
  if (!first?.id || first.username === null || first.displayName === null || first.schoolCode === null)
    return undefined;
  const roles: RoleOnUnit[] = [];
  for (const row of rows) {
    if (row.role && row.unitId && row.unitName !== null && row.levelKey !== null && row.unitPath !== null) {
      roles.push({
        role: row.role,
        unitId: row.unitId,
        unitName: row.unitName,
        levelKey: row.levelKey,
        unitPath: row.unitPath,
      });
    }
  }
  return {
    person: {
      id: first.id,
      username: first.username,
      displayName: first.displayName,
      disabled: first.disabled ?? false,
    },
    school: {
      id: schoolId,
      code: first.schoolCode,
      name: first.schoolName ?? '',
      nameEn: first.schoolNameEn ?? '',
    },
    roles,
  };
}

/**
 * What the person may see: each role reaches its unit's subtree in full, in the reduced view (class psych
 * committee members and dorm liaisons) or not at all (see `studentReach`). A subtree already covered by a wider
 * path is dropped. The capabilities RLS checks come from the permission table (`RLS_CAPABILITIES`).
 *
 * @example
 * ```ts
 * scopeOf(schoolId, personId, roles); // { fullScopePaths: ['/r/c1/'], reducedScopePaths: ['/r/c2/k9/'] }
 * ```
 */
export function scopeOf(schoolId: string, personId: string, roles: readonly RoleOnUnit[]): TenantScope {
  const full = minimalPrefixes(roles.filter((r) => studentReach[r.role] === 'full').map((r) => r.unitPath));
  const reduced = minimalPrefixes(
    roles
      .filter((r) => studentReach[r.role] === 'reduced')
      .map((r) => r.unitPath)
      .filter((p) => !full.some((f) => p.startsWith(f))),
  );
  return tenantScope({
    schoolId,
    personId,
    fullScopePaths: full,
    reducedScopePaths: reduced,
    capabilities: capabilitiesOf(roles),
    student: roles.some((r) => r.role === 'student'),
  });
}

/** The capabilities RLS checks that the given roles grant, sorted, each once (from the permission table). */
export function capabilitiesOf(roles: readonly RoleOnUnit[]): string[] {
  return rlsCapabilitiesOf(roles.map((r) => r.role));
}

/** The paths not inside another of the given paths, sorted. */
function minimalPrefixes(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  return sorted.filter((p) => !sorted.some((q) => q !== p && p.startsWith(q)));
}

/** The scope of a transaction that knows the school but no unit yet (login, session resolution). */
export function schoolOnlyScope(schoolId: string, personId: string | null): TenantScope {
  return tenantScope({ schoolId, personId, fullScopePaths: [], reducedScopePaths: [] });
}

/**
 * The one function of the API that makes a {@link TenantScope} (the type is branded: see
 * `@xinqiao/db/internal-tenant-tx-do-not-import`). The session middleware gets its scopes from {@link scopeOf}
 * and {@link schoolOnlyScope}; the job runner, the seed, the command line and tests call it with the school-wide
 * scope they need. A module that builds a scope object by hand cannot pass it where a `TenantScope` is wanted.
 *
 * @example
 * ```ts
 * tenantScope({ schoolId, personId: null, fullScopePaths: ['/'], reducedScopePaths: [] });
 * ```
 */
export function tenantScope(fields: TenantScopeFields): TenantScope {
  return issueTenantScope(fields);
}
