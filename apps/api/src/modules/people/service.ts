import type { TenantTx } from '@xinqiao/db';
import { hashPassword } from '../../auth/password.ts';
import { type Caller, requirePermission, rolesGranting } from '../../auth/caller.ts';
import { grants } from '../../auth/permissions.ts';
import type { RoleOnUnit } from '../../auth/session-types.ts';
import { endSessionsOf } from '../../auth/sessions.ts';
import type { Page } from '../../http/pagination.ts';
import type { FieldError } from '../../http/problem.ts';
import { problems } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { type Branch, branchOf, pathInBranch } from '../units/branch.ts';
import { findUnitInBranch, type UnitRow, unitsByIds } from '../units/queries.ts';
import {
  allRolesOf,
  deleteRoles,
  findVisiblePerson,
  insertPerson,
  insertRoles,
  listVisiblePeople,
  type PersonRow,
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

const noSuchPerson = (id: string) => problems.notFound(`没有这个人员 / No person ${id}`);

/** An account as the API shows it, with the roles the caller may see. */
export function personView(row: PersonRow, roles: readonly RoleRow[]): PersonView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    disabled: row.disabled,
    roles: roles
      .filter((role) => role.personId === row.id)
      .map(({ role, unitId, unitName, levelKey }) => ({ role, unitId, unitName, levelKey })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A page of the people the caller may see (themselves and everyone holding a role in their branch of the network;
 * a school-wide reader sees every account), filtered by unit subtree and searched by name or username. Open to
 * every signed-in person: their branch is the access check.
 */
export async function listPeople(caller: Caller, filter: PersonListFilter): Promise<Page<PersonView>> {
  const { tx, me } = caller;
  const branch = branchOf(me);
  let underPath: string | undefined;
  if (filter.unitId) {
    const unit = await findUnitInBranch(tx, branch, filter.unitId);
    if (!unit) throw problems.notFound(`没有这个单位 / No unit ${filter.unitId}`);
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
    items: rows.map((row) => personView(row, roles)),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** One person the caller may see (see {@link listPeople}), with their roles; 404 otherwise. */
export async function getPerson(caller: Caller, id: string): Promise<PersonView> {
  const { tx, me } = caller;
  const branch = branchOf(me);
  const row = await findVisiblePerson(tx, branch, me.person.id, id);
  if (!row) throw noSuchPerson(id);
  return personView(row, await rolesInBranch(tx, branch, [id]));
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
      errors.push({ field: `roles.${index}.unitId`, message: `没有这个单位 / No unit ${assignment.unitId}` });
    } else if (seen.has(key)) {
      errors.push({ field: `roles.${index}`, message: '重复的角色 / This role is listed twice' });
    }
    seen.add(key);
  });
  if (errors.length > 0) throw problems.validation(errors);
  if (requested.some((assignment) => !administers(admins, found.get(assignment.unitId)!.path))) {
    throw problems.forbidden('角色所在单位不在您管理的范围内 / A role sits outside the units you administer');
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
    throw problems.conflict(`用户名 ${input.username} 已被使用 / Username ${input.username} is taken`, [
      { field: 'username', message: '用户名已被使用 / Taken' },
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
  return personView(row, await rolesInBranch(tx, branch, [row.id]));
}

/**
 * Change an account's name, disabled flag or roles (school administrators only). Roles are replaced on the units
 * the caller administers; roles elsewhere are kept. Disabling ends every session of the account at once (the
 * session middleware also refuses a disabled account on its next request). An administrator cannot disable
 * themselves or drop their own administrator role. Audited as `person.update` or `person.disable`.
 */
export async function updatePerson(caller: Caller, id: string, input: UpdatePersonInput): Promise<PersonView> {
  requirePermission(caller, 'people.manage');
  const { tx, me } = caller;
  const admins = rolesGranting(me, 'people.manage');
  const branch = branchOf(me);
  const target = await findVisiblePerson(tx, branch, me.person.id, id);
  if (!target) throw noSuchPerson(id);
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
  return personView(row, await rolesInBranch(tx, branch, [id]));
}

function outsideAdministration() {
  return problems.forbidden(
    '此人的角色不在您管理的范围内 / This person works outside the units you administer',
  );
}

function assertNoSelfLockout(admins: readonly RoleOnUnit[], input: UpdatePersonInput): void {
  if (input.disabled === true) {
    throw problems.validation([
      { field: 'disabled', message: '不能停用自己的账号 / You cannot disable your own account' },
    ]);
  }
  const keepsAdmin = input.roles?.some(
    (r) =>
      grants(r.role, 'people.manage') && admins.some((m) => m.role === r.role && m.unitId === r.unitId),
  );
  if (input.roles && !keepsAdmin) {
    throw problems.validation([
      { field: 'roles', message: '不能移除自己的管理员角色 / You cannot remove your own administrator role' },
    ]);
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
