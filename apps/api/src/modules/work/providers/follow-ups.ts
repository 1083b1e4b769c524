import { myCaseSlice } from '../case-items.ts';
import type { WorkProvider } from '../types.ts';

/**
 * My follow-ups: the screening follow-ups the caller is responsible for that no talk has been recorded for yet
 * (new ones, and overdue ones above all).
 */
export const myFollowUps: WorkProvider = {
  kind: 'follow_up',
  slice: (caller, clock, first) => myCaseSlice(caller, clock, 'follow_up', first),
};
