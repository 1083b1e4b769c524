import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, schoolId, updatedAt } from './columns.ts';
import { people } from './network.ts';
import { schools } from './schools.ts';
import { screeningWaves } from './screening.ts';
import { students } from './students.ts';

/**
 * A student's sign-in (学生端). The account itself is a `people` row (username `student:<学号>`, role `student` on the
 * student's class) so sessions, throttling and timeouts are the staff's; this row ties it to the student record.
 * A school's single sign-on can later replace the password without changing this link (docs/student-accounts.md).
 */
export const studentAccounts = pgTable(
  'student_accounts',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    /** Issued or reset passwords are temporary: every screen but the change of password waits until it is changed. */
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    issuedBy: uuid('issued_by').references(() => people.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  },
  (t) => [unique('student_accounts_student_unique').on(t.studentId)],
);

export const consentDecisions = ['consented', 'declined'] as const;
export type ConsentDecision = (typeof consentDecisions)[number];

/**
 * A student's informed consent (知情同意, PIPL art. 29) to a wave, with the exact text and version they were shown.
 * Changing one's mind updates the row; the audit log keeps every decision.
 */
export const screeningConsents = pgTable(
  'screening_consents',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => screeningWaves.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    decision: text('decision').$type<ConsentDecision>().notNull(),
    textVersion: text('text_version').notNull(),
    text: text('text').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
    /** A counsellor followed up a decline (My work item done). */
    followedUpAt: timestamp('followed_up_at', { withTimezone: true }),
    followedUpBy: uuid('followed_up_by').references(() => people.id),
  },
  (t) => [
    unique('screening_consents_wave_student_unique').on(t.waveId, t.studentId),
    check('screening_consents_decision_check', sql`decision IN ('consented', 'declined')`),
  ],
);

/**
 * A student's online answers to a wave: saved as they go (`in_progress`, answers with nulls for the unanswered) and
 * submitted once. On submission a job stores the result through the import's own batch statement.
 */
export const screeningResponses = pgTable(
  'screening_responses',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => screeningWaves.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    instrument: text('instrument').notNull(),
    answers: jsonb('answers').$type<(number | null)[]>().notNull(),
    askedForCounselling: boolean('asked_for_counselling').notNull().default(false),
    status: text('status').$type<'in_progress' | 'submitted'>().notNull().default('in_progress'),
    /** A safety answer was given: the help line stays on the student's page. */
    safety: boolean('safety').notNull().default(false),
    startedAt: createdAt(),
    updatedAt: updatedAt(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [unique('screening_responses_wave_student_unique').on(t.waveId, t.studentId)],
);

/** A counselling slot a member of the center publishes (心理咨询预约); `priority` slots are kept for tier-1 students. */
export const counsellingSlots = pgTable(
  'counselling_slots',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    counsellorId: uuid('counsellor_id')
      .notNull()
      .references(() => people.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    priority: boolean('priority').notNull().default(false),
    /** Booked by an active appointment; kept on the slot so a student sees it taken without seeing by whom. */
    taken: boolean('taken').notNull().default(false),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('counselling_slots_school_start_idx').on(t.schoolId, t.startsAt),
    check('counselling_slots_window_check', sql`ends_at > starts_at`),
  ],
);

export const appointmentStatuses = ['booked', 'cancelled', 'attended', 'no_show'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** A student's booking of a slot. At most one active (not cancelled) appointment per slot. */
export const appointments = pgTable(
  'appointments',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => counsellingSlots.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    status: text('status').$type<AppointmentStatus>().notNull().default('booked'),
    firstVisit: boolean('first_visit').notNull().default(false),
    bookedAt: createdAt(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').references(() => people.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('appointments_active_slot_unique').on(t.slotId).where(sql`status <> 'cancelled'`),
    index('appointments_student_idx').on(t.studentId),
    check('appointments_status_check', sql`status IN ('booked', 'cancelled', 'attended', 'no_show')`),
  ],
);

/** A student waiting for a slot when none is free; offered the next published one. */
export const appointmentWaitlist = pgTable(
  'appointment_waitlist',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('appointment_waitlist_open_unique').on(t.studentId).where(sql`closed_at IS NULL`)],
);

/** The counsellor's note of a session: the center's alone (RLS), others see only that a student is in counselling. */
export const counsellingNotes = pgTable('counselling_notes', {
  appointmentId: uuid('appointment_id')
    .primaryKey()
    .references(() => appointments.id),
  schoolId: schoolId().references(() => schools.id),
  studentId: uuid('student_id')
    .notNull()
    .references(() => students.id),
  body: text('body').notNull(),
  recordedBy: uuid('recorded_by').references(() => people.id),
  recordedAt: createdAt(),
});

/**
 * The one-time feedback code (反馈码) of an attended session, shown to its student. Using it writes a rating that
 * names the counsellor only; the code is marked used and nothing links it to the rating.
 */
export const feedbackCodes = pgTable('feedback_codes', {
  code: text('code').primaryKey(),
  schoolId: schoolId().references(() => schools.id),
  appointmentId: uuid('appointment_id')
    .notNull()
    .unique('feedback_codes_appointment_unique')
    .references(() => appointments.id),
  issuedAt: createdAt(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** An anonymous rating of a counselling session: no student, no code, the day only. */
export const feedbackRatings = pgTable(
  'feedback_ratings',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    counsellorId: uuid('counsellor_id')
      .notNull()
      .references(() => people.id),
    attitude: smallint('attitude').notNull(),
    professionalism: smallint('professionalism').notNull(),
    helpfulness: smallint('helpfulness').notNull(),
    overall: smallint('overall').notNull(),
    ratedOn: date('rated_on').notNull(),
  },
  (t) => [
    index('feedback_ratings_school_idx').on(t.schoolId, t.ratedOn),
    check(
      'feedback_ratings_range_check',
      sql`attitude BETWEEN 1 AND 5 AND professionalism BETWEEN 1 AND 5 AND helpfulness BETWEEN 1 AND 5 AND overall BETWEEN 0 AND 100`,
    ),
  ],
);
