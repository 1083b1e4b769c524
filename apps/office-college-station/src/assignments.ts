import type { RoleAssignment, RoleId } from '@xinqiao/web-kit';

// Which screens and actions a person gets comes from `session.can(...)` (the API's permission table); these lists
// only say which of the person's roles belong to this office, to name them in the header.

/** The roles of this office that see their students in full: the station, counsellors, head teachers. */
export const FULL_VIEW_ROLES: readonly RoleId[] = ['college_station_head', 'counsellor', 'head_teacher'];

/** The roles that observe and report: class psych committee members and dorm liaisons (the reduced view). */
export const REDUCED_VIEW_ROLES: readonly RoleId[] = ['class_committee', 'dorm_liaison'];

/** The person's assignments in this office, full-view roles first, for the header. */
export function officeAssignments(roles: readonly RoleAssignment[]): RoleAssignment[] {
  const rank = (role: RoleId) => (FULL_VIEW_ROLES.includes(role) ? 0 : 1);
  return roles
    .filter((r) => FULL_VIEW_ROLES.includes(r.role) || REDUCED_VIEW_ROLES.includes(r.role))
    .sort((a, b) => rank(a.role) - rank(b.role));
}
