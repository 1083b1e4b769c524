import { z } from '@hono/zod-openapi';
import { orNull } from '../../../http/or-null.ts';
import { EmailConfig, WebhookConfig, webhookFormats } from './config.ts';

const updatedAt = z.string().openapi({ description: 'When the channel was last changed' });

/** The school's SMTP channel as the admin sees it: never the password, only whether one is stored. */
export const EmailChannelSchema = EmailConfig.omit({ password: true })
  .extend({ enabled: z.boolean(), passwordSet: z.boolean(), updatedAt })
  .openapi('EmailChannel');

/** The school's group robot as the admin sees it: the URL with its key hidden, whether a signing secret is stored. */
export const WebhookChannelSchema = z
  .object({
    enabled: z.boolean(),
    urlMasked: z
      .string()
      .openapi({ example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=••••5aaa' }),
    format: z.enum(webhookFormats),
    secretSet: z.boolean(),
    siteUrl: WebhookConfig.shape.siteUrl,
    updatedAt,
  })
  .openapi('WebhookChannel');

export const ChannelsSchema = z
  .object({ email: orNull(EmailChannelSchema), webhook: orNull(WebhookChannelSchema) })
  .openapi('NotificationChannels');
export type ChannelsView = z.infer<typeof ChannelsSchema>;

const writeOnly = (what: string) =>
  `Write-only: leave it out to keep the stored ${what}; it is never answered.`;

/** The SMTP channel as the admin sets it. */
export const EmailChannelInput = EmailConfig.extend({
  enabled: z.boolean(),
  username: EmailConfig.shape.username.default(''),
  password: EmailConfig.shape.password
    .optional()
    .openapi({ description: `${writeOnly('password')} '' removes it.` }),
  siteUrl: EmailConfig.shape.siteUrl.default(''),
}).openapi('EmailChannelInput');
export type EmailChannelInput = z.infer<typeof EmailChannelInput>;

/** The group robot as the admin sets it. */
export const WebhookChannelInput = WebhookConfig.extend({
  enabled: z.boolean(),
  url: WebhookConfig.shape.url
    .optional()
    .openapi({ description: writeOnly('URL (it carries the robot key)') }),
  secret: WebhookConfig.shape.secret
    .optional()
    .openapi({ description: `${writeOnly('secret')} '' removes it.` }),
  siteUrl: WebhookConfig.shape.siteUrl.default(''),
}).openapi('WebhookChannelInput');
export type WebhookChannelInput = z.infer<typeof WebhookChannelInput>;

export const PutChannelsBody = z
  .object({
    email: orNull(EmailChannelInput)
      .optional()
      .openapi({ description: 'null removes the channel; left out, it stays' }),
    webhook: orNull(WebhookChannelInput)
      .optional()
      .openapi({ description: 'null removes the channel; left out, it stays' }),
  })
  .openapi('NotificationChannelsInput');
export type PutChannelsInput = z.infer<typeof PutChannelsBody>;

export const TestChannelBody = z
  .object({
    channel: z.enum(['email', 'webhook']),
    to: z
      .email()
      .optional()
      .openapi({ description: "E-mail only: where the test goes (the admin's own address by default)" }),
  })
  .openapi('NotificationChannelTest');
export type TestChannelInput = z.infer<typeof TestChannelBody>;

export const TestResultSchema = z
  .object({ channel: z.enum(['email', 'webhook']), delivered: z.literal(true), to: z.string() })
  .openapi('NotificationChannelTestResult');
export type TestResult = z.infer<typeof TestResultSchema>;
