import { WORK_KINDS, type WorkRank } from './types.ts';

const kindRank = (item: WorkRank) => WORK_KINDS.indexOf(item.kind);

/**
 * The order of My work, most urgent first: a self-harm finding before everything else, then what is overdue, then
 * the soonest deadline (no deadline last); ties by kind (the order of WORK_KINDS) and id, so the list is stable.
 *
 * @example
 * items.sort(byUrgency);
 */
export function byUrgency(a: WorkRank, b: WorkRank): number {
  if (a.selfHarm !== b.selfHarm) return a.selfHarm ? -1 : 1;
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const dueA = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const dueB = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  if (kindRank(a) !== kindRank(b)) return kindRank(a) - kindRank(b);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
