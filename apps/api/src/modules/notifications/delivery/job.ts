import { z } from 'zod';
import { defineJob } from '../../../jobs/kind.ts';
import { defineIntervalSchedule } from '../../../jobs/schedule.ts';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy, deliverDueMessages } from './deliver.ts';
import { purgeFinishedMessages } from './queries.ts';

/** Days a sent or failed outbox message is kept (to answer "was it sent?") before the sweep deletes it. */
export const OUTBOX_KEEP_DAYS = 30;
const NAME = 'notifications.deliver';

/**
 * The job that delivers the notification outbox: enqueued by `notify` in the event's own transaction for its
 * school, again by itself at the time of a retry, and every few minutes for all schools by {@link outboxSweep}
 * (which also deletes messages finished more than {@link OUTBOX_KEEP_DAYS} days ago). The job's own retries cover
 * a failure of the database; a failed send is the message's to retry (see {@link DeliveryPolicy}).
 */
export function defineDeliveryJob(policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY) {
  const retry = { maxAttempts: 3, backoffMs: (attempt: number) => attempt * 10_000 };
  return defineJob({
    name: NAME,
    payload: z.object({}),
    retry,
    async run(_payload, ctx) {
      const kind = { name: NAME, maxAttempts: retry.maxAttempts };
      const round = await deliverDueMessages({ ...ctx, kind }, ctx.job.schoolId, policy);
      if (ctx.job.schoolId === null) {
        const before = new Date(ctx.deps.clock().getTime() - OUTBOX_KEEP_DAYS * 86_400_000);
        await ctx.asJobRunner((tx) => purgeFinishedMessages(tx, before));
      }
      if (round.sent + round.failed + round.retrying > 0) {
        ctx.deps.log(
          `notifications: ${round.sent} sent, ${round.retrying} to retry, ${round.failed} failed, ${round.dropped} dropped`,
        );
      }
    },
  });
}

/** The delivery job as the API runs it. */
export const deliverNotificationsJob = defineDeliveryJob();

/** Every five minutes, all schools: messages whose job was lost (or failed for good) still go out. */
export const outboxSweep = defineIntervalSchedule({
  name: 'notification-outbox-sweep',
  kind: deliverNotificationsJob,
  payload: {},
  everyMinutes: 5,
});
