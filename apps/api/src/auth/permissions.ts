import { type Role, roles } from '@xinqiao/db';

/**
 * Everything a role may do beyond signing in and reading its own branch of the network, by name. Where rows are
 * involved, the permission is the first gate and RLS the second: `cases.read` lets a counsellor ask for cases, RLS
 * still shows only the cases of the students their units reach. Each entry says what the permission allows; what
 * the API answers (403 `auth.permission-denied`) to a caller without it is in
 * http/problem-messages/{zh-CN,en}/permissions.ts.
 */
export const PERMISSIONS = {
  'students.read': {
    allows: 'see the students of their units (in full or in the reduced view) and their files',
  },
  'students.write': {
    allows: 'add and change the students they see in full, and record in their files',
  },
  'students.import': {
    allows: 'import a student roster into the units they see in full',
  },
  'cases.read': {
    allows: 'read the crisis, support and follow-up cases of the students they see in full',
  },
  'cases.write': {
    allows: 'open cases, move them on and add to their timelines',
  },
  'cases.assign': {
    allows:
      'assign and reassign the cases of the students they reach to a person of their own subtree (station heads: ' +
      'their college; the center: the school)',
  },
  'concerns.report': {
    allows:
      'report a concern about a student they see (full or reduced view) to the student’s counsellor, and follow ' +
      'the status of what they reported (received, being handled, closed) and nothing else',
  },
  'concerns.triage': {
    allows:
      'triage the concern reports about the students they see in full: open a case from one, add it to an open ' +
      'case of the student, or close it with a reason',
  },
  'key-students.manage': {
    allows:
      'see the key-student roster (重点关注学生) of the students they see in full, add a student with a reason and ' +
      'ask to remove one with a reason',
  },
  'key-students.approve': {
    allows: 'approve the removal of a key student of their subtree (station heads, the center)',
  },
  'crises.read': {
    allows:
      'see the crisis board of the students they run crises for (the student’s counsellor or head teacher, the ' +
      'station head of the college, the center) and each crisis with its protocol, timeline and records (RLS ' +
      'checks the role on the student’s branch too)',
  },
  'crises.run': {
    allows:
      'open a crisis about a student they see in full and run it: mark the steps the protocol names them for, ' +
      'record family contacts, green-channel referrals and the people affected, close it with a summary and reopen it',
  },
  'crises.waive': {
    allows: 'waive a step of a crisis with a reason (the center director)',
  },
  'crises.review': {
    allows: 'record the review meeting of a closed crisis and its written case report (the center)',
  },
  'hospitals.manage': {
    allows: 'keep the school’s list of contracted hospitals and units for green-channel referrals (绿色通道)',
  },
  'support.read': {
    allows:
      'read the support lists and files (帮扶档案) of the students they run support for (RLS support_files_access: the ' +
      'head teacher, counsellor, station head and center on the student’s branch; a file’s responsible person)',
  },
  'support.write': {
    allows: 'write the plan, the process notes and the parent contacts of a support file they read',
  },
  'support.manage': {
    allows:
      'propose and confirm a class’s support list, add or remove a student with a reason, name the ' +
      'responsible person, evaluate at term end (head teachers, counsellors, station heads)',
  },
  'support.records': {
    allows:
      'record sanctions, hardship certifications, the five aids, entered failed courses and home visits of ' +
      'the students they see in full',
  },
  'financial-support.counts': {
    allows:
      'see financial-support coverage per college (counts, no names; RLS checks it on hardship and aids)',
  },
  'case-work.kpis': {
    allows:
      'see and export the case-work KPIs (tier-1 talks in time, concern reports triaged in time, key students ' +
      'talked to this week) per college and school',
  },
  'screening.counts': {
    allows: 'see screening waves and the counts per wave and college (no names)',
  },
  'screening.read': {
    allows: 'see the tiers, reasons and follow-ups of the screened students they reach',
  },
  'screening.answers': {
    allows: 'read item answers and scores (RLS checks it, and the transaction runs as xinqiao_screening)',
  },
  'screening.manage': {
    allows: 'create, open and close screening waves (RLS checks it too)',
  },
  'screening.import': {
    allows: 'import screening results into a wave and follow the imports',
  },
  'calendar.read': {
    allows: "read the school's working-day calendar that follow-up due dates count in",
  },
  'calendar.edit': {
    allows: "mark a day of the school's calendar working or off",
  },
  'student-affairs.read': {
    allows: 'see the student affairs figures: staffing, funding, training, KPIs',
  },
  'student-affairs.edit': {
    allows: 'change enrolment, center staff and training hours',
  },
  'alliance.read': {
    allows: 'read the peer alliance: departments, members, events, the points ledger and rankings',
  },
  'alliance.manage': {
    allows: "change the alliance's departments, terms, members and events",
  },
  'alliance.score': {
    allows: 'keep attendance and points in the terms they are an active officer of',
  },
  'alliance.score-any-term': {
    allows: 'score in every term without being one of its officers',
  },
  'network.manage': {
    allows: 'add units under the unit of their role and rename the units below it',
  },
  'network.rename-own-unit': {
    allows: 'rename the unit of their role itself (the center is the school’s to name, not its director’s)',
  },
  'people.manage': {
    allows: 'create, change, disable and re-assign the accounts of the units below their role',
  },
  'audit.read': {
    allows: 'read who looked at a student their role reaches',
  },
  'audit.verify': {
    allows: "verify the school's audit hash chain",
  },
  'warnings.read': {
    allows:
      'see the early warnings (academic, psychological crisis, spending, lost contact) of the students they see in ' +
      'full, with the signal values behind them (never a raw card transaction or access event)',
  },
  'warnings.handle': {
    allows: 'record the talk of a warning, write its improvement plan, and close it with a note',
  },
  'warnings.overview': {
    allows:
      'see and export warning counts by module, level and college with trends, and the cleared-next-term KPI',
  },
  'feeds.raw': {
    allows:
      'import the grades, campus-card and campus-activity feeds and read their raw rows (the import role; RLS ' +
      'checks it)',
  },
  'integration.manage': {
    allows:
      'create and revoke the service tokens of the school’s academic-affairs and campus-card systems (RLS too)',
  },
  'notifications.manage': {
    allows:
      "set up the school's outbound channels (SMTP e-mail, a 企业微信/钉钉 group robot) and send a test " +
      'message (RLS checks it too)',
  },
  'student.self': {
    allows:
      'a student’s own things and nothing else: their open screenings with consent, their answers, their ' +
      'appointments and one-time feedback codes (RLS on their own student id)',
  },
  'counselling.manage': {
    allows:
      'publish counselling slots, see the day’s appointments, record sessions, no-shows and session notes (the ' +
      'center; RLS checks it too: notes are the center’s alone)',
  },
  'counselling.ratings': {
    allows: 'see the anonymous counselling ratings in aggregate and the satisfaction KPI (RLS checks it too)',
  },
  'treehole.reply': {
    allows:
      'read the anonymous messages of the tree hole (情绪树洞) — never who wrote them — and reply (the center; RLS ' +
      'checks it too)',
  },
  'treehole.identify': {
    allows:
      'see who wrote a tree-hole message the school’s plugin escalated for a safety signal (the center director ' +
      'alone; audited; RLS checks it too)',
  },
} as const satisfies Record<string, { allows: string }>;

/** A named permission: `cases.write`, `screening.answers`… */
export type Permission = keyof typeof PERMISSIONS;

/** Every permission, sorted. */
export const permissionNames = Object.keys(PERMISSIONS).sort() as Permission[];

const SEES_STUDENTS_IN_FULL = [
  'students.read',
  'students.write',
  'students.import',
  'cases.read',
  'cases.write',
  'concerns.report',
  'concerns.triage',
] as const satisfies readonly Permission[];

const SCREENING_CENTER = [
  'screening.counts',
  'screening.read',
  'screening.answers',
  'screening.manage',
  'screening.import',
  'calendar.read',
  'calendar.edit',
] as const satisfies readonly Permission[];

const FOLLOWS_UP_SCREENING = [
  'screening.counts',
  'screening.read',
  'calendar.read',
] as const satisfies readonly Permission[];

/** The people who run a crisis and the chain above them (RLS `crises_access` and `xq_care_unit_paths()` hold the same roles). */
const RUNS_CRISES = ['crises.read', 'crises.run'] as const satisfies readonly Permission[];

/** The people who run support files (seed 004) and the chain above them (RLS `support_files_access`, through `xq_care_unit_paths()`). */
const READS_SUPPORT = [
  'support.read',
  'support.write',
  'support.records',
] as const satisfies readonly Permission[];

/** Station heads and the center: the roster, approving removals from it, and the KPIs that follow from the work. */
/** Who receives and works on early warnings, and who sees the overviews (station heads, the center). */
const HANDLES_WARNINGS = ['warnings.read', 'warnings.handle'] as const satisfies readonly Permission[];
const OVERSEES_WARNINGS = [...HANDLES_WARNINGS, 'warnings.overview'] as const satisfies readonly Permission[];

const WATCHES_KEY_STUDENTS = [
  'key-students.manage',
  'key-students.approve',
  'case-work.kpis',
] as const satisfies readonly Permission[];

/**
 * Who may do what: THE table. Every access check of the API (`requirePermission`), the capabilities RLS checks
 * (`rlsCapabilitiesOf`), `GET /api/auth/me`'s `permissions` and so every screen's buttons come from it. Which rows
 * a permission reaches is the role's unit subtree (`studentReach`, RLS), not this table.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  school_admin: [
    ...SEES_STUDENTS_IN_FULL,
    'counselling.ratings',
    'screening.counts',
    'student-affairs.read',
    'student-affairs.edit',
    'alliance.read',
    'alliance.manage',
    'alliance.score',
    'alliance.score-any-term',
    'network.manage',
    'network.rename-own-unit',
    'people.manage',
    'audit.read',
    'audit.verify',
    'notifications.manage',
    'hospitals.manage',
    'feeds.raw',
    'integration.manage',
    'financial-support.counts',
  ],
  center_director: [
    ...SEES_STUDENTS_IN_FULL,
    'counselling.manage',
    'counselling.ratings',
    'treehole.reply',
    'treehole.identify',
    'cases.assign',
    ...SCREENING_CENTER,
    'student-affairs.read',
    'alliance.read',
    'network.manage',
    'audit.read',
    'audit.verify',
    ...WATCHES_KEY_STUDENTS,
    ...RUNS_CRISES,
    'crises.waive',
    'crises.review',
    'hospitals.manage',
    ...OVERSEES_WARNINGS,
    ...READS_SUPPORT,
    'financial-support.counts',
  ],
  center_staff: [
    ...SEES_STUDENTS_IN_FULL,
    'counselling.manage',
    'counselling.ratings',
    'treehole.reply',
    'cases.assign',
    ...SCREENING_CENTER,
    'alliance.read',
    ...WATCHES_KEY_STUDENTS,
    ...RUNS_CRISES,
    'crises.review',
    'hospitals.manage',
    ...OVERSEES_WARNINGS,
    ...READS_SUPPORT,
  ],
  college_station_head: [
    ...SEES_STUDENTS_IN_FULL,
    'cases.assign',
    ...FOLLOWS_UP_SCREENING,
    ...WATCHES_KEY_STUDENTS,
    ...RUNS_CRISES,
    ...OVERSEES_WARNINGS,
    ...READS_SUPPORT,
    'support.manage',
  ],
  counsellor: [
    ...SEES_STUDENTS_IN_FULL,
    ...FOLLOWS_UP_SCREENING,
    'key-students.manage',
    ...RUNS_CRISES,
    ...HANDLES_WARNINGS,
    ...READS_SUPPORT,
    'support.manage',
  ],
  head_teacher: [...SEES_STUDENTS_IN_FULL, ...RUNS_CRISES, ...READS_SUPPORT, 'support.manage'],
  class_committee: ['students.read', 'concerns.report'],
  dorm_liaison: ['students.read', 'concerns.report'],
  student_affairs: [
    'counselling.ratings',
    'screening.counts',
    'student-affairs.read',
    'student-affairs.edit',
    'alliance.read',
    'financial-support.counts',
  ],
  alliance_officer: ['alliance.read', 'alliance.manage', 'alliance.score'],
  student: ['student.self'],
};

/**
 * The permissions that RLS checks itself (`xq_has_capability` in the migrations): set on every transaction as
 * `xq.capabilities`, and `screening.answers` makes the transaction run as `xinqiao_screening`.
 */
export const RLS_CAPABILITIES = [
  'counselling.manage',
  'counselling.ratings',
  'financial-support.counts',
  'screening.answers',
  'screening.manage',
  'notifications.manage',
  'feeds.raw',
  'integration.manage',
  'treehole.reply',
  'treehole.identify',
] as const satisfies readonly Permission[];

/**
 * The permissions a set of roles grants, sorted, each once.
 *
 * @example
 * ```ts
 * permissionsOf(['class_committee', 'dorm_liaison']); // ['students.read']
 * ```
 */
export function permissionsOf(held: readonly Role[]): Permission[] {
  return [...new Set(held.flatMap((role) => ROLE_PERMISSIONS[role]))].sort();
}

/**
 * The capabilities RLS checks that a set of roles grants, sorted: the part of {@link permissionsOf} the database
 * sees (`xq.capabilities`).
 *
 * @example
 * ```ts
 * rlsCapabilitiesOf(['center_staff']); // ['screening.answers', 'screening.manage']
 * ```
 */
export function rlsCapabilitiesOf(held: readonly Role[]): string[] {
  return permissionsOf(held).filter((p) => (RLS_CAPABILITIES as readonly string[]).includes(p));
}

/**
 * The roles that grant a permission, in the order of `roles`: for what is still decided per role rather than per
 * person (which office modules the shell offers).
 *
 * @example
 * ```ts
 * rolesWith('student-affairs.read'); // ['school_admin', 'center_director', 'student_affairs']
 * ```
 */
export function rolesWith(permission: Permission): Role[] {
  return roles.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Whether a role grants a permission. */
export function grants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
