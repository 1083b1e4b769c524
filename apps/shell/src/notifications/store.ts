import { api } from '@xinqiao/web-kit';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Notification } from './text.ts';

/** Notifications fetched at a time. */
export const NOTIFICATION_PAGE_SIZE = 20;

/**
 * The signed-in person's notifications: the unread count the bell shows, and the newest ones its list shows.
 * `refresh` reads the first page again (the bell calls it on a timer and when the list opens).
 */
export const useNotificationsStore = defineStore('xinqiao-notifications', () => {
  const items = ref<Notification[]>([]);
  const unread = ref(0);
  const total = ref(0);
  const error = ref<unknown>(null);
  let pages = 0;

  async function read(page: number) {
    return api.GET('/api/notifications', { params: { query: { page, pageSize: NOTIFICATION_PAGE_SIZE } } });
  }

  async function refresh(): Promise<void> {
    try {
      const first = await read(1);
      items.value = first.items;
      unread.value = first.unread;
      total.value = first.total;
      pages = 1;
      error.value = null;
    } catch (e) {
      error.value = e;
    }
  }

  async function loadMore(): Promise<void> {
    const next = await read(pages + 1);
    const known = new Set(items.value.map((n) => n.id));
    items.value = [...items.value, ...next.items.filter((n) => !known.has(n.id))];
    unread.value = next.unread;
    total.value = next.total;
    pages += 1;
  }

  async function markRead(notification: Notification): Promise<void> {
    if (notification.readAt) return;
    const read = await api.POST('/api/notifications/{id}/read', {
      params: { path: { id: notification.id } },
    });
    items.value = items.value.map((n) => (n.id === read.id ? read : n));
    unread.value = Math.max(0, unread.value - 1);
  }

  async function markAllRead(): Promise<void> {
    await api.POST('/api/notifications/read-all');
    const now = new Date().toISOString();
    items.value = items.value.map((n) => (n.readAt ? n : { ...n, readAt: now }));
    unread.value = 0;
  }

  function reset(): void {
    items.value = [];
    unread.value = 0;
    total.value = 0;
    error.value = null;
    pages = 0;
  }

  return { items, unread, total, error, refresh, loadMore, markRead, markAllRead, reset };
});
