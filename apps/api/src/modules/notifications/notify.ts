import { notificationOutbox, notifications, people, type TenantTx } from '@xinqiao/db';
import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { enqueueJob } from '../../jobs/enqueue.ts';
import { deliverNotificationsJob } from './delivery/job.ts';
import { type NotificationKind, type OutboundFacts, outboundText } from './kinds.ts';

/** What happened, for whom, and what may leave the platform about it. */
export interface NotifyInput {
  schoolId: string;
  /** People of the school to tell; repeated ids are told once. */
  recipients: readonly string[];
  kind: NotificationKind;
  /** What the in-app list renders the kind with (it stays inside the platform, read by the recipient alone). */
  params: Record<string, string | number>;
  /** The shell path where it is handled. */
  link: string;
  /**
   * Send it out as well, by the school's e-mail and group-robot channels: only counts and dates go out, never
   * `params` (see {@link OutboundFacts}).
   */
  outbound?: OutboundFacts;
  /**
   * Where the e-mails go instead of the recipients' own accounts' addresses (a student's reminder: the address on
   * their student record). Each address once.
   */
  outboundAddresses?: readonly string[];
  /**
   * Whether the school's group robot gets one message too (default yes). No for what concerns students only: the
   * group is the staff's.
   */
  groupMessage?: boolean;
}

/** Transactions that already enqueued a delivery job: one job per transaction is enough. */
const deliveryEnqueued = new WeakSet<TenantTx>();

/**
 * Tells people that something waits for them, inside the caller's own transaction: one in-app notification per
 * recipient, and with `outbound`, one outbox message per recipient with an e-mail address and one for the school's
 * group robot, plus the job that delivers them. All of it commits or rolls back with the event itself, so a
 * message is neither lost when the process dies after the commit nor sent for an event that did not happen.
 *
 * Written without RETURNING: a request may add notifications and outbox messages for anyone of its school but
 * reads back only its own notifications (RLS). Whether the school has a channel turned on is the delivery job's to
 * check: channel settings are the school admin's and the job runner's to read, not the caller's; messages of a
 * channel the school does not use are dropped there.
 *
 * @example
 * await notify(caller.tx, {
 *   schoolId: caller.me.school.id, recipients: [assigneeId], kind: 'case.assigned',
 *   params: { caseKind: 'follow_up', dueDate: '2026-12-09' }, link: `/college-station/cases/${caseId}`,
 *   outbound: { count: 1, dueOn: '2026-12-09' },
 * });
 */
export async function notify(tx: TenantTx, input: NotifyInput): Promise<void> {
  const recipients = [...new Set(input.recipients)];
  if (recipients.length === 0) return;
  const text = input.outbound ? outboundText(input.kind, input.outbound, input.link) : undefined;
  const { schoolId, kind, params, link } = input;
  await tx
    .insert(notifications)
    .values(recipients.map((recipientId) => ({ schoolId, recipientId, kind, params, link })));
  if (!text) return;
  const addresses = input.outboundAddresses
    ? [...new Set(input.outboundAddresses)].sort()
    : await emailAddressesOf(tx, recipients);
  const messages = [
    ...addresses.map((recipient) => ({ schoolId, channel: 'email' as const, recipient, ...text })),
    ...(input.groupMessage === false
      ? []
      : [{ schoolId, channel: 'webhook' as const, recipient: '', ...text }]),
  ];
  if (messages.length === 0) return;
  await tx.insert(notificationOutbox).values(messages);
  if (deliveryEnqueued.has(tx)) return;
  await enqueueJob(tx, schoolId, deliverNotificationsJob, {});
  deliveryEnqueued.add(tx);
}

/** The e-mail addresses of the recipients whose accounts are active and have one, each once. */
async function emailAddressesOf(tx: TenantTx, personIds: readonly string[]): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ email: people.email })
    .from(people)
    .where(
      and(
        inArray(people.id, [...personIds]),
        eq(people.disabled, false),
        isNotNull(people.email),
        ne(people.email, ''),
      ),
    );
  return rows.map((row) => row.email!).sort();
}
