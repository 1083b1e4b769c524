import { rolesGranting } from '../../auth/caller.ts';
import { grants } from '../../auth/permissions.ts';
import type { Me, RoleOnUnit } from '../../auth/session-types.ts';

/**
 * The role that lets `me` add a child to the unit at `parentPath`: one granting `network.manage` on that unit or
 * above it (a school admin over it, a center director whose center is that unit or above it). Reading is wider:
 * see `branch.ts`.
 *
 * @example
 * ```ts
 * roleToAddUnder(me, parent.path); // undefined → 403
 * ```
 */
export function roleToAddUnder(me: Pick<Me, 'roles'>, parentPath: string): RoleOnUnit | undefined {
  return rolesGranting(me, 'network.manage').find((role) => parentPath.startsWith(role.unitPath));
}

/**
 * The role that lets `me` rename the unit at `unitPath`: one granting `network.manage` on a unit above it, or on
 * the unit itself when the role also grants `network.rename-own-unit` (a school admin; the center itself is the
 * school's to name, not its director's).
 */
export function roleToRename(me: Pick<Me, 'roles'>, unitPath: string): RoleOnUnit | undefined {
  return rolesGranting(me, 'network.manage').find(
    (role) =>
      unitPath.startsWith(role.unitPath) &&
      (unitPath !== role.unitPath || grants(role.role, 'network.rename-own-unit')),
  );
}
