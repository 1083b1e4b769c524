import { toChinaDate } from '@xinqiao/calendar';
import { pointsFactSpecs, type TermFacts } from '@xinqiao/policy';

/**
 * The words of the alliance module, each list defined once: kinds of events and records as stored, and how they map
 * onto the facts of the plugin's `penalty-points` and `term-sanctions` areas (lists of fact values come from those
 * contracts). Request and response schemas use these lists, so the generated API types carry them to the frontend.
 */

/** Departments of seed 002 (主席团, 办公室, 宣传部, 活动部, 培训部, 外联部) and college branches. */
export const DEPARTMENT_KINDS = [
  'presidium',
  'office',
  'publicity',
  'activities',
  'training',
  'outreach',
  'branch',
  'other',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** Events members attend (meetings, duty shifts, activities) and tasks (with a deadline) they submit. */
export const ATTENDED_EVENT_KINDS = ['routine_meeting', 'plenary_meeting', 'duty_shift', 'activity'] as const;
export const TASK_EVENT_KINDS = ['daily_task', 'assigned_task'] as const;
export const EVENT_KINDS = [...ATTENDED_EVENT_KINDS, ...TASK_EVENT_KINDS] as const;
export type AttendedEventKind = (typeof ATTENDED_EVENT_KINDS)[number];
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];
export type EventKind = (typeof EVENT_KINDS)[number];

/** Whether an event kind is a task (submitted by a deadline) rather than something attended. */
export function isTaskKind(kind: string): kind is TaskEventKind {
  return (TASK_EVENT_KINDS as readonly string[]).includes(kind);
}

/** The `meetingType` fact of an attended event: routine and plenary meetings are named by article 5; the rest are "other". */
export function meetingTypeOf(kind: string): 'department-routine' | 'plenary' | 'other' {
  if (kind === 'routine_meeting') return 'department-routine';
  if (kind === 'plenary_meeting') return 'plenary';
  return 'other';
}

/** Events whose expected members are marked absent when the event closes without their check-in. */
export function absenceIsRecordedAtClose(kind: string): boolean {
  return kind === 'routine_meeting' || kind === 'plenary_meeting' || kind === 'duty_shift';
}

/** The `taskKind` fact of a task event. */
export function taskKindOf(kind: TaskEventKind): 'daily' | 'assigned' {
  return kind === 'daily_task' ? 'daily' : 'assigned';
}

/** Whether a member is a cadre (干部) or a staff member (干事): the plugin's `memberRole` fact. */
export const MEMBER_ROLES = pointsFactSpecs.memberRole.type.values;
export type MemberRole = (typeof MEMBER_ROLES)[number];
/** The `attendance` fact of a meeting record, as the plugin's contract lists it. */
export const ATTENDANCE_VALUES = pointsFactSpecs.attendance.type.values;
export type Attendance = (typeof ATTENDANCE_VALUES)[number];
/** The attendance an officer may set on a check-in by correcting it (late comes from an arrival time). */
export const CORRECTED_ATTENDANCE = [
  'present',
  'absent',
  'on-leave',
] as const satisfies readonly Attendance[];
export const RATINGS = pointsFactSpecs.rating.type.values;
export const MINUTES_RATINGS = pointsFactSpecs.minutesRating.type.values;
export const ACTIVITY_CONTRIBUTIONS = pointsFactSpecs.activityContribution.type.values;
export type ActivityContribution = (typeof ACTIVITY_CONTRIBUTIONS)[number];
type Discipline = (typeof pointsFactSpecs.discipline.type.values)[number];
/** A department's order before a plenary meeting (one record per member). */
export const DEPARTMENT_DISCIPLINE = [
  'department-orderly',
  'department-chaotic',
] as const satisfies readonly Discipline[];
/** A member who disrupted a meeting. */
export const MEMBER_DISCIPLINE = 'disruptive-in-meeting' satisfies Discipline;
export const REWARD_KINDS = pointsFactSpecs.rewardKind.type.values;
export const MISTAKE_KINDS = pointsFactSpecs.mistakeKind.type.values;
/** The `taskKind` fact: a daily task (日常任务) or an assigned one (规定任务). */
export const TASK_KINDS = pointsFactSpecs.taskKind.type.values;

/** A term is open for entries or closed (its ledger is final). */
export const TERM_STATUSES = ['open', 'closed'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];
/** An event as stored: scheduled, open once someone was recorded, closed by an officer. */
export const EVENT_STATUSES = ['scheduled', 'open', 'closed'] as const;
/**
 * Where an event stands, from its status and the time: not started yet (upcoming), under way, past its end but not
 * closed by an officer (awaiting-close), or closed. A meeting without an end time is under way until the end of its
 * day in China.
 */
export const EVENT_PHASES = ['upcoming', 'under-way', 'awaiting-close', 'closed'] as const;
export type EventPhase = (typeof EVENT_PHASES)[number];

/**
 * The phase of an event at `now` (see {@link EVENT_PHASES}): what the office module shows instead of the stored
 * status, which stays `scheduled` until the first check-in.
 *
 * @example
 * eventPhase({ status: 'scheduled', startsAt: lastWeek, endsAt: null }, now) // 'awaiting-close'
 */
export function eventPhase(
  event: { status: string; startsAt: Date; endsAt: Date | null },
  now: Date,
): EventPhase {
  if (event.status === 'closed') return 'closed';
  if (now < event.startsAt) return 'upcoming';
  const underWay = event.endsAt ? now <= event.endsAt : toChinaDate(now) === toChinaDate(event.startsAt);
  return underWay ? 'under-way' : 'awaiting-close';
}

/** A record's approval: most need none; a reward the plugin says needs recognition waits for a decision. */
export const APPROVAL_STATES = ['not_needed', 'pending', 'approved', 'rejected'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];
/** Why a ledger entry was reversed. */
export const REVERSAL_CAUSES = ['correction', 'void', 'repricing'] as const;
export type ReversalCause = (typeof REVERSAL_CAUSES)[number];

/**
 * Findings an officer records against a member over a term: facts of the `term-sanctions` area that no single priced
 * record gives (a failed course, an ignored rectification...). Counts add one per finding; flags are set by one.
 */
export const MEMBER_FINDINGS = {
  failedCourseThisTerm: 'flag',
  ignoredRectificationCount: 'count',
  perfunctoryWorkCount: 'count',
  insubordinationCount: 'count',
  noConstructiveInputThisTerm: 'flag',
  workMistakeCount: 'count',
  severeAttitude: 'flag',
  harmsReputation: 'flag',
  abuseOfPosition: 'flag',
  propertyDamageMinor: 'flag',
  propertyDamageSerious: 'flag',
  // Each finding but property damage (one fact, minor or serious) is the term-sanctions fact of its name.
} as const satisfies Partial<
  Record<keyof TermFacts | 'propertyDamageMinor' | 'propertyDamageSerious', 'flag' | 'count'>
>;
export type MemberFinding = keyof typeof MEMBER_FINDINGS;
export const MEMBER_FINDING_NAMES = Object.keys(MEMBER_FINDINGS) as [MemberFinding, ...MemberFinding[]];

/** Findings about a department over a term (department warnings of article 7). */
export const DEPARTMENT_FINDINGS = [
  'lateProposalCount',
  'lateRoutineMeetingCount',
  'ignoredRectificationCount',
  'perfunctoryWorkCount',
  'insubordinationCount',
  'materialsNotCollectedCount',
  'failedActivityCount',
] as const satisfies readonly (keyof TermFacts)[];
export type DepartmentFinding = (typeof DEPARTMENT_FINDINGS)[number];

/**
 * Stored kinds of records (`alliance_records.kind`). One record per event, member and kind (a unique key in the
 * database), so kinds that may occur together at one event carry their variant: `activity-contribution:took-part`.
 */
export const RECORD_KIND = {
  attendance: 'attendance',
  earlyLeave: 'early-leave',
  fullAttendance: 'full-attendance',
  taskAcknowledgement: 'task-acknowledgement',
  taskSubmission: 'task-submission',
  taskQuality: 'task-quality',
  activityRating: 'activity-rating',
  minutes: 'minutes',
  departmentDiscipline: 'meeting-discipline:department',
  memberDiscipline: 'meeting-discipline:member',
  reward: 'reward',
  mistake: 'mistake',
} as const;

/** The stored kind of an activity contribution record. */
export const contributionKind = <C extends ActivityContribution>(contribution: C) =>
  `activity-contribution:${contribution}` as const;
/** The stored kind of a member finding record. */
export const findingKind = <F extends MemberFinding>(finding: F) => `finding:${finding}` as const;
/** The stored kind of a department finding event. */
export const departmentFindingKind = (finding: DepartmentFinding) => `finding:${finding}` as const;

/** Every kind a record is stored with: the fixed kinds, each contribution and each member finding. */
export const STORED_RECORD_KINDS = [
  ...Object.values(RECORD_KIND),
  ...ACTIVITY_CONTRIBUTIONS.map(contributionKind),
  ...MEMBER_FINDING_NAMES.map(findingKind),
];
export type StoredRecordKind = (typeof STORED_RECORD_KINDS)[number];

/** A stored record kind, typed (the API writes only the kinds of {@link STORED_RECORD_KINDS}). */
export function storedRecordKind(kind: string): StoredRecordKind {
  if (!(STORED_RECORD_KINDS as readonly string[]).includes(kind)) {
    throw new Error(`alliance_records.kind "${kind}" is not a kind this API writes`);
  }
  return kind as StoredRecordKind;
}

/** Record kinds that carry no points (the plugin never prices them). */
export function isUnpricedKind(kind: string): boolean {
  return kind === RECORD_KIND.taskAcknowledgement || kind.startsWith('finding:');
}
