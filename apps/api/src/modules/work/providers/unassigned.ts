import { can } from '../../../auth/caller.ts';
import { assigningPaths, caseItem, casesOf } from '../case-items.ts';
import type { WorkProvider } from '../types.ts';

/**
 * To assign: the open cases nobody is responsible for in the part of the network the caller assigns within (a
 * station head's college, the center's school). Each links to where it is assigned.
 */
export const unassignedCases: WorkProvider = {
  kind: 'unassigned',
  async items(caller, clock) {
    if (!can(caller, 'cases.assign')) return [];
    const within = assigningPaths(caller);
    const rows = await casesOf(caller, { responsible: 'none', open: 'true' }, clock);
    return rows
      .filter((row) => within.some((path) => row.studentPath.startsWith(path)))
      .map((row) => caseItem(caller, row, 'unassigned', clock));
  },
};
