import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../http/pagination.ts';
import { notificationKinds } from './kinds.ts';

/** One in-app notification of the caller. */
export const NotificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().openapi({
      description: `What happened; the screen renders it from \`params\` in the reader's language. One of: ${notificationKinds.join(', ')}`,
      example: 'case.assigned',
    }),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    link: z
      .string()
      .openapi({ description: 'The shell path where it is handled', example: '/college-station/follow-ups' }),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Notification');
export type NotificationView = z.infer<typeof NotificationSchema>;

/** A page of the caller's notifications, newest first, with how many are unread in all. */
export const NotificationPageSchema = z
  .object({
    items: z.array(NotificationSchema),
    total: z.number().int().openapi({ description: 'Notifications across all pages (of the filter)' }),
    unread: z.number().int().openapi({ description: 'Unread notifications of the caller in all' }),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('NotificationPage');
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const NotificationListQuery = PageQuery.extend({
  unread: z.enum(['true', 'false']).optional().openapi({ description: "'true': only the unread ones" }),
});
export type NotificationListFilter = z.infer<typeof NotificationListQuery>;

export const NotificationIdParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const ReadAllSchema = z.object({ marked: z.number().int() }).openapi('NotificationsMarkedRead');
