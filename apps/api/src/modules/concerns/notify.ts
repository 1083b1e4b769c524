import { notifications, type Role, type TenantTx } from '@xinqiao/db';
import { OFFICE_MODULES } from '../frontends/registry.ts';

const opens = (moduleId: string, roles: readonly Role[]) =>
  OFFICE_MODULES.find((m) => m.id === moduleId)?.roles.some((role) => roles.includes(role)) ?? false;

/**
 * The shell path where a person with these roles triages a report: its page in the college station. The center
 * has no concern screen of its own yet: it is sent home, where My work counts the report.
 *
 * @example
 * concernLink(['counsellor'], id); // '/college-station/concerns/<id>'
 */
export function concernLink(roles: readonly Role[], reportId: string): string {
  return opens('college-station', roles) ? `/college-station/concerns/${reportId}` : '/';
}

/** Where a reporter follows the status of what they filed. */
export function filedConcernsLink(roles: readonly Role[]): string {
  return opens('college-station', roles) ? '/college-station/concerns/mine' : '/';
}

/** One in-app notification: what happened (`kind`, `params`: no name, no finding) and where it is handled. */
export interface ConcernNotice {
  recipientId: string;
  kind: 'concern.reported' | 'concern.status';
  params: Record<string, string | number>;
  link: string;
}

/**
 * Tells people in the app, in the caller's transaction (committed with the report, or not at all). The rows are
 * the recipients' to read, not the caller's, so nothing is read back (no RETURNING: RLS would refuse it).
 */
export async function notifyInApp(
  tx: TenantTx,
  schoolId: string,
  notices: readonly ConcernNotice[],
): Promise<void> {
  if (notices.length === 0) return;
  await tx.insert(notifications).values(notices.map((notice) => ({ schoolId, ...notice })));
}
