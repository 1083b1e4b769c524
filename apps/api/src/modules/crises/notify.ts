import type { TenantTx } from '@xinqiao/db';
import { notify } from '../notifications/notify.ts';

/**
 * The shell path of a crisis: its page in the crisis module (apps/office-crisis), which counsellors, head teachers,
 * station heads and the center open. A plain path (an id), so it may go out in e-mail and group messages.
 */
export const crisisLink = (crisisId: string) => `/crisis/${crisisId}`;
/** The crisis board. */
export const crisisBoardLink = '/crisis';

/**
 * Tells the people the protocol names that a crisis was opened (in the app with the level, outbound as a count
 * only: never the student, the level or what happened, PIPL art. 28).
 */
export async function notifyOpened(
  tx: TenantTx,
  schoolId: string,
  crisisId: string,
  recipients: readonly string[],
  level: string,
): Promise<void> {
  await notify(tx, {
    schoolId,
    recipients,
    kind: 'crisis.opened',
    params: { count: 1, level },
    link: crisisLink(crisisId),
    outbound: { count: 1 },
  });
}

/** Tells whom the protocol escalates to that steps of a crisis ran late (outbound: how many, nothing else). */
export async function notifyLate(
  tx: TenantTx,
  schoolId: string,
  crisisId: string,
  recipients: readonly string[],
  steps: readonly string[],
): Promise<void> {
  await notify(tx, {
    schoolId,
    recipients,
    kind: 'crisis.step-late',
    params: { count: steps.length, steps: steps.join(',') },
    link: crisisLink(crisisId),
    outbound: { count: steps.length },
  });
}

/** Tells the center that a closed crisis's review meeting falls due (outbound: a count and the day). */
export async function notifyReviewDue(
  tx: TenantTx,
  schoolId: string,
  crisisId: string,
  recipients: readonly string[],
  dueOn: string,
): Promise<void> {
  await notify(tx, {
    schoolId,
    recipients,
    kind: 'crisis.review-due',
    params: { count: 1, dueOn },
    link: crisisLink(crisisId),
    outbound: { count: 1, dueOn },
  });
}
