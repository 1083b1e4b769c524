import { type ProblemKind, problemKind } from './kind.ts';

/** What a reduced view of a student may not do (class committee members and dorm liaisons observe, never write). */
export type StudentAction = 'open-case' | 'record-in-file' | 'change';

/**
 * Every problem the API answers, by its stable code: the HTTP status and the parameters its title and detail are
 * filled in with. The code is the problem's `code` (and the end of its `type`); clients key on it, never on the
 * text. A code needs a text in every language (./zh-CN.ts, ./en.ts), or the catalogues do not compile.
 */
export const problemKinds = {
  // Requests and the HTTP layer
  'validation.invalid-field': problemKind<{ fields: readonly string[] }>(400),
  'http.bad-request': problemKind(400),
  'http.not-found': problemKind(404),
  'http.no-route': problemKind<{ method: string; path: string }>(404),
  'http.method-not-allowed': problemKind(405),
  'http.payload-too-large': problemKind<{ maxMiB?: number }>(413),
  'http.unsupported-media-type': problemKind(415),
  'http.headers-too-large': problemKind<{ maxKiB: number }>(431),
  'http.request-timeout': problemKind(408),
  'http.csrf-token': problemKind(403),
  'http.cross-site': problemKind<{ origin?: string }>(403),
  'server.internal': problemKind(500),
  'server.busy': problemKind<{ retryAfterSeconds: number }>(503),

  // Sessions
  'auth.sign-in-required': problemKind(401),
  'auth.session-expired': problemKind(401),
  'auth.account-disabled': problemKind(401),
  'auth.wrong-credentials': problemKind(401),
  'auth.too-many-attempts': problemKind(429),
  'auth.permission-denied': problemKind<{ permission: string }>(403),

  // What the database refused (a constraint a caller can hit with valid-looking input)
  'database.duplicate-key': problemKind<{ constraint?: string }>(409),
  'database.missing-reference': problemKind<{ constraint?: string }>(409),
  'database.out-of-range': problemKind<{ constraint?: string }>(400),
  'database.value-missing': problemKind<{ constraint?: string }>(400),
  'database.bad-format': problemKind<{ constraint?: string }>(400),
  'database.not-permitted': problemKind<{ constraint?: string }>(403),

  // The work network
  'units.not-found': problemKind(404),
  'units.outside-branch': problemKind(403),
  'units.name-taken': problemKind<{ name: string }>(409),

  // Accounts and roles
  'people.not-found': problemKind(404),
  'people.role-outside-administration': problemKind(403),
  'people.person-outside-administration': problemKind(403),
  'people.username-taken': problemKind<{ username: string }>(409),

  // The audit log
  'audit.student-outside-units': problemKind(403),
  'audit.export-too-large': problemKind<{ total: number; max: number }>(400),

  // Students, their files and imports
  'students.not-found': problemKind(404),
  'students.reduced-view': problemKind<{ action: StudentAction }>(403),
  'students.number-taken': problemKind(409),
  'students.placement-outside-units': problemKind(403),
  'import.rows-rejected': problemKind<{ count: number }>(400),
  'import.file-unreadable': problemKind<{ zh: string; en: string }>(400),
  'import.file-over-limit': problemKind<{ zh: string; en: string }>(413),

  // Cases
  'cases.not-found': problemKind(404),

  // Notifications
  'notifications.not-found': problemKind(404),
  'notifications.channel-not-set-up': problemKind<{ channel: string }>(409),
  'notifications.test-failed': problemKind<{ channel: string; reason: string }>(502),

  // The peer alliance
  'alliance.no-points-scale': problemKind<{ school: string }>(409),
  'alliance.term-not-found': problemKind(404),
  'alliance.event-not-found': problemKind(404),
  'alliance.member-not-found': problemKind(404),
  'alliance.record-not-found': problemKind(404),
  'alliance.not-a-member': problemKind(400),
  'alliance.term-closed': problemKind<{ term: string }>(409),
  'alliance.no-open-term': problemKind(409),
  'alliance.not-attended': problemKind<{ event: string }>(400),
  'alliance.event-closed': problemKind<{ event: string }>(409),
  'alliance.not-expected-at-event': problemKind<{ member: string; event: string }>(400),
  'alliance.attendance-exists': problemKind<{ member: string; was: string }>(409),
  'alliance.record-exists': problemKind<{ member: string }>(409),
  'alliance.not-checked-in': problemKind<{ member: string }>(400),
  'alliance.early-leave-exists': problemKind<{ member: string }>(409),
  'alliance.finding-exists': problemKind<{ member: string }>(409),
  'alliance.full-attendance-done': problemKind<{ key: string }>(409),
  'alliance.not-a-task': problemKind<{ task: string }>(400),
  'alliance.task-closed': problemKind<{ task: string }>(409),
  'alliance.not-assigned': problemKind<{ member: string; task: string }>(400),
  'alliance.task-acknowledged': problemKind<{ member: string }>(409),
  'alliance.task-submitted': problemKind<{ member: string }>(409),
  'alliance.member-inactive': problemKind<{ member: string }>(409),
  'alliance.record-not-pending': problemKind<{ approval: string }>(409),
  'alliance.record-voided': problemKind(409),
  'alliance.record-not-voided': problemKind(409),
  'alliance.unknown-record-kind': problemKind(400),
  'alliance.no-base-score': problemKind<{ plugin: string }>(409),
  'alliance.repricing-stale': problemKind(409),
  'alliance.repricing-refused': problemKind<{ count: number }>(409),
  'alliance.plugin-refuses-facts': problemKind<{ detail: string }>(400),
  'alliance.plugin-rules-refuse': problemKind<{ detail: string }>(400),

  // Screening
  'screening.wave-not-found': problemKind(404),
  'screening.wave-exists': problemKind<{ name: string }>(409),
  'screening.wave-status-transition': problemKind<{ from: string; to: string }>(409),
  'screening.wave-not-open': problemKind<{ wave: string }>(409),
  'screening.wave-cancelled': problemKind<{ wave: string }>(409),
  'screening.wave-has-results': problemKind<{ wave: string; results: number }>(409),
  'screening.wave-import-running': problemKind<{ wave: string }>(409),
  'screening.no-tier-rules': problemKind(409),
  'screening.import-not-found': problemKind(404),
  'screening.result-not-found': problemKind(404),
  'screening.calendar-edit-not-found': problemKind<{ date: string }>(404),

  // Concern reports
  'concerns.not-found': problemKind(404),
  'concerns.no-signs-policy': problemKind<{ school: string }>(409),
  'concerns.already-triaged': problemKind(409),

  // Crises
  'crises.not-found': problemKind(404),
  'crises.no-protocol': problemKind<{ school: string }>(409),
  'crises.closed': problemKind(409),
  'crises.not-closed': problemKind(409),
  'crises.step-not-found': problemKind<{ step: string }>(404),
  'crises.step-finished': problemKind<{ step: string }>(409),
  'crises.not-named': problemKind<{ step: string }>(403),
  'crises.referral-not-found': problemKind(404),
  'crises.no-review-due': problemKind(409),
  'crises.hospital-not-found': problemKind(404),
  'crises.hospital-in-use': problemKind(409),

  // Early warning (预警) and the integration API
  'warnings.not-found': problemKind(404),
  'warnings.not-open': problemKind(409),
  'warnings.not-academic': problemKind(409),
  'warnings.no-plugin': problemKind<{ school: string }>(409),
  'integration.token-required': problemKind(401),
  'integration.token-invalid': problemKind(401),
  'integration.feed-not-allowed': problemKind<{ feed: string }>(403),
  'integration.rate-limited': problemKind<{ retryAfterSeconds: number }>(429),
  'integration.token-not-found': problemKind(404),

  // Key students (重点关注学生)
  'key-students.not-found': problemKind(404),
  'key-students.already-on-roster': problemKind(409),
  'key-students.no-removal-requested': problemKind(409),

  // The student side (学生端)
  'student.no-account': problemKind(403),
  'student.password-change-required': problemKind(403),
  'student.wave-not-open': problemKind(404),
  'student.consent-required': problemKind(409),
  'student.screening-submitted': problemKind(409),
  'student.no-rules': problemKind(409),
  'student-accounts.not-found': problemKind(404),
  'student-accounts.class-not-found': problemKind(404),
  'appointments.not-found': problemKind(404),
  'appointments.slot-not-found': problemKind(404),
  'appointments.refused': problemKind(409),
  'feedback.refused': problemKind(409),
  'tree-hole.no-rules': problemKind<{ school: string }>(409),
  'tree-hole.not-found': problemKind(404),
  'tree-hole.key-refused': problemKind(403),
  'tree-hole.writer-not-revealed': problemKind(404),
  'tree-hole.closed': problemKind(409),
  'tree-hole.awaiting-reply': problemKind(409),

  // Support files (帮扶教育)
  'support.no-rules': problemKind<{ school: string }>(409),
  'support.list-not-found': problemKind(404),
  'support.entry-not-found': problemKind(404),
  'support.file-not-found': problemKind(404),
  'support.class-not-found': problemKind(404),
  'support.record-not-found': problemKind(404),

  // School plugins and student affairs
  'plugins.no-active-plugin': problemKind<{ school: string }>(404),
  'student-affairs.staff-not-found': problemKind(404),
  'student-affairs.plugin-broken': problemKind<{ plugin: string; errors: string }>(409),
} as const;

/** The stable code of a problem, e.g. `screening.wave-not-open`. */
export type ProblemCode = keyof typeof problemKinds;

/** The parameters the texts of a problem code are filled in with. */
export type ProblemParams<C extends ProblemCode> =
  (typeof problemKinds)[C] extends ProblemKind<infer P> ? P : never;
