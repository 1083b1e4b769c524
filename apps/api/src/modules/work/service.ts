import { withGenericPlan } from '@xinqiao/db';
import type { Caller } from '../../auth/caller.ts';
import { recordAccess } from '../audit/record.ts';
import { WORK_PROVIDERS } from './providers/index.ts';
import { addTally, emptyTally, rankedOf } from './slice.ts';
import {
  type RankedSlice,
  WORK_KINDS,
  type WorkClock,
  type WorkItem,
  type WorkKind,
  type WorkProvider,
  type WorkRank,
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
  const { items, counts } = await withGenericPlan(caller.tx, async () => {
    // Each kind ranks its `offset + limit` most urgent items: the page of all of them is among those.
    const answers = await workAnswers(caller, clock, providers, (k) =>
      !kind || k === kind ? offset + limit : 0,
    );
    const ranks = answers.flatMap((answer) => answer.ranks).sort(byUrgency);
    const matching = kind ? ranks.filter((rank) => rank.kind === kind) : ranks;
    return {
      items: await itemsOf(answers, matching.slice(offset, offset + limit)),
      counts: countsOf(answers),
    };
  });
  await recordAccess(caller.tx, caller.me, {
    action: 'work.list',
    entity: 'work',
    entityId: JSON.stringify({ limit, offset, kind: kind ?? null, total: counts.total }),
    studentId: null,
    purpose: caller.purpose,
  });
  return { items, ...counts };
}

/** The counts of the caller's work per kind and per module, for the navigation (names nobody: not audited). */
export async function myWorkCounts(
  caller: Caller,
  clock: WorkClock,
  providers: readonly WorkProvider[] = WORK_PROVIDERS,
): Promise<Omit<MyWork, 'items'>> {
  return countsOf(await withGenericPlan(caller.tx, () => workAnswers(caller, clock, providers, () => 0)));
}

type KindAnswer = RankedSlice & { kind: WorkKind };

/**
 * Every provider's answer as a ranked slice. The providers ask at once: on PostgreSQL the transaction's one
 * connection carries their statements pipelined (one round trip instead of one per provider); PGlite runs them one
 * after another. Run under a generic plan (`withGenericPlan`): PostgreSQL planned several again on every request.
 */
function workAnswers(
  caller: Caller,
  clock: WorkClock,
  providers: readonly WorkProvider[],
  firstOf: (kind: WorkKind) => number,
): Promise<KindAnswer[]> {
  return Promise.all(
    providers.map(async (provider): Promise<KindAnswer> => {
      const first = firstOf(provider.kind);
      const answer =
        'ranked' in provider
          ? await provider.ranked(caller, clock, first)
          : rankedOf(await provider.items(caller, clock), first);
      return { kind: provider.kind, ...answer };
    }),
  );
}

/**
 * The items of the ranks a page shows, each kind's read at once. An item read after it was ranked may have changed
 * or gone (another request closed the case): the page shows what is there now, in the order it has now.
 */
async function itemsOf(answers: readonly KindAnswer[], shown: readonly WorkRank[]): Promise<WorkItem[]> {
  const read = await Promise.all(
    answers.map((answer) => {
      const ids = shown.filter((rank) => rank.kind === answer.kind).map((rank) => rank.id);
      return ids.length > 0 ? answer.items(ids) : [];
    }),
  );
  return read.flat().sort(byUrgency);
}

function countsOf(answers: readonly KindAnswer[]): Omit<MyWork, 'items'> {
  const byKind = new Map(WORK_KINDS.map((kind) => [kind, emptyTally()]));
  const byModule = new Map<string, WorkTally>();
  for (const answer of answers) {
    for (const { path, tally } of answer.modules) {
      addTally(byKind.get(answer.kind)!, tally);
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
