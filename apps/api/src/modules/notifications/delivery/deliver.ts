import type { JobContext } from '../../../jobs/kind.ts';
import { type Channel, channelOf } from '../channels/config.ts';
import { composeOutgoing, type OutboxRow } from './compose.ts';
import { sendEmail } from './email.ts';
import {
  channelRowsOf,
  claimDueMessages,
  dropMessage,
  failInterruptedMessages,
  markSent,
  markTryFailed,
  nextRetries,
  releaseMessages,
  scheduleDelivery,
} from './queries.ts';
import { sendWebhook } from './webhook.ts';

/** How the outbox is delivered: tries, backoff, leases. The defaults suit production; tests shorten them. */
export interface DeliveryPolicy {
  /** Tries per message, the first included (a process that dies mid-send used one). */
  maxAttempts: number;
  /** Wait before try n+1 after try n failed (n from 1). */
  backoffMs(attempt: number): number;
  /** How long claimed messages stay this process's: never less than a send's whole budget. */
  leaseMs: number;
  /**
   * How long a send waits at each step (connecting, the greeting, each reply for SMTP; the whole request for a
   * webhook). A send that still has not ended after three times this is given up as failed (a server that trickles
   * its replies would otherwise outlast the lease); should it have arrived after all, its retry carries the same
   * Message-ID.
   */
  sendTimeoutMs: number;
  /** Messages claimed at once. */
  batchSize: number;
  /** Called just before a message goes to its channel, and just after the channel took it, before it is marked sent (the crash tests stop the process there). */
  beforeSend?(message: OutboxRow): Promise<void> | void;
  afterSend?(message: OutboxRow): Promise<void> | void;
}

/** 30 s, 1 min, 2 min … doubling up to an hour between tries; eight tries span about an hour. */
export const exponentialBackoff =
  (firstMs: number, capMs = 3_600_000) =>
  (attempt: number) =>
    Math.min(firstMs * 2 ** (attempt - 1), capMs);

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 8,
  backoffMs: exponentialBackoff(30_000),
  leaseMs: 5 * 60_000,
  sendTimeoutMs: 20_000,
  batchSize: 10,
};

/** What one round did. */
export interface DeliveryRound {
  sent: number;
  retrying: number;
  failed: number;
  dropped: number;
}

/** What a round needs of its job: the runner's transactions, the stop signal, and its own kind (to schedule retries). */
export type DeliveryContext = Pick<JobContext, 'asJobRunner' | 'signal'> & {
  kind: { name: string; maxAttempts: number };
};

/**
 * Delivers every due outbox message of a school (or of all schools, for `null`): claims a batch, sends each by its
 * channel and marks it sent right after the channel took it; a failed try waits out its backoff, and after the last
 * one the message is failed for good with the reason. Messages for a channel the school does not use are dropped.
 * What is left in backoff gets a delivery job at its time. Never sends a message twice itself: a message is sent
 * again only when this process dies between the send and the mark, and then with the same Message-ID /
 * Idempotency-Key, so the receiver can tell.
 */
export async function deliverDueMessages(
  ctx: DeliveryContext,
  schoolId: string | null,
  policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
): Promise<DeliveryRound> {
  const round: DeliveryRound = { sent: 0, retrying: 0, failed: 0, dropped: 0 };
  const { maxAttempts } = policy;
  round.failed += await ctx.asJobRunner((tx) => failInterruptedMessages(tx, { schoolId, maxAttempts }));
  while (!ctx.signal.aborted) {
    const leaseEnds = Date.now() + policy.leaseMs;
    const batch = await ctx.asJobRunner((tx) =>
      claimDueMessages(tx, { schoolId, limit: policy.batchSize, leaseMs: policy.leaseMs, maxAttempts }),
    );
    if (batch.length === 0) break;
    const channels = await channelsOf(ctx, batch);
    for (const [index, message] of batch.entries()) {
      if (ctx.signal.aborted || Date.now() + sendBudgetMs(policy) >= leaseEnds - 1_000) {
        const untried = batch.slice(index).map((m) => m.id);
        await ctx.asJobRunner((tx) => releaseMessages(tx, untried));
        break;
      }
      const outcome = await deliverOne(
        ctx,
        message,
        channels.get(`${message.schoolId}:${message.channel}`),
        policy,
      );
      round[outcome]++;
    }
  }
  await scheduleRetries(ctx, schoolId);
  return round;
}

/** Sends one claimed message and records what happened. */
async function deliverOne(
  ctx: DeliveryContext,
  message: OutboxRow,
  channel: Channel | 'unusable' | undefined,
  policy: DeliveryPolicy,
): Promise<keyof DeliveryRound> {
  if (channel === undefined || (channel !== 'unusable' && !channel.enabled)) {
    await ctx.asJobRunner((tx) => dropMessage(tx, message.id));
    return 'dropped';
  }
  try {
    if (channel === 'unusable') throw new Error('the channel settings are incomplete: set them up again');
    await policy.beforeSend?.(message);
    await withDeadline(send(channel, message, policy.sendTimeoutMs), sendBudgetMs(policy));
  } catch (error) {
    const lastTry = message.attempts >= policy.maxAttempts;
    const retryIn = lastTry ? null : policy.backoffMs(message.attempts);
    await ctx.asJobRunner((tx) => markTryFailed(tx, message.id, reasonOf(error), retryIn));
    return lastTry ? 'failed' : 'retrying';
  }
  await policy.afterSend?.(message);
  await ctx.asJobRunner((tx) => markSent(tx, message.id));
  return 'sent';
}

/** Sends a message by its channel (each step waiting at most `timeoutMs`). */
export function send(
  channel: Channel,
  message: Pick<OutboxRow, 'id' | 'recipient' | 'subject' | 'body'>,
  timeoutMs: number,
): Promise<void> {
  const outgoing = composeOutgoing(message, channel);
  return channel.kind === 'email'
    ? sendEmail(channel.config, outgoing, timeoutMs)
    : sendWebhook(channel.config, outgoing, timeoutMs);
}

/** The channels of the schools in a batch, by `school:kind`; 'unusable' when the stored settings do not fit. */
async function channelsOf(ctx: DeliveryContext, batch: readonly OutboxRow[]) {
  const schoolIds = [...new Set(batch.map((m) => m.schoolId))];
  const rows = await ctx.asJobRunner((tx) => channelRowsOf(tx, schoolIds));
  return new Map(rows.map((row) => [`${row.schoolId}:${row.kind}`, channelOf(row) ?? ('unusable' as const)]));
}

/** Gives each school with messages in backoff a delivery job at the earliest one's time. */
async function scheduleRetries(ctx: DeliveryContext, schoolId: string | null): Promise<void> {
  await ctx.asJobRunner(async (tx) => {
    for (const next of await nextRetries(tx, schoolId))
      await scheduleDelivery(tx, ctx.kind, next.schoolId, next.at);
  });
}

/** The most one send may take in all (see {@link DeliveryPolicy.sendTimeoutMs}). */
const sendBudgetMs = (policy: DeliveryPolicy) => policy.sendTimeoutMs * 3;

/** Rejects when `work` takes longer than `ms` (a server that trickles its replies would otherwise outlast the lease). */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 1000);
}
