import { withGenericPlan } from '@xinqiao/db';
import type { Caller } from '../../auth/caller.ts';
import { recordAccess } from '../audit/record.ts';
import { WORK_PROVIDERS } from './providers/index.ts';
import { WORK_KINDS, type WorkClock, type WorkItem, type WorkKind, type WorkProvider } from './types.ts';
import { byUrgency } from './urgency.ts';

/** How many items of one kind there are, how many are overdue, how many carry a self-harm finding. */
export interface WorkCount {
  kind: WorkKind;
  count: number;
  overdue: number;
  selfHarm: number;
}

/** The caller's work: the most urgent items (up to the limit asked for) and the counts over all of them. */
export interface MyWork {
  items: WorkItem[];
  total: number;
  counts: WorkCount[];
  /** Per office module (the first segment of the items' links, e.g. `/college-station`): for the navigation. */
  modules: { path: string; count: number; overdue: number; selfHarm: number }[];
}

function tally<K extends string>(
  items: readonly WorkItem[],
  keyOf: (item: WorkItem) => K,
  keys: readonly K[],
) {
  const counts = new Map(keys.map((key) => [key, { count: 0, overdue: 0, selfHarm: 0 }]));
  for (const item of items) {
    const key = keyOf(item);
    const count = counts.get(key) ?? { count: 0, overdue: 0, selfHarm: 0 };
    count.count++;
    if (item.overdue) count.overdue++;
    if (item.selfHarm) count.selfHarm++;
    counts.set(key, count);
  }
  return counts;
}

const moduleOf = (link: string) => `/${link.split(/[/?]/)[1] ?? ''}`;

/** Which of the caller's items to list: up to `limit` after skipping `offset`, of one kind or of all. */
export interface WorkPage {
  limit: number;
  offset?: number;
  kind?: WorkKind | undefined;
}

/**
 * Everything that needs the caller now, from every provider, most urgent first (see `byUrgency`), with counts per
 * kind and per module over all items; the page keeps the list short (a kind's items, the next hundred). Every role
 * gets an answer (empty when its roles have no such work). Audited as one 'work.list' row, like a list of cases:
 * the caller decides what was shown.
 *
 * @example
 * ```ts
 * const work = await myWork(caller, { now, today: chinaToday(now) }, { limit: 100 });
 * work.items[0]; // a self-harm follow-up, if there is one
 * ```
 */
export async function myWork(
  caller: Caller,
  clock: WorkClock,
  page: WorkPage,
  providers: readonly WorkProvider[] = WORK_PROVIDERS,
): Promise<MyWork> {
  const all = await workItems(caller, clock, providers);
  const { limit, offset = 0, kind } = page;
  await recordAccess(caller.tx, caller.me, {
    action: 'work.list',
    entity: 'work',
    entityId: JSON.stringify({ limit, offset, kind: kind ?? null, total: all.length }),
    studentId: null,
    purpose: caller.purpose,
  });
  const matching = kind ? all.filter((item) => item.kind === kind) : all;
  return { items: matching.slice(offset, offset + limit), ...countsOf(all) };
}

/** The counts of the caller's work per kind and per module, for the navigation (names nobody: not audited). */
export async function myWorkCounts(
  caller: Caller,
  clock: WorkClock,
  providers: readonly WorkProvider[] = WORK_PROVIDERS,
): Promise<Omit<MyWork, 'items'>> {
  return countsOf(await workItems(caller, clock, providers));
}

async function workItems(caller: Caller, clock: WorkClock, providers: readonly WorkProvider[]) {
  // The providers ask at once: on PostgreSQL the transaction's one connection carries their statements pipelined
  // (one round trip instead of one per provider); PGlite runs them one after another. They only read, by the
  // caller's id and today's date, under generic plans: PostgreSQL planned several again on every request.
  const lists = await withGenericPlan(caller.tx, () =>
    Promise.all(providers.map((provider) => provider.items(caller, clock))),
  );
  return lists.flat().sort(byUrgency);
}

function countsOf(items: readonly WorkItem[]): Omit<MyWork, 'items'> {
  const byKind = tally(items, (item) => item.kind, WORK_KINDS);
  const modulePaths = [...new Set(items.map((item) => moduleOf(item.link)))];
  const byModule = tally(items, (item) => moduleOf(item.link), modulePaths);
  return {
    total: items.length,
    counts: WORK_KINDS.map((kind) => ({ kind, ...byKind.get(kind)! })),
    modules: modulePaths.map((path) => ({ path, ...byModule.get(path)! })),
  };
}
