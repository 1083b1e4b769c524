import type { TenantScope, TenantTx } from '@xinqiao/db';
import type { Context } from 'hono';
import type { AuthedEnv } from '../context.ts';
import { problem } from '../http/problem.ts';
import { statedPurpose } from '../modules/audit/record.ts';
import { type Permission, permissionsOf } from './permissions.ts';
import type { Me, RoleOnUnit } from './session-types.ts';

/**
 * Who is acting, inside which transaction, with which scope, what their roles allow, and why (the purpose every
 * audit row records). Every service function takes one and starts with its access check on it.
 */
export interface Caller {
  tx: TenantTx;
  me: Me;
  scope: TenantScope;
  /** What the caller's roles allow (`ROLE_PERMISSIONS`), sorted. */
  permissions: readonly Permission[];
  purpose: string;
}

/**
 * The caller of a request: its tenant transaction, person, scope, permissions, and the purpose stated in
 * `x-access-purpose` or else `defaultPurpose`. Routes build it once and hand it to the service.
 *
 * @example
 * ```ts
 * const row = await readStudent(callerOf(c, '查看学生信息 / student record'), id, 'student.read');
 * ```
 */
export function callerOf(c: Context<AuthedEnv>, defaultPurpose: string): Caller {
  const purpose = statedPurpose(c.req.header('x-access-purpose'), defaultPurpose);
  return callerFor(c.var.tx, c.var.me, c.var.scope, purpose);
}

/**
 * A caller outside a request (the command line, a background job): the same shape, the same permissions.
 *
 * @example
 * ```ts
 * const caller = callerFor(tx, me, scopeOf(schoolId, personId, me.roles), '导入筛查结果 / screening import');
 * ```
 */
export function callerFor(tx: TenantTx, me: Me, scope: TenantScope, purpose: string): Caller {
  return { tx, me, scope, permissions: permissionsOf(me.roles.map((r) => r.role)), purpose };
}

/** Whether the caller's roles allow `permission` (to choose what to show; refuse with {@link requirePermission}). */
export function can(caller: Pick<Caller, 'permissions'>, permission: Permission): boolean {
  return caller.permissions.includes(permission);
}

/**
 * The access check every service function starts with: throws the 403 problem `auth.permission-denied` unless the
 * caller's roles allow `permission`; its detail is the permission's refusal in the request's language
 * (http/problem-messages/{zh-CN,en}/permissions.ts).
 *
 * @example
 * ```ts
 * export async function openCase(caller: Caller, input: CreateCaseInput) {
 *   requirePermission(caller, 'cases.write');
 *   …
 * }
 * ```
 */
export function requirePermission(caller: Pick<Caller, 'permissions'>, permission: Permission): void {
  if (!can(caller, permission)) throw problem('auth.permission-denied', { permission });
}

/**
 * The caller's role assignments that grant `permission`, each with its unit: for checks that depend on where in
 * the network the permission is held (a school admin manages the accounts below their own unit only).
 *
 * @example
 * ```ts
 * const admins = rolesGranting(caller.me, 'people.manage'); // [] → 403
 * ```
 */
export function rolesGranting(me: Pick<Me, 'roles'>, permission: Permission): RoleOnUnit[] {
  return me.roles.filter((r) => permissionsOf([r.role]).includes(permission));
}
