import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { createdAt, id, schoolId, updatedAt } from './columns.ts';
import { people } from './network.ts';
import { schools } from './schools.ts';
import { students } from './students.ts';

export const concernUrgencies = ['routine', 'urgent'] as const;
export type ConcernUrgency = (typeof concernUrgencies)[number];
/** What the reporter sees: received (not yet triaged), being handled (a case took it), closed (with a reason). */
export const concernStatuses = ['received', 'handling', 'closed'] as const;
export type ConcernStatus = (typeof concernStatuses)[number];
export const concernOutcomes = ['case_opened', 'added_to_case', 'closed'] as const;
export type ConcernOutcome = (typeof concernOutcomes)[number];

/**
 * A concern about a student raised by someone who sees them (staff, class psych committee members, dorm liaisons):
 * the signs observed (codes of the school's `concern-signs` policy), free text and urgency. It goes to the student's
 * counsellor to triage by `dueAt`; the reporter sees only its status.
 */
export const concernReports = pgTable(
  'concern_reports',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => people.id),
    /** Sign codes from the school's `concern-signs` policy area, e.g. `withdrawn`, `mood-swing`. */
    signs: text('signs').array().notNull().default(sql`'{}'::text[]`),
    note: text('note').notNull().default(''),
    urgency: text('urgency').$type<ConcernUrgency>().notNull().default('routine'),
    /** True when a sign the plugin marks as self-harm was reported: sorted before everything else. */
    selfHarm: boolean('self_harm').notNull().default(false),
    status: text('status').$type<ConcernStatus>().notNull().default('received'),
    /** Who must triage it (the student's counsellor when the report was filed), and by when. */
    assigneeId: uuid('assignee_id').references(() => people.id),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    outcome: text('outcome').$type<ConcernOutcome>(),
    caseId: uuid('case_id').references(() => cases.id),
    closeReason: text('close_reason'),
    triagedBy: uuid('triaged_by').references(() => people.id),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    pluginId: text('plugin_id').notNull(),
    pluginVersion: text('plugin_version').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('concern_reports_student_idx').on(t.studentId),
    index('concern_reports_assignee_idx').on(t.assigneeId, t.status),
    index('concern_reports_reporter_idx').on(t.reporterId, t.createdAt),
    check('concern_reports_urgency_check', sql`urgency IN ('routine', 'urgent')`),
    check('concern_reports_status_check', sql`status IN ('received', 'handling', 'closed')`),
    check(
      'concern_reports_closed_reason',
      sql`status <> 'closed' OR outcome <> 'closed' OR length(close_reason) > 0`,
    ),
  ],
);

export const keyStudentSources = ['tier1', 'case', 'warning', 'manual'] as const;
export type KeyStudentSource = (typeof keyStudentSources)[number];

/**
 * A student on a counsellor's key-student roster (重点关注学生): put there by a tier-1 result, an open case, a
 * warning or by hand with a reason; taken off with a reason (and, where the plugin says so, the station head's
 * approval: `removalRequestedAt` set, `removedAt` empty until approved). Talks are case entries of kind `interview`.
 */
export const keyStudents = pgTable(
  'key_students',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    counsellorId: uuid('counsellor_id').references(() => people.id),
    source: text('source').$type<KeyStudentSource>().notNull(),
    reason: text('reason').notNull(),
    addedBy: uuid('added_by').references(() => people.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    removalReason: text('removal_reason'),
    removalRequestedBy: uuid('removal_requested_by').references(() => people.id),
    removalRequestedAt: timestamp('removal_requested_at', { withTimezone: true }),
    removedBy: uuid('removed_by').references(() => people.id),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    // One open roster entry per student.
    uniqueIndex('key_students_open_unique').on(t.studentId).where(sql`removed_at IS NULL`),
    index('key_students_counsellor_idx').on(t.counsellorId),
  ],
);

/**
 * An in-app notification for one person. `kind` and `params` say what happened (rendered in the reader's language
 * by the frontend); `link` is the shell path where it is handled. Only the recipient reads it.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    link: text('link').notNull().default('/'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_recipient_idx').on(t.recipientId, t.createdAt)],
);

export const notificationChannelKinds = ['email', 'webhook'] as const;
export type NotificationChannelKind = (typeof notificationChannelKinds)[number];

/**
 * A school's outbound channel: e-mail through its SMTP server, or a 企业微信/钉钉 group-robot webhook. Set by the
 * school admin; `config` holds the server or URL (no message content).
 */
export const notificationChannels = pgTable(
  'notification_channels',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    kind: text('kind').$type<NotificationChannelKind>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    config: jsonb('config').$type<Record<string, string | number | boolean>>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('notification_channels_school_kind_unique').on(t.schoolId, t.kind)],
);

/**
 * The transactional outbox: one outbound message per channel and recipient, written in the same transaction as the
 * event, delivered by the job queue with retries and backoff. The text carries no sensitive content (PIPL art. 28):
 * counts, dates and a link, never a name with a finding. `sentAt` is set once; a delivered row is never sent again.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    channel: text('channel').$type<NotificationChannelKind>().notNull(),
    /** E-mail address, or empty for a school's group webhook. */
    recipient: text('recipient').notNull().default(''),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notification_outbox_pending_idx')
      .on(t.nextAttemptAt)
      .where(sql`sent_at IS NULL AND failed_at IS NULL`),
  ],
);
