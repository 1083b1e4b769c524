/**
 * The words of the alliance module: kinds of events and records as stored, and how they map onto the facts of the
 * plugin's `penalty-points` and `term-sanctions` areas.
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

export const ATTENDANCE_VALUES = ['present', 'late', 'absent', 'early-leave', 'on-leave'] as const;
export type Attendance = (typeof ATTENDANCE_VALUES)[number];
export const RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;
export const MINUTES_RATINGS = [...RATINGS, 'not-taken'] as const;
export const ACTIVITY_CONTRIBUTIONS = [
  'outstanding-work',
  'proposed-plan',
  'novel-plan',
  'sharp-summary',
  'idea-adopted',
  'took-part',
  'coordinated-well',
  'coordinated-chaotically',
] as const;
export const DEPARTMENT_DISCIPLINE = ['department-orderly', 'department-chaotic'] as const;
export const REWARD_KINDS = [
  'department-outstanding',
  'helped-another-department',
  'outstanding-in-activity',
  'suggestion-adopted',
] as const;
export const MISTAKE_KINDS = ['serious-mistake', 'careless-work'] as const;

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
} as const;
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
] as const;
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
export const contributionKind = (contribution: string) => `activity-contribution:${contribution}`;
/** The stored kind of a member finding record. */
export const findingKind = (finding: MemberFinding) => `finding:${finding}`;
/** The stored kind of a department finding event. */
export const departmentFindingKind = (finding: DepartmentFinding) => `finding:${finding}`;

/** Record kinds that carry no points (the plugin never prices them). */
export function isUnpricedKind(kind: string): boolean {
  return kind === RECORD_KIND.taskAcknowledgement || kind.startsWith('finding:');
}
