import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, schoolId, updatedAt } from './columns.ts';
import { people } from './network.ts';
import { schools } from './schools.ts';
import { studentCopyKey, students } from './students.ts';

/** The data feeds a school sends: 教务 grades, 一卡通 transactions, campus activity (door, library, Wi-Fi, attendance). */
export const feedKinds = ['grades', 'card', 'activity'] as const;
export type FeedKind = (typeof feedKinds)[number];
export const activitySources = ['door', 'library', 'wifi', 'attendance', 'card'] as const;
export type ActivitySource = (typeof activitySources)[number];
export const cardPlaces = ['canteen', 'shop', 'library', 'bath', 'transport', 'other'] as const;
export type CardPlace = (typeof cardPlaces)[number];

/**
 * 教务 term grades, one row per student, term, course and attempt (`resit` 补考/重修). Idempotent by that key: a feed
 * sent again updates the row. Readable by whoever sees the student in full and by the import role (RLS);
 * `xq_failed_courses(student, term)` answers a student's failed courses for other modules.
 */
export const feedGrades = pgTable(
  'feed_grades',
  {
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    /** `2025-2026-1`: academic year and term (1 autumn, 2 spring). */
    term: text('term').notNull(),
    courseCode: text('course_code').notNull(),
    courseName: text('course_name').notNull(),
    credit: numeric('credit', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    /** Percentage score 0–100, or null when the course is graded by a letter or level (`grade`). */
    score: numeric('score', { precision: 5, scale: 1, mode: 'number' }),
    grade: text('grade'),
    passed: boolean('passed').notNull(),
    resit: boolean('resit').notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.studentId, t.term, t.courseCode, t.resit] }),
    check('feed_grades_score_check', sql`score IS NULL OR (score >= 0 AND score <= 100)`),
    check('feed_grades_score_or_grade', sql`score IS NOT NULL OR grade IS NOT NULL`),
  ],
);

/**
 * 一卡通 transactions: raw, readable only by the import role (RLS capability `feeds.raw`), deleted after the plugin's
 * retention period. The key leads with the student and time, the order the signals read them in; `ref` (the card
 * system's transaction number) makes a replayed feed a no-op.
 */
export const feedCardTransactions = pgTable(
  'feed_card_transactions',
  {
    schoolId: schoolId(),
    studentId: uuid('student_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    ref: text('ref').notNull(),
    /** Spending in fen (分), positive; top-ups are not spending and are not sent. */
    amountCents: integer('amount_cents').notNull(),
    place: text('place').$type<CardPlace>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.studentId, t.occurredAt, t.ref] })],
);

/** Campus activity (last-seen events): raw like card transactions, import role only, kept for the retention period. */
export const feedActivityEvents = pgTable(
  'feed_activity_events',
  {
    schoolId: schoolId(),
    studentId: uuid('student_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    source: text('source').$type<ActivitySource>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.studentId, t.occurredAt, t.source] })],
);

/**
 * One batch written to a feed (a file through the screen or the CLI, or a POST through the integration API), with
 * its counts and row errors. A rejected batch stores no rows, only this record of the attempt.
 */
export const feedBatches = pgTable(
  'feed_batches',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    feed: text('feed').$type<FeedKind>().notNull(),
    /** `ui`, `cli` or `api`. */
    channel: text('channel').notNull(),
    tokenId: uuid('token_id'),
    personId: uuid('person_id').references(() => people.id),
    fileName: text('file_name'),
    rowsTotal: integer('rows_total').notNull().default(0),
    rowsWritten: integer('rows_written').notNull().default(0),
    status: text('status').$type<'accepted' | 'rejected'>().notNull(),
    errors: jsonb('errors').$type<{ row: number; column: string; message: string }[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('feed_batches_school_idx').on(t.schoolId, t.createdAt)],
);

/**
 * A service token of the school's academic-affairs or campus-card system: shown once, stored as its SHA-256, scoped
 * to one school and the feeds it may write, revocable at once. `window_*` count its requests for the rate limit.
 */
export const integrationTokens = pgTable(
  'integration_tokens',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the token, to recognise it in the list. */
    prefix: text('prefix').notNull(),
    feeds: text('feeds').array().$type<FeedKind[]>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => people.id),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    windowStart: timestamp('window_start', { withTimezone: true }),
    windowCount: integer('window_count').notNull().default(0),
  },
  (t) => [uniqueIndex('integration_tokens_hash_unique').on(t.tokenHash)],
);

/**
 * The latest signals of a student, computed in SQL from the feeds (values only: counts, GPA, percentages, days;
 * never a transaction). What the counsellor sees on the student file.
 */
export const studentSignals = pgTable('student_signals', {
  studentId: uuid('student_id')
    .primaryKey()
    .references(() => students.id),
  schoolId: schoolId().references(() => schools.id),
  values: jsonb('values').$type<Record<string, number>>().notNull(),
  term: text('term'),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});

export const warningStatuses = ['open', 'cleared', 'closed'] as const;
export type WarningStatus = (typeof warningStatuses)[number];

/** A reason as the rule that fired gave it, with the signal values that tripped it. */
export interface WarningReasonRow {
  ruleName: string;
  zh: string;
  en: string;
  values: Record<string, number>;
}

/**
 * A warning of one module (academic, psychological-crisis, spending, lost-contact) about one student. At most one
 * open per student and module (unique index): a new evaluation updates it; it clears itself when its signal clears,
 * or the counsellor closes it with a note.
 */
export const warnings = pgTable(
  'warnings',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id').notNull(),
    /**
     * The student's placement, kept equal to `students.placement_path` by the (student, placement) key (ON UPDATE
     * CASCADE), as a screening result's: RLS and a unit's list test it on the row instead of looking the student up.
     */
    placementPath: text('placement_path').notNull(),
    /** The student's number, kept equal by the (student, number) key; the `warnings_place` trigger copies it in. */
    studentNumber: text('student_number').notNull().default(''),
    module: text('module').notNull(),
    level: text('level').$type<'yellow' | 'red'>().notNull(),
    status: text('status').$type<WarningStatus>().notNull().default('open'),
    reasons: jsonb('reasons').$type<WarningReasonRow[]>().notNull(),
    actions: text('actions').array().notNull(),
    deadlineWorkingDays: integer('deadline_working_days').notNull(),
    dueOn: date('due_on').notNull(),
    urgent: boolean('urgent').notNull().default(false),
    /** The grades term that raised an academic warning, and the one that cleared it (the KPI 1.2). */
    term: text('term'),
    clearedTerm: text('cleared_term'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => people.id),
    closeNote: text('close_note'),
    /** The one-to-one talk recorded (an academic card's talk within its deadline). */
    talkedAt: timestamp('talked_at', { withTimezone: true }),
    crisisId: uuid('crisis_id'),
    pluginId: text('plugin_id').notNull(),
    pluginVersion: text('plugin_version').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('warnings_open_unique').on(t.studentId, t.module).where(sql`status = 'open'`),
    index('warnings_school_status_idx').on(t.schoolId, t.status, t.module),
    // A unit's warnings (every status) are read student by student: without it each visible student re-read the
    // school's warnings (the warning list took 150 ms for a counsellor's 1,066 students on PostgreSQL).
    index('warnings_student_idx').on(t.studentId),
    // A counsellor's warnings to handle (My work) and a unit's list: a range of paths, not a walk of its students.
    index('warnings_open_placement_idx')
      .on(t.schoolId, t.placementPath.op('text_pattern_ops'))
      .where(sql`status = 'open' AND talked_at IS NULL`),
    index('warnings_placement_idx').on(t.schoolId, t.placementPath.op('text_pattern_ops')),
    studentCopyKey('warnings_student_placement_fk', t.studentId, t.placementPath, 'placementPath'),
    studentCopyKey('warnings_student_number_fk', t.studentId, t.studentNumber, 'studentNumber'),
    check('warnings_status_check', sql`status IN ('open', 'cleared', 'closed')`),
    check('warnings_level_check', sql`level IN ('yellow', 'red')`),
    check('warnings_close_note', sql`status <> 'closed' OR length(close_note) > 0`),
  ],
);

/** 《学业提升计划书》: the written improvement plan of an academic card, kept on the student's file. */
export const improvementPlans = pgTable(
  'improvement_plans',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    warningId: uuid('warning_id')
      .notNull()
      .references(() => warnings.id),
    goals: text('goals').notNull(),
    actions: text('actions').notNull(),
    /** `peer` 朋辈学伴 or `tutor` 学业导师, and who. */
    matchKind: text('match_kind').$type<'peer' | 'tutor'>().notNull(),
    matchName: text('match_name').notNull(),
    reviewOn: date('review_on').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('improvement_plans_warning_unique').on(t.warningId),
    index('improvement_plans_student_idx').on(t.studentId),
    check('improvement_plans_match_check', sql`match_kind IN ('peer', 'tutor')`),
  ],
);
