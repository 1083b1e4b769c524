import { can } from '../../../auth/caller.ts';
import { caseItem, myOpenCases } from '../case-items.ts';
import type { WorkProvider } from '../types.ts';

/**
 * My cases: every other open case the caller is responsible for (crisis, support, and follow-ups already talked to,
 * until they are closed), by their due dates.
 */
export const myCases: WorkProvider = {
  kind: 'case',
  async items(caller, clock) {
    if (!can(caller, 'cases.read')) return [];
    const rows = await myOpenCases(caller, clock);
    return rows
      .filter((row) => row.kind !== 'follow_up' || row.interviewedOn !== null)
      .map((row) => caseItem(caller, row, 'case', clock));
  },
};
