import { z } from '@hono/zod-openapi';

/** How the SMTP connection is protected: TLS from the start (465), STARTTLS required (587), or none (an intranet relay on 25). */
export const smtpSecurities = ['tls', 'starttls', 'none'] as const;
/** The JSON a group robot takes: 企业微信 or 钉钉 (the same `msgtype: text` shape; 钉钉 may sign its URL). */
export const webhookFormats = ['wecom', 'dingtalk'] as const;

/** The address staff open Xinqiao at, which outbound links start with ('' to send the path alone). */
const SiteUrl = z
  .union([z.literal(''), z.url({ protocol: /^https?$/ }).max(300)])
  .openapi({ example: 'https://xinqiao.example.edu.cn' });

/** A school's SMTP server as stored; the password is write-only (never answered). */
export const EmailConfig = z.object({
  host: z.string().trim().min(1).max(255).openapi({ example: 'smtp.example.edu.cn' }),
  port: z.number().int().min(1).max(65_535).openapi({ example: 465 }),
  security: z.enum(smtpSecurities),
  username: z.string().trim().max(255),
  password: z.string().max(500),
  from: z.email().max(255).openapi({ example: 'xinqiao@example.edu.cn' }),
  siteUrl: SiteUrl,
});
export type EmailConfig = z.infer<typeof EmailConfig>;

/** A group robot as stored; the URL (it carries the robot's key) and the signing secret are write-only. */
export const WebhookConfig = z.object({
  url: z.url({ protocol: /^https?$/ }).max(1000),
  format: z.enum(webhookFormats),
  /** 钉钉's 加签 secret: the URL is then signed with a timestamp on every send. */
  secret: z.string().max(200),
  siteUrl: SiteUrl,
});
export type WebhookConfig = z.infer<typeof WebhookConfig>;

/** A channel of a school as the delivery uses it. */
export type Channel =
  | { kind: 'email'; enabled: boolean; config: EmailConfig }
  | { kind: 'webhook'; enabled: boolean; config: WebhookConfig };

/** A stored channel row, read back into its typed config; undefined when what is stored no longer fits. */
export function channelOf(row: {
  kind: string;
  enabled: boolean;
  config: Record<string, unknown>;
}): Channel | undefined {
  if (row.kind === 'email') {
    const config = EmailConfig.safeParse(row.config);
    return config.success ? { kind: 'email', enabled: row.enabled, config: config.data } : undefined;
  }
  if (row.kind === 'webhook') {
    const config = WebhookConfig.safeParse(row.config);
    return config.success ? { kind: 'webhook', enabled: row.enabled, config: config.data } : undefined;
  }
  return undefined;
}

/**
 * A webhook URL with the values of its query (the robot's key or access token) hidden but for their last four
 * characters, so the admin recognises the robot without the page showing what lets anyone post to the group.
 *
 * @example
 * maskedUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa');
 * // 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=••••5aaa'
 */
export function maskedUrl(url: string): string {
  const parsed = new URL(url);
  const query = [...parsed.searchParams]
    .map(([name, value]) => `${name}=••••${value.length > 8 ? value.slice(-4) : ''}`)
    .join('&');
  return `${parsed.origin}${parsed.pathname}${query ? `?${query}` : ''}`;
}
