import type { Role } from '@xinqiao/db';
import { OFFICE_MODULES } from '../frontends/registry.ts';

const opens = (moduleId: string, roles: readonly Role[]) =>
  OFFICE_MODULES.find((m) => m.id === moduleId)?.roles.some((role) => roles.includes(role)) ?? false;

/**
 * The shell path where a person with these roles works on a case: its page in the college station for the
 * station, counsellors and head teachers; the follow-up list of the counselling center for the center (which has
 * no case page of its own yet). Notifications and work items link here.
 *
 * @example
 * caseLink(['counsellor'], id); // '/college-station/cases/<id>'
 */
export function caseLink(roles: readonly Role[], caseId: string): string {
  if (opens('college-station', roles)) return `/college-station/cases/${caseId}`;
  if (opens('counselling-center', roles)) return `/counselling-center/follow-ups?case=${caseId}`;
  return '/';
}

/** Where a person with these roles finds the unassigned cases of their subtree (the follow-up list, unassigned). */
export function unassignedLink(roles: readonly Role[]): string {
  if (opens('college-station', roles)) return '/college-station/follow-ups?responsible=none';
  if (opens('counselling-center', roles)) return '/counselling-center/follow-ups?responsible=none';
  return '/';
}
