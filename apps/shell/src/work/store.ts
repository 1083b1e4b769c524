import { api, type Schemas, useSessionStore } from '@xinqiao/web-kit';
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';

export type WorkCounts = Schemas['MyWorkCounts'];
export type WorkItem = Schemas['WorkItem'];
export type WorkKind = Schemas['WorkKind'];

/** The count the navigation shows for a module path: the items of My work that link into it. */
export function countFor(counts: WorkCounts | null, routePath: string) {
  const base = routePath.replace(/\/+$/, '');
  return counts?.modules.find((m) => m.path === base) ?? null;
}

/**
 * How much work the signed-in person has, for the navigation: total, per kind and per module. Refreshed when the
 * person moves between pages (a follow-up just handled leaves the count), never more than once a few seconds.
 */
export const useWorkStore = defineStore('xinqiao-work', () => {
  const counts = ref<WorkCounts | null>(null);
  let lastAsked = 0;
  let pending: Promise<void> | null = null;

  function refresh(force = false): Promise<void> {
    const now = Date.now();
    if (!force && now - lastAsked < 5_000) return pending ?? Promise.resolve();
    lastAsked = now;
    pending = api
      .GET('/api/me/work/counts', { quiet401: true })
      .then((answer) => {
        counts.value = answer;
      })
      .catch(() => {
        // The counts are a hint: the home page shows the problem if there is one.
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  /** Forgets the counts (sign-out, another person signing in). */
  function reset(): void {
    counts.value = null;
    lastAsked = 0;
  }
  const session = useSessionStore();
  watch(() => session.me?.person.id, reset);

  return { counts, refresh, reset };
});
