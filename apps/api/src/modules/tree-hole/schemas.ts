import { z } from '@hono/zod-openapi';

const iso = z.string().openapi({ description: 'ISO 8601 instant' });

export const TreeHoleNoticeSchema = z
  .object({
    version: z.string(),
    zh: z.string(),
    en: z.string(),
    replyWithin: z
      .object({ minutes: z.number().int(), zh: z.string(), en: z.string() })
      .openapi({ description: 'When the center replies to a message without a safety signal' }),
    plugin: z.object({ id: z.string(), version: z.string() }),
  })
  .openapi('TreeHoleNotice');

export const NewTreeHoleMessageBody = z
  .object({
    body: z.string().trim().min(1).max(5000),
    noticeVersion: z
      .string()
      .min(1)
      .max(32)
      .openapi({ description: 'The notice version the writer read (GET /tree-hole/notice)' }),
  })
  .openapi('NewTreeHoleMessage');

const KeyField = z.string().trim().min(8).max(40).openapi({
  description: 'The one-time key (查看码), dashes and spaces ignored',
  example: 'ABCD-EFGH-JKMN-PQRS',
});

export const TreeHoleWrittenSchema = z
  .object({
    key: z.string().openapi({ description: 'The one-time key to read the replies, shown this once' }),
    safety: z.boolean().openapi({
      description: 'A safety signal was found: the message is escalated; the page shows the help line',
    }),
    replyDueAt: iso,
  })
  .openapi('TreeHoleWritten');

export const TreeHoleKeyBody = z.object({ key: KeyField }).openapi('TreeHoleKey');

export const TreeHoleFollowUpBody = z
  .object({ key: KeyField, body: z.string().trim().min(1).max(5000) })
  .openapi('TreeHoleFollowUp');

const SignalSchema = z.object({ code: z.string(), zh: z.string(), en: z.string() });

export const MyTreeHoleThreadSchema = z
  .object({
    body: z.string(),
    createdAt: iso,
    posts: z.array(z.object({ fromCenter: z.boolean(), body: z.string(), createdAt: iso })),
    nextKey: z.string().openapi({
      description: 'The key used is spent: this one opens the thread next time, shown this once',
    }),
    safety: z.boolean(),
    closed: z
      .boolean()
      .openapi({ description: 'The center closed the conversation: it cannot be written to' }),
  })
  .openapi('MyTreeHoleThread');

const InboxItem = z.object({
  id: z.uuid(),
  excerpt: z.string().openapi({ description: 'The first 120 characters of the message' }),
  createdAt: iso,
  signals: z.array(SignalSchema),
  escalated: z.boolean(),
  writerRevealable: z
    .boolean()
    .openapi({ description: 'The plugin lets the center director see who wrote it (treehole.identify)' }),
  replyDueAt: iso,
  overdue: z.boolean(),
  awaitingReply: z.boolean(),
  answeredAt: iso.nullable(),
  closedAt: iso.nullable().openapi({ description: 'Closed by the center: read-only, listed last' }),
  posts: z.number().int(),
});

export const TreeHoleInboxSchema = z
  .object({
    messages: z.array(InboxItem).openapi({ description: 'Awaiting a reply first, escalated first' }),
  })
  .openapi('TreeHoleInbox');

export const TreeHoleMessageSchema = z
  .object({
    id: z.uuid(),
    body: z.string(),
    createdAt: iso,
    signals: z.array(SignalSchema),
    escalated: z.boolean(),
    writerRevealable: z.boolean(),
    replyDueAt: iso,
    overdue: z.boolean(),
    awaitingReply: z.boolean(),
    closedAt: iso.nullable(),
    decision: z.object({ pluginId: z.string(), pluginVersion: z.string(), ruleNames: z.array(z.string()) }),
    posts: z.array(
      z.object({
        id: z.uuid(),
        fromCenter: z.boolean(),
        authorName: z
          .string()
          .nullable()
          .openapi({ description: 'The member of the center; null for the writer' }),
        body: z.string(),
        createdAt: iso,
      }),
    ),
  })
  .openapi('TreeHoleMessage');

export const TreeHoleReplyBody = z
  .object({ body: z.string().trim().min(1).max(5000) })
  .openapi('TreeHoleReply');

export const TreeHoleWriterSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    studentNumber: z.string(),
    className: z.string(),
    collegeName: z.string(),
  })
  .openapi('TreeHoleWriter');

export const IdParams = z.object({ id: z.uuid() });
export const CreatedSchema = z.object({ id: z.uuid() }).openapi('TreeHoleReplyCreated');
