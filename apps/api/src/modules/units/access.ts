import type { Role } from '@xinqiao/db';
import type { Me, RoleOnUnit } from '../../auth/session-types.ts';

/**
 * Who may change the network. A school administrator changes the subtree of the unit they administer (the whole
 * school for a role on the root); a center director changes what lies under the center. Nobody else writes units.
 * Reading is wider: see `branch.ts`.
 */
export const UNIT_WRITER_ROLES: readonly Role[] = ['school_admin', 'center_director'];

/** Whether `me` holds any role that may write units somewhere (the first gate of every unit write). */
export function mayWriteUnits(me: Pick<Me, 'roles'>): boolean {
  return me.roles.some((role) => UNIT_WRITER_ROLES.includes(role.role));
}

/**
 * The role that lets `me` add a child to the unit at `parentPath`: a school admin over that unit, or a center
 * director whose center is that unit or above it.
 *
 * @example
 * ```ts
 * roleToAddUnder(me, parent.path); // undefined → 403
 * ```
 */
export function roleToAddUnder(me: Pick<Me, 'roles'>, parentPath: string): RoleOnUnit | undefined {
  return me.roles.find(
    (role) => UNIT_WRITER_ROLES.includes(role.role) && parentPath.startsWith(role.unitPath),
  );
}

/**
 * The role that lets `me` rename the unit at `unitPath`: a school admin over it, or a center director for a unit
 * strictly below the center (the center itself is the school's to name).
 */
export function roleToRename(me: Pick<Me, 'roles'>, unitPath: string): RoleOnUnit | undefined {
  return me.roles.find(
    (role) =>
      (role.role === 'school_admin' && unitPath.startsWith(role.unitPath)) ||
      (role.role === 'center_director' && unitPath.startsWith(role.unitPath) && unitPath !== role.unitPath),
  );
}
