import { toChinaDate } from '@xinqiao/calendar';
import type { ConcernStatus, Role, TenantTx } from '@xinqiao/db';
import { OFFICE_MODULES } from '../frontends/registry.ts';
import { notify } from '../notifications/notify.ts';
import { rolesOfPeople } from './queries.ts';

const opens = (moduleId: string, roles: readonly Role[]) =>
  OFFICE_MODULES.find((m) => m.id === moduleId)?.roles.some((role) => roles.includes(role)) ?? false;

/**
 * The shell path where a person with these roles triages a report: its page in the college station, which the
 * station, counsellors and the center open. Anyone else (no role here triages) is sent home.
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

/** A new report, as its recipients are told of it. */
export interface ReportNotice {
  reportId: string;
  /** The assignee and, when the plugin says so, the station heads; the reporter is left out by the caller. */
  recipients: readonly string[];
  urgency: 'routine' | 'urgent';
  selfHarm: boolean;
  dueAt: Date;
}

/**
 * Tells the people a new report goes to, in the app and by the school's outbound channels, in the caller's
 * transaction (through the notifications service's outbox). An urgent or self-harm report is `concern.urgent`
 * ("act now"), a routine one `concern.reported` with its day; what goes out is a count and a date, never the
 * student, the signs or whether self-harm was reported (PIPL art. 28). Recipients are grouped by the link their
 * roles open.
 */
export async function notifyReport(tx: TenantTx, schoolId: string, notice: ReportNotice): Promise<void> {
  const pressing = notice.urgency === 'urgent' || notice.selfHarm;
  const roles = await rolesOfPeople(tx, notice.recipients);
  const byLink = new Map<string, string[]>();
  for (const id of notice.recipients) {
    const link = concernLink(roles.get(id) ?? [], notice.reportId);
    byLink.set(link, [...(byLink.get(link) ?? []), id]);
  }
  for (const [link, recipients] of byLink) {
    await notify(tx, {
      schoolId,
      recipients,
      kind: pressing ? 'concern.urgent' : 'concern.reported',
      params: {
        count: 1,
        urgency: notice.urgency,
        selfHarm: notice.selfHarm ? 1 : 0,
        dueAt: notice.dueAt.toISOString(),
      },
      link,
      outbound: pressing ? { count: 1 } : { count: 1, dueOn: toChinaDate(notice.dueAt) },
    });
  }
}

/** Tells a reporter that what they filed has a new status: the status only, in the app and outbound as a count. */
export async function notifyReporter(
  tx: TenantTx,
  schoolId: string,
  reporterId: string,
  status: ConcernStatus,
): Promise<void> {
  const roles = (await rolesOfPeople(tx, [reporterId])).get(reporterId) ?? [];
  await notify(tx, {
    schoolId,
    recipients: [reporterId],
    kind: 'concern.status',
    params: { status },
    link: filedConcernsLink(roles),
    outbound: { count: 1 },
  });
}
