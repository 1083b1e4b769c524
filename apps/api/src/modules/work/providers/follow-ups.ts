import { myCaseRanks } from '../case-items.ts';
import type { WorkProvider } from '../types.ts';

/**
 * My follow-ups: the screening follow-ups the caller is responsible for that no talk has been recorded for yet
 * (new ones, and overdue ones above all).
 */
export const myFollowUps: WorkProvider = {
  kind: 'follow_up',
  ranked: (caller, clock, first) => myCaseRanks(caller, clock, 'follow_up', first),
};
