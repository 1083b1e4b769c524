import { myCaseSlice } from '../case-items.ts';
import type { WorkProvider } from '../types.ts';

/**
 * My cases: every other open case the caller is responsible for (crisis, support, and follow-ups already talked to,
 * until they are closed), by their due dates.
 */
export const myCases: WorkProvider = {
  kind: 'case',
  slice: (caller, clock, first) => myCaseSlice(caller, clock, 'case', first),
};
