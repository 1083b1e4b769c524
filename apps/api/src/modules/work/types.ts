import type { CompiledPlugin } from '@xinqiao/policy';
import type { Caller } from '../../auth/caller.ts';

/**
 * The kinds of work My work (我的待办) lists, in the order the navigation counts them. A new kind is added here and
 * given a provider in `providers/` (see providers/index.ts); the screens label each kind in their messages.
 */
export const WORK_KINDS = [
  /** A follow-up of a screening result the caller is responsible for, no talk recorded yet. */
  'follow_up',
  /** Another open case the caller is responsible for (a follow-up already talked to stays here until closed). */
  'case',
  /** A case nobody is responsible for, in the subtree the caller assigns within (station heads, the center). */
  'unassigned',
  /** A concern report waiting for the caller to triage it (concerns module). */
  'concern_report',
  /** A talk with a key student that is due (key-students module). */
  'key_student_talk',
  /** A step of an open crisis the protocol names the caller for, or escalated to them when late (crises module). */
  'crisis_step',
  /** A closed crisis's review meeting not yet held (crises module, the center). */
  'crisis_review',
  /** A support file's plan, parent contact or evaluation that is due (support module; seed 004). */
  'support_file',
  /** An open early warning about one of the caller's students, no talk recorded yet (warnings module). */
  'warning',
  /** A student declined an online screening, where the plugin makes that a follow-up (student side, me module). */
  'screening_declined',
  /** An anonymous tree-hole message awaiting the center's reply; urgent when escalated (tree-hole module). */
  'tree_hole',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** A tier reason as stored with the screening decision (`selfHarm` when the school's rule marks it). */
export interface WorkReason {
  ruleName: string;
  zh: string;
  en: string;
  selfHarm?: boolean;
}

/** The student an item is about, as far as the caller may see them. */
export interface WorkStudent {
  id: string;
  name: string;
  studentNumber: string;
  className: string;
  collegeName: string;
}

/**
 * One thing that needs the caller now. Providers fill it; the service sorts all of them by urgency (self-harm
 * first, then overdue, then the deadline) and counts them per kind.
 */
export interface WorkItem {
  kind: WorkKind;
  /** The id of what is handled (a case, a report…), unique within its kind. */
  id: string;
  /** What it is, in both languages (a case's own title is the same text in both). */
  title: { zh: string; en: string };
  student: WorkStudent | null;
  /** The deadline as an instant: a due date ends at midnight China time. Null when there is none. */
  dueAt: Date | null;
  /** The deadline's day in China, for display. */
  dueOn: string | null;
  overdue: boolean;
  /** A self-harm finding is behind it: listed before everything else. */
  selfHarm: boolean;
  /** Given to the caller in the last three days and not worked on yet. */
  isNew: boolean;
  /** Why (the tier reasons of the stored screening decision), with the plugin version that decided. */
  reasons: WorkReason[];
  decision: { pluginId: string; pluginVersion: string } | null;
  /** The shell path where it is handled. */
  link: string;
}

/** The moment My work is asked for: `now` (the app's clock) and `today` (its day in China). */
export interface WorkClock {
  now: Date;
  today: string;
  /** The school's active plugin, for providers whose deadlines it sets (key-student talks); none in some tests. */
  plugin?: CompiledPlugin | undefined;
}

/** How many items there are, how many are overdue, how many carry a self-harm finding. */
export interface WorkTally {
  count: number;
  overdue: number;
  selfHarm: number;
}

/** What `byUrgency` compares: where an item sorts in My work. */
export type WorkRank = Pick<WorkItem, 'kind' | 'id' | 'selfHarm' | 'overdue' | 'dueAt'>;

/**
 * A kind's answer to My work, in two steps: where its `first` most urgent items sort (`ranks`, in `byUrgency` order)
 * and the tally of all of them; then, for the ranks that make the page, the items in full (`items`). For a long kind
 * a page of 100 then joins the students of the 100 it shows, not of 100 per kind (a counsellor after a screening
 * wave: 177 follow-ups and 227 warnings, 28 and 68 of them on the first page). A short kind's list is read whole
 * (`rankedOf` in slice.ts).
 */
export interface RankedSlice {
  ranks: WorkRank[];
  modules: { path: string; tally: WorkTally }[];
  /** The items with these ids, as they are now (one changed or gone since it was ranked is moved or left out). */
  items(ids: readonly string[]): Promise<WorkItem[]>;
}

/**
 * A source of work items of one kind, answering for the caller (nothing when their roles have none of that work:
 * check the permission, never throw 403 — My work is every role's home page). A kind whose items stay few answers
 * them all (`items`: the service sorts, counts and pages them); a kind that can run to hundreds answers `ranked`:
 * where its `first` most urgent items sort, ordered in SQL as `byUrgency` orders them, counts made in SQL, and the
 * items in full only for those the page shows.
 *
 * @example
 * ```ts
 * export const concernReports: WorkProvider = {
 *   kind: 'concern_report',
 *   items: async (caller, clock) => (can(caller, 'concerns.triage') ? toTriage(caller, clock) : []),
 * };
 * ```
 */
export type WorkProvider =
  | { kind: WorkKind; items(caller: Caller, clock: WorkClock): Promise<WorkItem[]> }
  | { kind: WorkKind; ranked(caller: Caller, clock: WorkClock, first: number): Promise<RankedSlice> };
