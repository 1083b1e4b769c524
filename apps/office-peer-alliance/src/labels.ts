import type { AttendedKind, EventKind, MemberFinding, MistakeKind, RewardKind } from './api.ts';
import { zhCN } from './messages.ts';

// The choices the forms offer, read from the label tables (whose keys the generated contract fixes): the values are
// defined once, by the API, and this module keeps no list of its own.

const keys = <K extends string>(table: Record<K, string>) => Object.keys(table) as K[];
const messages = zhCN.peerAlliance;

/** What an officer schedules: meetings, duty shifts, activities (tasks are given with a deadline instead). */
export const ATTENDED_KINDS = keys<EventKind>(messages.kinds).filter(
  (kind): kind is AttendedKind => kind !== 'daily_task' && kind !== 'assigned_task',
);

/** Rewards of article 6. */
export const REWARD_KINDS = keys<RewardKind>(messages.rewardKinds);

/** Mistakes of article 7. */
export const MISTAKE_KINDS = keys<MistakeKind>(messages.mistakeKinds);

/** Findings about a member (a failed course, an ignored rectification...), as their record kinds name them. */
export const MEMBER_FINDINGS = keys(messages.recordKinds)
  .filter((kind) => kind.startsWith('finding:'))
  .map((kind) => kind.slice('finding:'.length) as MemberFinding);
