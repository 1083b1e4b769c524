import { myCaseRanks } from '../case-items.ts';
import type { WorkProvider } from '../types.ts';

/**
 * My cases: every other open case the caller is responsible for (crisis, support, and follow-ups already talked to,
 * until they are closed), by their due dates.
 */
export const myCases: WorkProvider = {
  kind: 'case',
  ranked: (caller, clock, first) => myCaseRanks(caller, clock, 'case', first),
};
