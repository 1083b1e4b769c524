import { studentReach, type TenantTx } from '@xinqiao/db';
import { type Caller, requirePermission, rolesGranting } from '../../auth/caller.ts';
import { hashPassword } from '../../auth/password.ts';
import { grants } from '../../auth/permissions.ts';
import type { RoleOnUnit } from '../../auth/session-types.ts';
import { endSessionsOf } from '../../auth/sessions.ts';
import type { Page } from '../../http/pagination.ts';
import { type FieldError, fieldError, invalidFields, problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { type Branch, branchOf, pathInBranch } from '../units/branch.ts';
import { findUnitInBranch, type UnitRow, unitsByIds } from '../units/queries.ts';
import { presentPerson } from './present.ts';
import {
  allRolesOf,
  deleteRoles,
  findVisiblePerson,
  insertPerson,
  insertRoles,
  listVisiblePeople,
  type RoleRow,
  rolesInBranch,
  updatePersonRow,
  usernameTaken,
} from './queries.ts';
import type {
  CreatePersonInput,
  PersonListFilter,
  PersonView,
  RoleAssignmentInput,
  UpdatePersonInput,
} from './schemas.ts';

const noSuchPerson = () => problem('people.not-found');

/**
 * The branch whose accounts the caller may look up. Class committee members and dorm liaisons (the reduced-view
 * roles, who only observe and report) need no one's account and see only their own: staff usernames are half of a
 * login, and a student holding such a role must not be able to list them.
 */
function lookupBranchOf(me: Caller['me']): Branch {
  const onlyReduced = me.roles.length > 0 && me.roles.every((r) => studentReach[r.role] === 'reduced');
  return onlyReduced ? { schoolWide: false, subtreePaths: [], ancestorIds: [] } : branchOf(me);
}

/**
 * A page of the people the caller may see (themselves and everyone holding a role in their branch of the network;
 * a school-wide reader sees every account; the reduced-view roles only themselves), filtered by unit subtree and
 * searched by name or username. Open to every signed-in person: their branch is the access check.
 */
export async function listPeople(caller: Caller, filter: PersonListFilter): Promise<Page<PersonView>> {
  const { tx, me } = caller;
  const branch = lookupBranchOf(me);
  let underPath: string | undefined;
  if (filter.unitId) {
    const unit = await findUnitInBranch(tx, branch, filter.unitId);
    if (!unit) throw problem('units.not-found');
    underPath = unit.path;
  }
  const { rows, total } = await listVisiblePeople(
    tx,
    branch,
    me.person.id,
    { underPath, q: filter.q },
    filter,
  );
  const roles = await rolesInBranch(
    tx,
    branch,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => presentPerson(row, roles)),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** One person the caller may see (see {@link listPeople}), with their roles; 404 otherwise. */
export async function getPerson(caller: Caller, id: string): Promise<PersonView> {
  const { tx, me } = caller;
  const branch = lookupBranchOf(me);
  const row = await findVisiblePerson(tx, branch, me.person.id, id);
  if (!row) throw noSuchPerson();
  return presentPerson(row, await rolesInBranch(tx, branch, [id]));
}

const administers = (admins: readonly RoleOnUnit[], path: string) =>
  admins.some((admin) => path.startsWith(admin.unitPath));

/**
 * Check the requested roles: every unit must exist in the caller's branch (else 400 naming `roles.<n>.unitId`) and
 * lie in a subtree the caller administers (else 403); a role may not be listed twice.
 */
async function checkRoles(
  tx: TenantTx,
  branch: Branch,
  admins: readonly RoleOnUnit[],
  requested: readonly RoleAssignmentInput[],
): Promise<void> {
  const found = new Map<string, UnitRow>(
    (await unitsByIds(tx, [...new Set(requested.map((r) => r.unitId))])).map((unit) => [unit.id, unit]),
  );
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  requested.forEach((assignment, index) => {
    const unit = found.get(assignment.unitId);
    const key = `${assignment.role}|${assignment.unitId}`;
    if (!unit || !pathInBranch(branch, unit.path)) {
      errors.push(fieldError(`roles.${index}.unitId`, 'units.no-such-unit'));
    } else if (seen.has(key)) {
      errors.push(fieldError(`roles.${index}`, 'people.role-listed-twice'));
    }
    seen.add(key);
  });
  if (errors.length > 0) throw invalidFields(errors);
  if (requested.some((assignment) => !administers(admins, found.get(assignment.unitId)!.path))) {
    throw problem('people.role-outside-administration');
  }
}

/**
 * Create an account with its roles (school administrators only). The password (at least 12 characters) is
 * stored as an argon2id hash. A taken username answers 409 naming `username`. Audited as `person.create`.
 */
export async function createPerson(caller: Caller, input: CreatePersonInput): Promise<PersonView> {
  requirePermission(caller, 'people.manage');
  const { tx, me } = caller;
  // Each role granting people.manage administers its unit's subtree.
  const admins = rolesGranting(me, 'people.manage');
  const branch = branchOf(me);
  await checkRoles(tx, branch, admins, input.roles);
  if (await usernameTaken(tx, input.username)) {
    throw problem('people.username-taken', { username: input.username }).naming([
      fieldError('username', 'people.username-taken'),
    ]);
  }
  const row = await insertPerson(tx, {
    schoolId: me.school.id,
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
  });
  await insertRoles(tx, me.school.id, row.id, input.roles);
  await recordAccess(tx, me, {
    action: 'person.create',
    entity: 'person',
    entityId: row.id,
    purpose: caller.purpose,
    role: admins[0]!,
  });
  return presentPerson(row, await rolesInBranch(tx, branch, [row.id]));
}

/**
 * Change an account's name, disabled flag or roles (school administrators only). Roles are replaced on the units
 * the caller administers; roles elsewhere are kept. Disabling ends every session of the account at once (the
 * session middleware also refuses a disabled account on its next request). An administrator cannot disable
 * themselves or drop their own administrator role. Audited as `person.update` or `person.disable`.
 */
export async function updatePerson(
  caller: Caller,
  id: string,
  input: UpdatePersonInput,
): Promise<PersonView> {
  requirePermission(caller, 'people.manage');
  const { tx, me } = caller;
  const admins = rolesGranting(me, 'people.manage');
  const branch = branchOf(me);
  const target = await findVisiblePerson(tx, branch, me.person.id, id);
  if (!target) throw noSuchPerson();
  const current = await allRolesOf(tx, id);
  // Renaming or disabling someone whose roles all lie outside the caller's units is not the caller's call.
  if (current.length > 0 && !current.some((role) => administers(admins, role.unitPath)))
    throw outsideAdministration();
  if (id === me.person.id) assertNoSelfLockout(admins, input);
  if (input.roles) {
    await checkRoles(tx, branch, admins, input.roles);
    await replaceAdministeredRoles(tx, me.school.id, id, admins, current, input.roles);
  }
  const row = await updatePersonRow(tx, id, { displayName: input.displayName, disabled: input.disabled });
  if (input.disabled === true) await endSessionsOf(tx, id);
  await recordAccess(tx, me, {
    action: input.disabled === true ? 'person.disable' : 'person.update',
    entity: 'person',
    entityId: id,
    purpose: caller.purpose,
    role: admins[0]!,
  });
  return presentPerson(row, await rolesInBranch(tx, branch, [id]));
}

function outsideAdministration() {
  return problem('people.person-outside-administration');
}

function assertNoSelfLockout(admins: readonly RoleOnUnit[], input: UpdatePersonInput): void {
  if (input.disabled === true) {
    throw invalidFields([fieldError('disabled', 'people.cannot-disable-self')]);
  }
  const keepsAdmin = input.roles?.some(
    (r) => grants(r.role, 'people.manage') && admins.some((m) => m.role === r.role && m.unitId === r.unitId),
  );
  if (input.roles && !keepsAdmin) {
    throw invalidFields([fieldError('roles', 'people.cannot-drop-own-admin')]);
  }
}

async function replaceAdministeredRoles(
  tx: TenantTx,
  schoolId: string,
  personId: string,
  admins: readonly RoleOnUnit[],
  current: readonly (RoleRow & { id: string })[],
  wanted: readonly RoleAssignmentInput[],
): Promise<void> {
  const key = (r: { role: string; unitId: string }) => `${r.role}|${r.unitId}`;
  const wantedKeys = new Set(wanted.map(key));
  const currentKeys = new Set(current.map(key));
  const dropped = current.filter((r) => administers(admins, r.unitPath) && !wantedKeys.has(key(r)));
  await deleteRoles(
    tx,
    dropped.map((r) => r.id),
  );
  await insertRoles(
    tx,
    schoolId,
    personId,
    wanted.filter((r) => !currentKeys.has(key(r))),
  );
}
