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
import { people, units } from './network.ts';
import { schools } from './schools.ts';
import { students } from './students.ts';

// Support files (帮扶教育, issue 14; seed 004): the term's support list per class, one file per listed student with
// a responsible person, the six-part plan, the process and parent-contact logs and the head teacher's evaluation;
// and the records the list is proposed from (sanctions, hardship certifications) and the financial aids of seed 001.
// Terms are written `2026-2027-1` (academic year and term, 1 autumn, 2 spring), as the grades feed writes them.

/** 警告、严重警告、记过、留校察看、开除学籍 (the levels of 《普通高等学校学生管理规定》 art. 52). */
export const sanctionLevels = ['warning', 'serious_warning', 'demerit', 'probation', 'expulsion'] as const;
export type SanctionLevel = (typeof sanctionLevels)[number];

/** A disciplinary sanction (行政处分): what for, its level, the date, and when it was revoked (解除). */
export const disciplinarySanctions = pgTable(
  'disciplinary_sanctions',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    sanction: text('sanction').notNull(),
    level: text('level').$type<SanctionLevel>().notNull(),
    sanctionedOn: date('sanctioned_on').notNull(),
    revokedOn: date('revoked_on'),
    recordedBy: uuid('recorded_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('disciplinary_sanctions_student_idx').on(t.studentId),
    check(
      'disciplinary_sanctions_level_check',
      sql`level IN ('warning', 'serious_warning', 'demerit', 'probation', 'expulsion')`,
    ),
    check('disciplinary_sanctions_revoked_after', sql`revoked_on IS NULL OR revoked_on >= sanctioned_on`),
  ],
);

/** 特别困难、困难、一般困难. */
export const hardshipLevels = ['special', 'hardship', 'general'] as const;
export type HardshipLevel = (typeof hardshipLevels)[number];

/**
 * A certification of family economic hardship (家庭经济困难认定) for one term. The college is copied from the student
 * so the student affairs office can count per college without reading any student (RLS `financial-support.counts`).
 */
export const hardshipCertifications = pgTable(
  'hardship_certifications',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    collegeUnitId: uuid('college_unit_id')
      .notNull()
      .references(() => units.id),
    term: text('term').notNull(),
    level: text('level').$type<HardshipLevel>().notNull(),
    certifiedOn: date('certified_on').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('hardship_certifications_student_term_unique').on(t.studentId, t.term),
    index('hardship_certifications_term_idx').on(t.schoolId, t.term, t.collegeUnitId),
    check('hardship_certifications_level_check', sql`level IN ('special', 'hardship', 'general')`),
  ],
);

/** 五助 (seed 001): 资金资助、就业协助、心理援助、成长帮助、个人自助. */
export const aidKinds = ['money', 'job', 'psychological', 'growth', 'self_help'] as const;
export type AidKind = (typeof aidKinds)[number];

/** An aid a student received in a term: one of the five aids, what it was, and the amount for money. */
export const financialAids = pgTable(
  'financial_aids',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    collegeUnitId: uuid('college_unit_id')
      .notNull()
      .references(() => units.id),
    term: text('term').notNull(),
    kind: text('kind').$type<AidKind>().notNull(),
    description: text('description').notNull(),
    amountYuan: numeric('amount_yuan', { precision: 10, scale: 2, mode: 'number' }),
    givenOn: date('given_on').notNull(),
    recordedBy: uuid('recorded_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('financial_aids_student_idx').on(t.studentId, t.term),
    index('financial_aids_term_idx').on(t.schoolId, t.term, t.collegeUnitId),
    check('financial_aids_kind_check', sql`kind IN ('money', 'job', 'psychological', 'growth', 'self_help')`),
    check('financial_aids_amount_check', sql`amount_yuan IS NULL OR amount_yuan >= 0`),
  ],
);

/**
 * Students per college, kept by a statement trigger on `students`: the denominator of the financial-support
 * coverage, readable by the school's offices without reading the students table.
 */
export const collegeStudentCounts = pgTable(
  'college_student_counts',
  {
    schoolId: schoolId().references(() => schools.id),
    collegeUnitId: uuid('college_unit_id')
      .notNull()
      .references(() => units.id),
    students: integer('students').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.collegeUnitId] })],
);

/**
 * Failed-course counts entered by hand for a term (where the school sends no grades feed): what the support list
 * reads when `xq_failed_courses` has nothing for the student.
 */
export const enteredFailedCourses = pgTable(
  'entered_failed_courses',
  {
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    term: text('term').notNull(),
    count: integer('count').notNull(),
    enteredBy: uuid('entered_by').references(() => people.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.studentId, t.term] }),
    check('entered_failed_courses_count_check', sql`count >= 0 AND count <= 200`),
  ],
);

export const supportListStatuses = ['proposed', 'confirmed'] as const;
export type SupportListStatus = (typeof supportListStatuses)[number];

/** A class's support list for a term (帮扶学生清单): proposed by the school's rules, confirmed by the head teacher. */
export const supportLists = pgTable(
  'support_lists',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    classUnitId: uuid('class_unit_id')
      .notNull()
      .references(() => units.id),
    term: text('term').notNull(),
    status: text('status').$type<SupportListStatus>().notNull().default('proposed'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => people.id),
    pluginId: text('plugin_id').notNull(),
    pluginVersion: text('plugin_version').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('support_lists_class_term_unique').on(t.classUnitId, t.term),
    check('support_lists_status_check', sql`status IN ('proposed', 'confirmed')`),
  ],
);

/** A support category with the rule that put the student in it, as the plugin said it. */
export interface SupportCategoryRow {
  category: string;
  ruleName: string;
  zh: string;
  en: string;
}

/** The facts the rules ran over, and where each came from, as shown beside the categories. */
export interface SupportFactRow {
  fact: string;
  value: number | boolean;
  source: string;
  detail: string;
}

export const supportEntryStatuses = ['proposed', 'confirmed', 'removed'] as const;
export type SupportEntryStatus = (typeof supportEntryStatuses)[number];

/** A student on a class's list: proposed by the rules or added by the head teacher; confirmed or removed (reason). */
export const supportListEntries = pgTable(
  'support_list_entries',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    listId: uuid('list_id')
      .notNull()
      .references(() => supportLists.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    categories: jsonb('categories').$type<SupportCategoryRow[]>().notNull(),
    facts: jsonb('facts').$type<SupportFactRow[]>().notNull(),
    /** Whether parents are to be contacted (the plugin's `parent-contact`), and the plugin's words. */
    parentContact: jsonb('parent_contact').$type<{
      zh: string;
      en: string;
      ruleName: string;
      withinDays: number;
    } | null>(),
    origin: text('origin').$type<'rules' | 'added'>().notNull(),
    status: text('status').$type<SupportEntryStatus>().notNull().default('proposed'),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => people.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('support_list_entries_student_unique').on(t.listId, t.studentId),
    index('support_list_entries_student_idx').on(t.studentId),
    check('support_list_entries_status_check', sql`status IN ('proposed', 'confirmed', 'removed')`),
    check('support_list_entries_origin_check', sql`origin IN ('rules', 'added')`),
    check(
      'support_list_entries_reason_check',
      sql`(origin = 'rules' AND status <> 'removed') OR length(reason) > 0`,
    ),
  ],
);

/** Seed 004's helpers: a teacher, the counsellor or head teacher, a student party member or a student helper. */
export const responsibleKinds = [
  'head_teacher',
  'counsellor',
  'teacher',
  'party_member',
  'student_helper',
] as const;
export type ResponsibleKind = (typeof responsibleKinds)[number];

/** The six contents of the plan (seed 004 四、帮扶教育的内容). */
export const planParts = [
  'thought',
  'psychological',
  'academic',
  'behaviour',
  'economic',
  'strengths',
] as const;
export type PlanPart = (typeof planParts)[number];
export type SupportPlan = Partial<Record<PlanPart, string>>;

/**
 * 个人帮扶教育档案: the support file of one confirmed entry. A staff helper is a person with a role on the student's
 * branch; a student helper (party member or volunteer) is a student of the same college. Only the people who run
 * the support and the chain above read it (RLS `support_files_access`), and the responsible person.
 */
export const supportFiles = pgTable(
  'support_files',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => supportListEntries.id),
    listId: uuid('list_id')
      .notNull()
      .references(() => supportLists.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    responsibleKind: text('responsible_kind').$type<ResponsibleKind>(),
    responsiblePersonId: uuid('responsible_person_id').references(() => people.id),
    responsibleStudentId: uuid('responsible_student_id').references(() => students.id),
    plan: jsonb('plan').$type<SupportPlan>().notNull().default({}),
    planWrittenAt: timestamp('plan_written_at', { withTimezone: true }),
    planDueOn: date('plan_due_on').notNull(),
    /** Set when the plugin asks for parent contact (3+ failed courses); cleared by the first logged contact. */
    parentContactDueOn: date('parent_contact_due_on'),
    evaluation: text('evaluation'),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }),
    evaluatedBy: uuid('evaluated_by').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('support_files_entry_unique').on(t.entryId),
    index('support_files_student_idx').on(t.studentId),
    index('support_files_responsible_idx').on(t.responsiblePersonId),
    check(
      'support_files_responsible_check',
      sql`responsible_kind IS NULL
        OR (responsible_kind IN ('head_teacher', 'counsellor', 'teacher') AND responsible_person_id IS NOT NULL
            AND responsible_student_id IS NULL)
        OR (responsible_kind IN ('party_member', 'student_helper') AND responsible_student_id IS NOT NULL
            AND responsible_person_id IS NULL)`,
    ),
  ],
);

/** 帮扶过程记录: one dated note of the support given. */
export const supportProcessNotes = pgTable(
  'support_process_notes',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => supportFiles.id),
    occurredOn: date('occurred_on').notNull(),
    note: text('note').notNull(),
    writtenBy: uuid('written_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index('support_process_notes_file_idx').on(t.fileId, t.occurredOn)],
);

export const contactMethods = ['phone', 'video', 'message', 'meeting', 'home_visit'] as const;
export type ContactMethod = (typeof contactMethods)[number];

/** 家长联系记录: when, how, with whom, what was agreed, and whether the parents were invited to campus. */
export const supportParentContacts = pgTable(
  'support_parent_contacts',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => supportFiles.id),
    contactedAt: timestamp('contacted_at', { withTimezone: true }).notNull(),
    method: text('method').$type<ContactMethod>().notNull(),
    contactedPerson: text('contacted_person').notNull(),
    agreed: text('agreed').notNull(),
    invitedToCampus: boolean('invited_to_campus').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('support_parent_contacts_file_idx').on(t.fileId, t.contactedAt),
    check(
      'support_parent_contacts_method_check',
      sql`method IN ('phone', 'video', 'message', 'meeting', 'home_visit')`,
    ),
  ],
);

/** 家访 (seed 001, seed 000's 假期家访): a visit to the student's family. */
export const homeVisits = pgTable(
  'home_visits',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    visitedOn: date('visited_on').notNull(),
    visitors: text('visitors').notNull(),
    familyPresent: text('family_present').notNull(),
    findings: text('findings').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index('home_visits_student_idx').on(t.studentId, t.visitedOn)],
);
