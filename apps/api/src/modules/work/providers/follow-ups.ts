import { can } from '../../../auth/caller.ts';
import { caseItem, myOpenCases } from '../case-items.ts';
import type { WorkProvider } from '../types.ts';

/**
 * My follow-ups: the screening follow-ups the caller is responsible for that no talk has been recorded for yet
 * (new ones, and overdue ones above all).
 */
export const myFollowUps: WorkProvider = {
  kind: 'follow_up',
  async items(caller, clock) {
    if (!can(caller, 'cases.read')) return [];
    const rows = await myOpenCases(caller, clock);
    return rows
      .filter((row) => row.kind === 'follow_up' && row.interviewedOn === null)
      .map((row) => caseItem(caller, row, 'follow_up', clock));
  },
};
