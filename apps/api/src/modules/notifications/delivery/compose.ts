import type { notificationOutbox } from '@xinqiao/db';
import type { Channel } from '../channels/config.ts';

/** A stored outbox message. */
export type OutboxRow = typeof notificationOutbox.$inferSelect;

/** One message as a channel sends it. */
export interface OutgoingMessage {
  /** The outbox id: the receiver's dedupe key (the e-mail's Message-ID, the webhook's Idempotency-Key). */
  id: string;
  /** The e-mail address ('' for a group robot). */
  to: string;
  subject: string;
  text: string;
}

/**
 * The message a channel sends for an outbox row: the stored text, its last line (the shell path) made a full link
 * with the channel's site address when it has one.
 *
 * @example
 * composeOutgoing(row, channel).text; // '…\nhttps://xinqiao.example.edu.cn/college-station/follow-ups'
 */
export function composeOutgoing(
  row: Pick<OutboxRow, 'id' | 'recipient' | 'subject' | 'body'>,
  channel: Channel,
): OutgoingMessage {
  const lines = row.body.split('\n');
  const path = lines.at(-1) ?? '';
  const site = channel.config.siteUrl.replace(/\/+$/, '');
  if (site && path.startsWith('/')) lines[lines.length - 1] = `${site}${path}`;
  return { id: row.id, to: row.recipient, subject: row.subject, text: lines.join('\n') };
}
