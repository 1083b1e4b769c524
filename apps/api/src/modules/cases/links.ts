import type { Role } from '@xinqiao/db';
import { OFFICE_MODULES } from '../frontends/registry.ts';

const opens = (moduleId: string, roles: readonly Role[]) =>
  OFFICE_MODULES.find((m) => m.id === moduleId)?.roles.some((role) => roles.includes(role)) ?? false;

/**
 * The shell path where a person with these roles works on a case: its page in the college station (the station,
 * counsellors, head teachers and the center open it); else the counselling center's follow-up list. Notifications
 * and work items link here.
 *
 * @example
 * caseLink(['counsellor'], id); // '/college-station/cases/<id>'
 */
export function caseLink(roles: readonly Role[], caseId: string): string {
  if (opens('college-station', roles)) return `/college-station/cases/${caseId}`;
  if (opens('counselling-center', roles)) return `/counselling-center/follow-ups?case=${caseId}`;
  return '/';
}
