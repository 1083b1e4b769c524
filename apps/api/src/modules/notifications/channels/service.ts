import { randomUUID } from 'node:crypto';
import { type NotificationChannelKind, people } from '@xinqiao/db';
import { eq } from 'drizzle-orm';
import { type Caller, requirePermission } from '../../../auth/caller.ts';
import { fieldError, invalidFields, problem } from '../../../http/problem.ts';
import { recordAccess } from '../../audit/record.ts';
import { send } from '../delivery/deliver.ts';
import { outboundText } from '../kinds.ts';
import { channelOf, EmailConfig, maskedUrl, WebhookConfig } from './config.ts';
import { type ChannelRow, deleteChannel, listChannelRows, saveChannel } from './queries.ts';
import type {
  ChannelsView,
  EmailChannelInput,
  PutChannelsInput,
  TestChannelInput,
  TestResult,
  WebhookChannelInput,
} from './schemas.ts';

/** How long a test send waits at each step: the admin is waiting for the answer. */
const TEST_TIMEOUT_MS = 10_000;

/** The school's channels as the admin sees them: settings without the password, the robot's key or its secret. */
export function presentChannels(rows: readonly ChannelRow[]): ChannelsView {
  const view: ChannelsView = { email: null, webhook: null };
  for (const row of rows) {
    const channel = channelOf(row);
    const updatedAt = row.updatedAt.toISOString();
    if (channel?.kind === 'email') {
      const { password, ...config } = channel.config;
      view.email = { ...config, enabled: row.enabled, passwordSet: password !== '', updatedAt };
    } else if (channel?.kind === 'webhook') {
      const { url, secret, format, siteUrl } = channel.config;
      view.webhook = {
        enabled: row.enabled,
        urlMasked: maskedUrl(url),
        format,
        secretSet: secret !== '',
        siteUrl,
        updatedAt,
      };
    }
  }
  return view;
}

/**
 * The school's outbound channels (school admins: `notifications.manage`; RLS checks the same capability).
 *
 * @example
 * const { email, webhook } = await getChannels(caller); // email?.passwordSet, never the password
 */
export async function getChannels(caller: Caller): Promise<ChannelsView> {
  requirePermission(caller, 'notifications.manage');
  return presentChannels(await listChannelRows(caller.tx));
}

/**
 * Sets the school's channels: a channel given is stored (its write-only password, robot URL or secret kept when
 * left out), `null` removes it, one left out stays as it is. Audited as 'notification_channels.update'.
 *
 * @example
 * await putChannels(caller, { email: { enabled: true, host: 'smtp.example.edu.cn', port: 465, security: 'tls', from: 'xinqiao@example.edu.cn' } });
 */
export async function putChannels(caller: Caller, input: PutChannelsInput): Promise<ChannelsView> {
  requirePermission(caller, 'notifications.manage');
  const { tx } = caller;
  const stored = new Map((await listChannelRows(tx)).map((row) => [row.kind, channelOf(row)]));
  if (input.email === null) await deleteChannel(tx, 'email');
  else if (input.email) {
    const before = stored.get('email');
    const { enabled, config } = emailSettings(
      input.email,
      before?.kind === 'email' ? before.config : undefined,
    );
    await saveChannel(tx, caller.me.school.id, 'email', { enabled, config });
  }
  if (input.webhook === null) await deleteChannel(tx, 'webhook');
  else if (input.webhook) {
    const before = stored.get('webhook');
    const { enabled, config } = webhookSettings(
      input.webhook,
      before?.kind === 'webhook' ? before.config : undefined,
    );
    await saveChannel(tx, caller.me.school.id, 'webhook', { enabled, config });
  }
  await recordAccess(tx, caller.me, {
    action: 'notification_channels.update',
    entity: 'notification_channel',
    purpose: caller.purpose,
  });
  return presentChannels(await listChannelRows(tx));
}

function emailSettings(input: EmailChannelInput, before: EmailConfig | undefined) {
  const { enabled, password, ...rest } = input;
  return { enabled, config: EmailConfig.parse({ ...rest, password: password ?? before?.password ?? '' }) };
}

function webhookSettings(input: WebhookChannelInput, before: WebhookConfig | undefined) {
  const { enabled, url, secret, ...rest } = input;
  const storedUrl = url ?? before?.url;
  if (!storedUrl) throw invalidFields([fieldError('webhook.url', 'field.required')]);
  return {
    enabled,
    config: WebhookConfig.parse({ ...rest, url: storedUrl, secret: secret ?? before?.secret ?? '' }),
  };
}

/** A test send made ready in a transaction: the channel's settings and where the message goes. */
export interface PreparedTestSend {
  channel: NonNullable<ReturnType<typeof channelOf>>;
  to: string;
}

/**
 * Sends a test message by a stored channel, at once, and answers whether it arrived: 409 when the channel is not
 * set up, 400 naming `to` when an e-mail test has nowhere to go (the admin's account has no address), 502 with the
 * server's reason when it refused. Audited as 'notification_channels.test'. The route does the three steps apart
 * ({@link prepareTestSend} in a short transaction, {@link deliverTestSend} with none open, {@link recordTestSend}
 * in the request's), so no transaction is held while another server answers.
 */
export async function testChannel(caller: Caller, input: TestChannelInput): Promise<TestResult> {
  const prepared = await prepareTestSend(caller, input);
  await deliverTestSend(prepared);
  return recordTestSend(caller, prepared);
}

/** The permission check and what a test send needs from the database (the channel, the admin's address). */
export async function prepareTestSend(caller: Caller, input: TestChannelInput): Promise<PreparedTestSend> {
  requirePermission(caller, 'notifications.manage');
  const row = (await listChannelRows(caller.tx)).find((r) => r.kind === input.channel);
  const channel = row && channelOf(row);
  if (!channel) throw problem('notifications.channel-not-set-up', { channel: input.channel });
  const to = channel.kind === 'email' ? (input.to ?? (await ownAddress(caller))) : '';
  if (channel.kind === 'email' && !to) throw invalidFields([fieldError('to', 'notifications.no-address')]);
  return { channel, to };
}

/** Sends the test message (no transaction needed); 502 `notifications.test-failed` with the server's reason. */
export async function deliverTestSend({ channel, to }: PreparedTestSend): Promise<void> {
  const text = outboundText('notifications.test', { count: 1 }, '/');
  try {
    await send(channel, { id: randomUUID(), recipient: to, ...text }, TEST_TIMEOUT_MS);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw problem('notifications.test-failed', { channel: channel.kind, reason: reason.slice(0, 300) });
  }
}

/** Audits a test message that went, and answers it. */
export async function recordTestSend(caller: Caller, { channel, to }: PreparedTestSend): Promise<TestResult> {
  requirePermission(caller, 'notifications.manage');
  await recordAccess(caller.tx, caller.me, {
    action: 'notification_channels.test',
    entity: 'notification_channel',
    purpose: caller.purpose,
  });
  return { channel: channel.kind as NotificationChannelKind, delivered: true, to };
}

async function ownAddress(caller: Caller): Promise<string> {
  const [me] = await caller.tx
    .select({ email: people.email })
    .from(people)
    .where(eq(people.id, caller.me.person.id));
  return me?.email ?? '';
}
