import type { PersonRow, RoleRow } from './queries.ts';
import type { PersonView } from './schemas.ts';

/** An account as the API shows it, with the roles the caller may see. */
export function presentPerson(row: PersonRow, roles: readonly RoleRow[]): PersonView {
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
