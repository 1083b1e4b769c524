import { createHmac } from 'node:crypto';
import type { WebhookConfig } from '../channels/config.ts';
import type { OutgoingMessage } from './compose.ts';

/** The JSON a group robot takes: 企业微信 and 钉钉 both read `{"msgtype":"text","text":{"content":…}}`. */
export function robotBody(message: Pick<OutgoingMessage, 'text'>): {
  msgtype: 'text';
  text: { content: string };
} {
  return { msgtype: 'text', text: { content: message.text } };
}

/**
 * 钉钉's 加签: the robot's URL with `timestamp` (ms) and `sign`, the HMAC-SHA256 of "timestamp\nsecret" keyed with
 * the secret, in base64.
 */
export function signedDingTalkUrl(url: string, secret: string, timestamp: number): string {
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestamp));
  signed.searchParams.set('sign', sign);
  return signed.toString();
}

/**
 * Posts one message to a group robot and resolves once it took it: a 2xx answer whose `errcode`, when the robot
 * sends one (企业微信 and 钉钉 answer 200 with an errcode on a refusal), is 0. Carries the outbox id as
 * `Idempotency-Key`, so a receiver that keeps the keys it saw can drop a message sent again after a crash.
 */
export async function sendWebhook(
  config: WebhookConfig,
  message: OutgoingMessage,
  timeoutMs: number,
  now: () => number = Date.now,
): Promise<void> {
  const url =
    config.format === 'dingtalk' && config.secret
      ? signedDingTalkUrl(config.url, config.secret, now())
      : config.url;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': message.id },
    body: JSON.stringify(robotBody(message)),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const reply = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${reply.slice(0, 300)}`);
  const errcode = errcodeOf(reply);
  if (errcode !== undefined && errcode !== 0) throw new Error(`robot refused it: ${reply.slice(0, 300)}`);
}

function errcodeOf(reply: string): number | undefined {
  try {
    const parsed = JSON.parse(reply) as { errcode?: unknown };
    return typeof parsed.errcode === 'number' ? parsed.errcode : undefined;
  } catch {
    return undefined;
  }
}
