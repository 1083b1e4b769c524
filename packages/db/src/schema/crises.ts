import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { concernReports } from './case-work.ts';
import { cases } from './cases.ts';
import { createdAt, id, schoolId, updatedAt } from './columns.ts';
import { people } from './network.ts';
import { schools } from './schools.ts';
import { screeningResults } from './screening.ts';
import { students } from './students.ts';

export const crisisStatuses = ['open', 'closed'] as const;
export type CrisisStatus = (typeof crisisStatuses)[number];
/** Where a crisis was opened from. */
export const crisisSources = ['concern', 'case', 'screening', 'direct'] as const;
export type CrisisSource = (typeof crisisSources)[number];

/** A role at a place in the network, as the school's `crisis-protocol` names it (copied onto each step). */
export interface CrisisActorRow {
  role: string;
  reach: 'student' | 'school';
}

/**
 * A crisis about one student, run step by step by the school's `crisis-protocol` (copied onto `crisis_steps` when it
 * opens, with the plugin id and version here). Its own tables, not a `cases` row: only the people who run a crisis
 * and the chain above them may read it (RLS `crises_access`), which is narrower than a case's full view.
 */
export const crises = pgTable(
  'crises',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    level: text('level').notNull(),
    status: text('status').$type<CrisisStatus>().notNull().default('open'),
    /** What happened, as the opener wrote it. */
    situation: text('situation').notNull(),
    source: text('source').$type<CrisisSource>().notNull(),
    concernReportId: uuid('concern_report_id').references(() => concernReports.id),
    caseId: uuid('case_id').references(() => cases.id),
    screeningResultId: uuid('screening_result_id').references(() => screeningResults.id),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => people.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => people.id),
    summary: text('summary'),
    pluginId: text('plugin_id').notNull(),
    pluginVersion: text('plugin_version').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('crises_student_idx').on(t.studentId),
    index('crises_status_idx').on(t.status, t.openedAt),
    check('crises_status_check', sql`status IN ('open', 'closed')`),
    check('crises_source_check', sql`source IN ('concern', 'case', 'screening', 'direct')`),
    check('crises_closed_summary', sql`status <> 'closed' OR length(summary) > 0`),
  ],
);

/** One step of a crisis's protocol: due from opening, done (with its note) or waived by the center director. */
export const crisisSteps = pgTable(
  'crisis_steps',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    doers: jsonb('doers').$type<CrisisActorRow[]>().notNull(),
    escalateTo: jsonb('escalate_to').$type<CrisisActorRow[]>().notNull(),
    records: text('records').array().notNull(),
    required: boolean('required').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => people.id),
    note: text('note'),
    waivedAt: timestamp('waived_at', { withTimezone: true }),
    waivedBy: uuid('waived_by').references(() => people.id),
    waiveReason: text('waive_reason'),
    /** When the escalation sweep told the step's escalation targets that it ran late. */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
  },
  (t) => [
    index('crisis_steps_crisis_idx').on(t.crisisId, t.position),
    index('crisis_steps_due_idx').on(t.dueAt).where(sql`done_at IS NULL AND waived_at IS NULL`),
    check('crisis_steps_waive_reason', sql`waived_at IS NULL OR length(waive_reason) > 0`),
  ],
);

/** How a family was contacted. */
export const familyContactMethods = ['phone', 'in_person', 'video', 'message'] as const;
export type FamilyContactMethod = (typeof familyContactMethods)[number];

/** 家校沟通: who of the family was contacted, when, how, by whom, and what was agreed. */
export const crisisFamilyContacts = pgTable(
  'crisis_family_contacts',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id),
    contactName: text('contact_name').notNull(),
    relation: text('relation').notNull(),
    phone: text('phone'),
    /** True when the contact is one of the student's recorded guardians. */
    fromGuardians: boolean('from_guardians').notNull().default(false),
    contactedAt: timestamp('contacted_at', { withTimezone: true }).notNull(),
    method: text('method').$type<FamilyContactMethod>().notNull(),
    agreed: text('agreed').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index('crisis_family_contacts_crisis_idx').on(t.crisisId)],
);

/** 绿色通道: the hospitals and units the school has an agreement with (school settings). */
export const contractedHospitals = pgTable(
  'contracted_hospitals',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    name: text('name').notNull(),
    department: text('department').notNull().default(''),
    contact: text('contact').notNull().default(''),
    phone: text('phone').notNull().default(''),
    agreementFrom: date('agreement_from'),
    agreementTo: date('agreement_to'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('contracted_hospitals_school_idx').on(t.schoolId, t.name),
    check(
      'contracted_hospitals_agreement_order',
      sql`agreement_from IS NULL OR agreement_to IS NULL OR agreement_from <= agreement_to`,
    ),
  ],
);

/** A green-channel referral: where, when, who went along, the outcome, and the return-to-school assessment. */
export const crisisReferrals = pgTable(
  'crisis_referrals',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id),
    hospitalId: uuid('hospital_id')
      .notNull()
      .references(() => contractedHospitals.id),
    referredAt: timestamp('referred_at', { withTimezone: true }).notNull(),
    accompaniedBy: text('accompanied_by').notNull(),
    outcome: text('outcome'),
    returnAssessment: text('return_assessment'),
    returnAssessedAt: timestamp('return_assessed_at', { withTimezone: true }),
    returnAssessedBy: uuid('return_assessed_by').references(() => people.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('crisis_referrals_crisis_idx').on(t.crisisId)],
);

export const affectedRelations = ['roommate', 'classmate', 'witness'] as const;
export type AffectedRelation = (typeof affectedRelations)[number];
export const affectedSupports = ['group', 'individual'] as const;
export type AffectedSupport = (typeof affectedSupports)[number];

/** Someone a crisis affected (roommate, classmate, witness), with the support follow-up case opened for them. */
export const crisisAffected = pgTable(
  'crisis_affected',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    relation: text('relation').$type<AffectedRelation>().notNull(),
    support: text('support').$type<AffectedSupport>().notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('crisis_affected_crisis_idx').on(t.crisisId),
    check('crisis_affected_relation_check', sql`relation IN ('roommate', 'classmate', 'witness')`),
    check('crisis_affected_support_check', sql`support IN ('group', 'individual')`),
  ],
);

/** The review meeting after a crisis closed (复盘会): due by the protocol, then held with its written case report. */
export const crisisReviews = pgTable(
  'crisis_reviews',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id),
    dueOn: date('due_on').notNull(),
    heldOn: date('held_on'),
    participants: text('participants'),
    findings: text('findings'),
    changes: text('changes'),
    report: text('report'),
    recordedBy: uuid('recorded_by').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('crisis_reviews_crisis_idx').on(t.crisisId),
    index('crisis_reviews_due_idx').on(t.dueOn).where(sql`held_on IS NULL`),
  ],
);

/** The timeline of a crisis: every change, who made it and when. Entries are never edited. */
export const crisisEvents = pgTable(
  'crisis_events',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => people.id),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('crisis_events_crisis_idx').on(t.crisisId, t.createdAt)],
);
