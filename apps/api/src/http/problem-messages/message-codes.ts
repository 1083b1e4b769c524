import { type MessageKind, messageKind } from './kind.ts';

/**
 * Every message of one field (`errors[].message`) or one imported row (`errors[].reason`), by its stable code, with
 * the parameters its text is filled in with. A code needs a text in every language (./zh-CN.ts, ./en.ts).
 */
export const messageKinds = {
  // A value that fails its schema (zod's issue kinds)
  'field.required': messageKind(),
  'field.wrong-type': messageKind<{ expected: string }>(),
  'field.too-small': messageKind<{ origin: string; minimum: number; inclusive: boolean }>(),
  'field.too-big': messageKind<{ origin: string; maximum: number; inclusive: boolean }>(),
  'field.invalid-format': messageKind<{ format: string }>(),
  'field.invalid-option': messageKind<{ values: readonly string[] }>(),
  'field.unknown-keys': messageKind<{ keys: readonly string[] }>(),
  'field.not-multiple-of': messageKind<{ divisor: number }>(),
  'field.invalid': messageKind(),
  'field.nul-character': messageKind(),
  'field.bad-percent-encoding': messageKind(),

  'field.nothing-to-change': messageKind(),

  // The work network
  'units.no-such-unit': messageKind(),
  'units.no-such-parent': messageKind(),
  'units.lowest-level': messageKind<{ parent: string }>(),
  'units.wrong-level': messageKind<{
    parent: string;
    expected: string;
    expectedName: string;
    given: string;
  }>(),
  'units.name-taken': messageKind<{ name: string }>(),

  // Accounts and roles
  'people.role-listed-twice': messageKind(),
  'people.username-taken': messageKind(),
  'people.username-characters': messageKind(),
  'people.password-too-short': messageKind<{ minimum: number }>(),
  'people.nothing-to-change': messageKind(),
  'people.cannot-disable-self': messageKind(),
  'people.cannot-drop-own-admin': messageKind(),

  // Students, their files and imports
  'students.no-such-student': messageKind(),
  'students.phone-format': messageKind(),
  'students.number-characters': messageKind(),
  'students.number-taken': messageKind(),
  'students.outside-units': messageKind(),
  'students.not-a-college': messageKind(),
  'students.not-a-class-of-college': messageKind(),
  'students.not-a-dorm-of-class': messageKind(),
  'students.gender': messageKind(),
  'students.enrolment-year-format': messageKind(),
  'students.guardian-name-missing': messageKind(),
  'students.guardian-phone-missing': messageKind(),
  'import.file-missing': messageKind(),
  'import.body-missing': messageKind(),
  'import.file-unreadable': messageKind<{ zh: string; en: string }>(),
  'import.stray-cells': messageKind<{ count: number; first: string }>(),
  'import.number-repeated': messageKind<{ first: number; again: number }>(),
  'import.no-college': messageKind<{ college: string }>(),
  'import.ambiguous-college': messageKind<{ college: string }>(),
  'import.no-class': messageKind<{ college: string; className: string }>(),
  'import.ambiguous-class': messageKind<{ college: string; className: string }>(),
  'import.no-dorm': messageKind<{ className: string; dorm: string }>(),
  'import.ambiguous-dorm': messageKind<{ className: string; dorm: string }>(),
  'import.placement-outside-units': messageKind(),
  'import.student-outside-units': messageKind(),
  'import.number-taken-outside-units': messageKind(),

  // Cases
  'cases.responsible-out-of-reach': messageKind(),
  'cases.date-in-past': messageKind<{ today: string }>(),
  'cases.closed': messageKind(),
  'cases.status-transition': messageKind<{ from: string; to: string }>(),
  'cases.assignee-out-of-reach': messageKind(),
  'cases.talk-in-future': messageKind(),
  'cases.talk-before-case': messageKind(),
  'cases.next-step-before-talk': messageKind(),

  // Notifications
  'notifications.no-address': messageKind(),

  // Screening waves, imports and the working calendar
  'screening.instrument': messageKind(),
  'screening.cohort': messageKind(),
  'screening.date-format': messageKind(),
  'screening.closes-before-opens': messageKind(),
  'screening.calendar-year-range': messageKind(),
  'screening.calendar-date': messageKind(),
  'screening.calendar-working': messageKind(),
  'screening.no-such-wave': messageKind(),
  'screening.wave-not-open': messageKind<{ wave: string }>(),
  'screening.wave-cancelled': messageKind<{ wave: string }>(),
  'screening.unsupported-instrument': messageKind<{ instrument: string }>(),
  'screening.no-tier-rules': messageKind(),
  'screening.tier-rules-miss-instrument': messageKind<{
    plugin: string;
    version: string;
    instrument: string;
  }>(),
  'screening.import-server-error': messageKind(),
  'screening.import-starter-gone': messageKind(),
  'screening.import-gave-up': messageKind<{ reason: string }>(),
  'screening.import-orphaned': messageKind(),
  'screening.stored-reason': messageKind<{ text: string }>(),
  'screening.student-number-missing': messageKind(),
  'screening.yes-or-no': messageKind<{ value: string }>(),
  'screening.submission-time': messageKind<{ value: string }>(),
  'screening.answers-invalid': messageKind<{ zh: string; en: string }>(),
  'screening.number-repeated': messageKind<{ studentNumber: string; first: number }>(),
  'screening.no-tier-for-result': messageKind<{ error: string }>(),
  'screening.no-such-student-number': messageKind<{ studentNumber: string }>(),
  'screening.name-mismatch': messageKind<{ name: string; studentNumber: string }>(),

  // The peer alliance
  'alliance.no-such-member': messageKind(),
  'alliance.no-such-department': messageKind(),
  'alliance.no-such-account': messageKind(),
  'alliance.no-such-event': messageKind(),
  'alliance.no-such-event-in-term': messageKind(),
  'alliance.member-or-department': messageKind(),
  'alliance.department-empty': messageKind(),
  'alliance.fact-protected': messageKind(),
  'alliance.only-check-in': messageKind(),
  'alliance.event-closed': messageKind(),
  'alliance.task-closed': messageKind(),
  'alliance.not-expected-at-event': messageKind<{ member: string; event: string }>(),
  'alliance.not-assigned': messageKind<{ member: string; task: string }>(),
  'alliance.not-checked-in': messageKind<{ member: string; event: string }>(),
  'alliance.attendance-exists': messageKind<{ was: string }>(),
  'alliance.record-exists': messageKind(),
  'alliance.early-leave-exists': messageKind(),
  'alliance.finding-exists': messageKind(),
  'alliance.key-used': messageKind(),
  'alliance.task-acknowledged': messageKind(),
  'alliance.task-submitted': messageKind(),
  'alliance.repricing-stale': messageKind(),
  'alliance.plugin-refuses': messageKind<{ detail: string }>(),
  'alliance.branch-needs-college': messageKind(),
  'alliance.routine-needs-department': messageKind(),
  'alliance.plenary-without-department': messageKind(),
  'alliance.ends-before-starts': messageKind(),
  'alliance.deadline-before-assigned': messageKind(),
  'alliance.correction-empty': messageKind(),

  // Concern reports
  'concerns.unknown-sign': messageKind<{ code: string }>(),
  'concerns.nothing-observed': messageKind(),
  'concerns.reason-required': messageKind(),
  'concerns.case-required': messageKind(),
  'concerns.case-of-another-student': messageKind(),
  'concerns.case-closed': messageKind(),
  'concerns.due-date-required': messageKind(),

  // Early-warning feeds
  'feeds.no-such-student': messageKind<{ studentNumber: string }>(),
  'feeds.grade-outside-scale': messageKind<{ grade: string; allowed: readonly string[] }>(),
  'feeds.score-or-grade': messageKind(),
  'feeds.future-time': messageKind(),
  'feeds.row-repeated': messageKind<{ first: number }>(),
  'feeds.too-many-rows': messageKind<{ max: number }>(),

  // Crises
  'crises.unknown-level': messageKind<{ level: string }>(),

  // The student side (学生端)
  'student.wrong-current-password': messageKind(),
  'student.same-password': messageKind(),
  'student.consent-version-changed': messageKind<{ version: string }>(),
  'student.answer-count': messageKind<{ expected: number }>(),
  'student.answer-missing': messageKind<{ item: number; min: number; max: number }>(),
  'student.answer-out-of-range': messageKind<{ item: number; min: number; max: number }>(),
  'student.answers-differ': messageKind(),
  'appointments.slot-taken': messageKind(),
  'appointments.slot-past': messageKind(),
  'appointments.notice-too-short': messageKind<{ hours: number }>(),
  'appointments.too-many-open': messageKind<{ max: number }>(),
  'appointments.priority-only': messageKind(),
  'appointments.not-booked': messageKind(),
  'appointments.not-started': messageKind(),
  'feedback.code-unknown': messageKind(),
  'feedback.code-used': messageKind(),
  'tree-hole.key-unknown': messageKind(),
  'tree-hole.key-used': messageKind(),
  'tree-hole.notice-changed': messageKind<{ version: string }>(),
  'crises.one-source': messageKind(),
  'crises.source-not-found': messageKind(),
  'crises.source-not-self-harm': messageKind(),
  'crises.step-open': messageKind<{ step: string }>(),
  'crises.return-assessment-missing': messageKind(),
  'crises.before-opening': messageKind(),
  'crises.in-future': messageKind(),
  'crises.hospital-not-listed': messageKind(),
  'crises.record-missing': messageKind<{ record: string }>(),
  'crises.guardian-not-found': messageKind(),
  'crises.contact-required': messageKind(),
  'crises.affected-is-the-student': messageKind(),
  'crises.already-affected': messageKind(),
  'crises.held-before-closing': messageKind(),
  'crises.agreement-order': messageKind(),

  // Support files
  'support.not-a-class': messageKind(),
  'support.not-in-class': messageKind(),
  'support.already-listed': messageKind(),
  'support.removed-entry': messageKind(),
  'support.not-on-list': messageKind(),
  'support.helper-outside-network': messageKind(),
  'support.helper-kind': messageKind<{ kind: string }>(),
  'support.plan-empty': messageKind(),
  'support.before-term-end': messageKind<{ termEnd: string }>(),
  'support.in-future': messageKind(),
  'support.revoked-before': messageKind(),
  'support.already-revoked': messageKind(),
  'support.already-certified': messageKind(),

  // Student affairs
  'student-affairs.area-not-configured': messageKind<{ area: string }>(),
  'student-affairs.plugin-refuses': messageKind<{ area: string; detail: string }>(),
} as const;

/** The stable code of a field or row message, e.g. `field.required`. */
export type MessageCode = keyof typeof messageKinds;

/** The parameters the text of a message code is filled in with. */
export type MessageParams<C extends MessageCode> =
  (typeof messageKinds)[C] extends MessageKind<infer P> ? P : never;
