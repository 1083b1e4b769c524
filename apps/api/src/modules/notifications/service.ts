import type { Caller } from '../../auth/caller.ts';
import { limitOffset } from '../../http/pagination.ts';
import { problem } from '../../http/problem.ts';
import {
  countNotifications,
  listNotifications,
  markAllRead,
  markRead,
  type NotificationRow,
} from './queries.ts';
import type { NotificationListFilter, NotificationPage, NotificationView } from './schemas.ts';

// Everyone signed in has notifications of their own: no permission gates these, RLS shows each person theirs.

/** A notification as the API answers it. */
export function presentNotification(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    params: row.params,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A page of the caller's notifications, newest first, with their unread count in all (the bell's number).
 *
 * @example
 * const page = await listMyNotifications(caller, { page: 1, pageSize: 20 }); // page.unread → 3
 */
export async function listMyNotifications(
  caller: Caller,
  filter: NotificationListFilter,
): Promise<NotificationPage> {
  const me = caller.me.person.id;
  const unreadOnly = filter.unread === 'true';
  const [rows, total, unread] = [
    await listNotifications(caller.tx, me, { unreadOnly, ...limitOffset(filter) }),
    await countNotifications(caller.tx, me, unreadOnly),
    await countNotifications(caller.tx, me, true),
  ];
  return {
    items: rows.map(presentNotification),
    total,
    unread,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** Marks one of the caller's notifications read (again: no change); 404 for anyone else's. */
export async function markMyNotificationRead(caller: Caller, id: string): Promise<NotificationView> {
  const row = await markRead(caller.tx, caller.me.person.id, id);
  if (!row) throw problem('notifications.not-found');
  return presentNotification(row);
}

/** Marks all the caller's notifications read; answers how many were unread. */
export async function markAllMyNotificationsRead(caller: Caller): Promise<{ marked: number }> {
  return { marked: await markAllRead(caller.tx, caller.me.person.id) };
}
