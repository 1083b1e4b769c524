import { people, type Role, roleAssignments, type TenantTx, units } from '@xinqiao/db';
import { and, asc, count, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { containsText, limitOffset, type PageRequest } from '../../http/pagination.ts';
import { type Branch, holdsRoleInBranch, unitInBranch } from '../units/branch.ts';

/** A stored account without its password hash: the hash is never selected outside the login. */
export interface PersonRow {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A role assignment with its unit. */
export interface RoleRow {
  personId: string;
  role: Role;
  unitId: string;
  unitName: string;
  levelKey: string;
  unitPath: string;
}

const personColumns = {
  id: people.id,
  username: people.username,
  displayName: people.displayName,
  disabled: people.disabled,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
};

/**
 * "This person is visible": a school-wide reader sees every account; anyone else sees themselves and the people
 * holding a role on a unit of their branch.
 */
function personVisible(tx: TenantTx, branch: Branch, selfId: string): SQL | undefined {
  if (branch.schoolWide) return undefined;
  return or(eq(people.id, selfId), holdsRoleInBranch(tx, branch, people.id));
}

export interface PersonListCriteria {
  /** Only people with a role on this unit's subtree (a unit the caller may see). */
  underPath?: string | undefined;
  q?: string | undefined;
}

/** A page of the people visible to the caller that match the criteria, by username. */
export async function listVisiblePeople(
  tx: TenantTx,
  branch: Branch,
  selfId: string,
  criteria: PersonListCriteria,
  page: PageRequest,
): Promise<{ rows: PersonRow[]; total: number }> {
  const where = and(
    personVisible(tx, branch, selfId),
    criteria.underPath ? holdsRoleInBranch(tx, branch, people.id, criteria.underPath) : undefined,
    criteria.q
      ? or(containsText(people.displayName, criteria.q), containsText(people.username, criteria.q))
      : undefined,
  );
  const { limit, offset } = limitOffset(page);
  const rows = await tx
    .select(personColumns)
    .from(people)
    .where(where)
    .orderBy(asc(people.username))
    .limit(limit)
    .offset(offset);
  const [counted] = await tx.select({ total: count() }).from(people).where(where);
  return { rows, total: counted?.total ?? 0 };
}

/** One person visible to the caller, or undefined. */
export async function findVisiblePerson(
  tx: TenantTx,
  branch: Branch,
  selfId: string,
  id: string,
): Promise<PersonRow | undefined> {
  const [row] = await tx
    .select(personColumns)
    .from(people)
    .where(and(eq(people.id, id), personVisible(tx, branch, selfId)));
  return row;
}

/** The roles of these people on units of the branch (a role elsewhere would name a unit the caller may not see). */
export async function rolesInBranch(
  tx: TenantTx,
  branch: Branch,
  personIds: readonly string[],
): Promise<RoleRow[]> {
  if (personIds.length === 0) return [];
  return tx
    .select({
      personId: roleAssignments.personId,
      role: roleAssignments.role,
      unitId: units.id,
      unitName: units.name,
      levelKey: units.levelKey,
      unitPath: units.path,
    })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(inArray(roleAssignments.personId, [...personIds]), unitInBranch(branch)))
    .orderBy(asc(units.depth), asc(roleAssignments.role), asc(units.name));
}

/** Every role of one person, wherever it sits (for an administrator replacing their roles). */
export async function allRolesOf(tx: TenantTx, personId: string): Promise<(RoleRow & { id: string })[]> {
  return tx
    .select({
      id: roleAssignments.id,
      personId: roleAssignments.personId,
      role: roleAssignments.role,
      unitId: units.id,
      unitName: units.name,
      levelKey: units.levelKey,
      unitPath: units.path,
    })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(roleAssignments.personId, personId));
}

/** Whether an account of the school already has this username. */
export async function usernameTaken(tx: TenantTx, username: string): Promise<boolean> {
  const [row] = await tx.select({ id: people.id }).from(people).where(eq(people.username, username)).limit(1);
  return row !== undefined;
}

/** Store a new account. */
export async function insertPerson(
  tx: TenantTx,
  values: { schoolId: string; username: string; displayName: string; passwordHash: string },
): Promise<PersonRow> {
  const [row] = await tx.insert(people).values(values).returning(personColumns);
  return row!;
}

/** Change an account's name or disabled flag. */
export async function updatePersonRow(
  tx: TenantTx,
  id: string,
  changes: { displayName?: string | undefined; disabled?: boolean | undefined },
): Promise<PersonRow> {
  const [row] = await tx
    .update(people)
    .set({
      ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(people.id, id))
    .returning(personColumns);
  return row!;
}

/** Give roles to a person. */
export async function insertRoles(
  tx: TenantTx,
  schoolId: string,
  personId: string,
  assignments: readonly { role: Role; unitId: string }[],
): Promise<void> {
  if (assignments.length === 0) return;
  await tx.insert(roleAssignments).values(assignments.map((a) => ({ schoolId, personId, ...a })));
}

/** Take roles away by assignment id. */
export async function deleteRoles(tx: TenantTx, assignmentIds: readonly string[]): Promise<void> {
  if (assignmentIds.length === 0) return;
  await tx.delete(roleAssignments).where(inArray(roleAssignments.id, [...assignmentIds]));
}
