import type { RankedSlice, WorkItem, WorkTally } from './types.ts';
import { byUrgency } from './urgency.ts';

/** The office module an item is handled in: the first segment of its link (`/college-station/cases/…`). */
export const moduleOf = (link: string) => `/${link.split(/[/?]/)[1] ?? ''}`;

export const emptyTally = (): WorkTally => ({ count: 0, overdue: 0, selfHarm: 0 });

/** Adds `more` into `into`. */
export function addTally(into: WorkTally, more: WorkTally): WorkTally {
  into.count += more.count;
  into.overdue += more.overdue;
  into.selfHarm += more.selfHarm;
  return into;
}

/**
 * A short kind's whole list as a ranked slice: sorted by urgency, the `first` kept as its ranks, all of them
 * tallied per module; the items are already read, so the page's are taken from them.
 */
export function rankedOf(items: readonly WorkItem[], first: number): RankedSlice {
  const modules = new Map<string, WorkTally>();
  for (const item of items) {
    const path = moduleOf(item.link);
    const tally = modules.get(path) ?? emptyTally();
    addTally(tally, { count: 1, overdue: item.overdue ? 1 : 0, selfHarm: item.selfHarm ? 1 : 0 });
    modules.set(path, tally);
  }
  const byId = new Map(items.map((item) => [item.id, item]));
  return {
    ranks: [...items].sort(byUrgency).slice(0, first),
    modules: [...modules].map(([path, tally]) => ({ path, tally })),
    items: async (ids) => ids.flatMap((id) => byId.get(id) ?? []),
  };
}

/** The modules of a kind counted in SQL: every item handled in one module, the tally as counted (none when none). */
export function tallyIn(path: string, tally: WorkTally): RankedSlice['modules'] {
  return tally.count > 0 ? [{ path, tally }] : [];
}

/** A ranked kind's answer for a caller without that work. */
export const NOTHING_RANKED: RankedSlice = { ranks: [], modules: [], items: async () => [] };
