import { withGenericPlan } from '@xinqiao/db';
import type { Caller } from '../../auth/caller.ts';
import { recordAccess } from '../audit/record.ts';
import { WORK_PROVIDERS } from './providers/index.ts';
import { addTally, emptyTally, sliceOf } from './slice.ts';
import {
  WORK_KINDS,
  type WorkClock,
  type WorkItem,
  type WorkKind,
  type WorkProvider,
  type WorkSlice,
  type WorkTally,
} from './types.ts';
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
  const { limit, offset = 0, kind } = page;
  // Each kind gives its `offset + limit` most urgent items: the page of all of them is among those.
  const slices = await workSlices(caller, clock, providers, (k) =>
    !kind || k === kind ? offset + limit : 0,
  );
  const counts = countsOf(slices);
  await recordAccess(caller.tx, caller.me, {
    action: 'work.list',
    entity: 'work',
    entityId: JSON.stringify({ limit, offset, kind: kind ?? null, total: counts.total }),
    studentId: null,
    purpose: caller.purpose,
  });
  const items = slices.flatMap((slice) => slice.items).sort(byUrgency);
  const matching = kind ? items.filter((item) => item.kind === kind) : items;
  return { items: matching.slice(offset, offset + limit), ...counts };
}

/** The counts of the caller's work per kind and per module, for the navigation (names nobody: not audited). */
export async function myWorkCounts(
  caller: Caller,
  clock: WorkClock,
  providers: readonly WorkProvider[] = WORK_PROVIDERS,
): Promise<Omit<MyWork, 'items'>> {
  return countsOf(await workSlices(caller, clock, providers, () => 0));
}

async function workSlices(
  caller: Caller,
  clock: WorkClock,
  providers: readonly WorkProvider[],
  firstOf: (kind: WorkKind) => number,
): Promise<KindSlice[]> {
  // The providers ask at once: on PostgreSQL the transaction's one connection carries their statements pipelined
  // (one round trip instead of one per provider); PGlite runs them one after another. They only read, by the
  // caller's id and today's date, under generic plans: PostgreSQL planned several again on every request.
  return withGenericPlan(caller.tx, () =>
    Promise.all(
      providers.map(async (provider) => {
        const first = firstOf(provider.kind);
        const slice =
          'slice' in provider
            ? await provider.slice(caller, clock, first)
            : sliceOf(await provider.items(caller, clock), first);
        return { kind: provider.kind, ...slice };
      }),
    ),
  );
}

type KindSlice = WorkSlice & { kind: WorkKind };

function countsOf(slices: readonly KindSlice[]): Omit<MyWork, 'items'> {
  const byKind = new Map(WORK_KINDS.map((kind) => [kind, emptyTally()]));
  const byModule = new Map<string, WorkTally>();
  for (const slice of slices) {
    for (const { path, tally } of slice.modules) {
      addTally(byKind.get(slice.kind)!, tally);
      byModule.set(path, addTally(byModule.get(path) ?? emptyTally(), tally));
    }
  }
  const counts = WORK_KINDS.map((kind) => ({ kind, ...byKind.get(kind)! }));
  return {
    total: counts.reduce((sum, count) => sum + count.count, 0),
    counts,
    modules: [...byModule].map(([path, tally]) => ({ path, ...tally })),
  };
}
