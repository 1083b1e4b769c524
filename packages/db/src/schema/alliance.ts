import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, schoolId } from './columns.ts';
import { people, units } from './network.ts';
import { schools } from './schools.ts';
import { students } from './students.ts';

/** A department of the peer alliance (presidium, office, publicity...) or a college branch. */
export const allianceDepartments = pgTable('alliance_departments', {
  id: id(),
  schoolId: schoolId().references(() => schools.id),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  /** Set for a college branch of the alliance. */
  collegeUnitId: uuid('college_unit_id').references(() => units.id),
  createdAt: createdAt(),
});

/** An assessment term of the alliance. */
export const allianceTerms = pgTable('alliance_terms', {
  id: id(),
  schoolId: schoolId().references(() => schools.id),
  name: text('name').notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
  createdAt: createdAt(),
});

/** A member in a term: a cadre (干部) or staff member (干事) of a department, usually a student. */
export const allianceMembers = pgTable(
  'alliance_members',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => allianceTerms.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => allianceDepartments.id),
    studentId: uuid('student_id').references(() => students.id),
    /**
     * The linked student's number, copied when the member is linked (like the name): the alliance office knows its
     * members' numbers but has no reach into the students table.
     */
    studentNumber: text('student_number'),
    personId: uuid('person_id').references(() => people.id),
    name: text('name').notNull(),
    memberRole: text('member_role').$type<'cadre' | 'staff'>().notNull(),
    /** Officers may score other members. */
    isOfficer: boolean('is_officer').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('alliance_members_term_idx').on(t.termId, t.departmentId)],
);

/** A meeting, duty shift or activity that members attend; check-in happens while it is open. */
export const allianceEvents = pgTable(
  'alliance_events',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => allianceTerms.id),
    /** Null for alliance-wide events (plenary meetings). */
    departmentId: uuid('department_id').references(() => allianceDepartments.id),
    kind: text('kind').$type<'routine_meeting' | 'plenary_meeting' | 'duty_shift' | 'activity'>().notNull(),
    title: text('title').notNull(),
    stars: integer('stars').notNull().default(0),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    status: text('status').$type<'scheduled' | 'open' | 'closed'>().notNull().default('scheduled'),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index('alliance_events_term_idx').on(t.termId, t.startsAt)],
);

/**
 * Anything recorded against a member that the plugin prices: a check-in, a leave request, a task submission,
 * a quality or minutes rating, discipline, a reward (waiting for approval when the plugin says so).
 */
export const allianceRecords = pgTable(
  'alliance_records',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => allianceTerms.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => allianceMembers.id),
    eventId: uuid('event_id').references(() => allianceEvents.id),
    taskKey: text('task_key'),
    kind: text('kind').notNull(),
    /** The facts of the record as the plugin's penalty-points area reads them. */
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    approval: text('approval')
      .$type<'not_needed' | 'pending' | 'approved' | 'rejected'>()
      .notNull()
      .default('not_needed'),
    approvedBy: uuid('approved_by').references(() => people.id),
    recordedBy: uuid('recorded_by').references(() => people.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('alliance_records_member_idx').on(t.memberId, t.recordedAt),
    // One check-in per member per event: a second one is refused by the database too.
    unique('alliance_records_checkin_unique').on(t.eventId, t.memberId, t.kind),
  ],
);

/**
 * The points ledger: append-only. Each entry names the record it came from and the plugin rule and version that
 * priced it; a correction is a new entry reversing another, with a reason.
 */
export const allianceLedger = pgTable(
  'alliance_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    schoolId: schoolId().references(() => schools.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => allianceTerms.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => allianceMembers.id),
    recordId: uuid('record_id').references(() => allianceRecords.id),
    delta: numeric('delta', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    ruleName: text('rule_name').notNull(),
    pluginId: text('plugin_id').notNull(),
    pluginVersion: text('plugin_version').notNull(),
    reason: text('reason').notNull(),
    reversesEntryId: integer('reverses_entry_id'),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: createdAt(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('alliance_ledger_member_idx').on(t.memberId, t.id)],
);
