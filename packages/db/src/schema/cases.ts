import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, schoolId, updatedAt } from './columns.ts';
import { people } from './network.ts';
import { schools } from './schools.ts';
import { screeningResults } from './screening.ts';
import { studentCopyKey } from './students.ts';

export const caseKinds = ['crisis', 'support', 'follow_up'] as const;
export type CaseKind = (typeof caseKinds)[number];
export const caseStatuses = ['open', 'in_progress', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** A crisis, support or follow-up case about one student, owned by a responsible person until its due date. */
export const cases = pgTable(
  'cases',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id').notNull(),
    /**
     * The student's placement, kept equal to `students.placement_path` by the (student, placement) key (ON UPDATE
     * CASCADE), as a screening result's: RLS tests it on the row, a unit's cases are a range of paths. A writer may
     * leave it out: the `cases_place` trigger copies the student's.
     */
    placementPath: text('placement_path').notNull().default(''),
    /** The student's number, kept equal by the (student, number) key; the `cases_place` trigger copies it in. */
    studentNumber: text('student_number').notNull().default(''),
    kind: text('kind').$type<CaseKind>().notNull(),
    status: text('status').$type<CaseStatus>().notNull().default('open'),
    title: text('title').notNull(),
    responsiblePersonId: uuid('responsible_person_id').references(() => people.id),
    dueDate: date('due_date'),
    openedBy: uuid('opened_by').references(() => people.id),
    /** The screening result that opened this follow-up, when a tier-1 result did. */
    screeningResultId: uuid('screening_result_id').references(() => screeningResults.id),
    /** A self-harm reason opened or joined this case (the plugin marks which): sorted before everything else. */
    selfHarm: boolean('self_harm').notNull().default(false),
    /** When and by whom the responsible person was last set (assignment and reassignment are also timeline entries). */
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    assignedBy: uuid('assigned_by').references(() => people.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /**
     * When the case's first and latest interviews took place (an interview typed before `occurred_at` was recorded
     * counts when it was typed). Kept by the `case_entries_interview` trigger: entries are never edited, so an
     * insert is the only change. Null until the first talk.
     */
    firstInterviewAt: timestamp('first_interview_at', { withTimezone: true }),
    lastInterviewAt: timestamp('last_interview_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('cases_student_idx').on(t.studentId),
    index('cases_responsible_idx').on(t.responsiblePersonId, t.status),
    // My work's order within each of its two kinds of a person's open cases (self-harm first, due date, id), so it
    // reads the first hundred in order instead of sorting all of them (apps/api/src/modules/cases/queries.ts).
    index('cases_work_follow_up_idx')
      .on(t.responsiblePersonId, t.selfHarm.desc().nullsFirst(), t.dueDate, t.id)
      .where(sql`status <> 'closed' AND kind = 'follow_up' AND first_interview_at IS NULL`),
    index('cases_work_other_idx')
      .on(t.responsiblePersonId, t.selfHarm.desc().nullsFirst(), t.dueDate, t.id)
      .where(sql`status <> 'closed' AND NOT (kind = 'follow_up' AND first_interview_at IS NULL)`),
    index('cases_placement_idx').on(t.schoolId, t.placementPath.op('text_pattern_ops')),
    // A person's open cases by when they started: My work's overdue key-student talks read only the cases that
    // started an interval ago (apps/api/src/modules/key-students/queries.ts), not every open case of the person.
    index('cases_open_by_start_idx').on(t.responsiblePersonId, t.createdAt).where(sql`status <> 'closed'`),
    studentCopyKey('cases_student_placement_fk', t.studentId, t.placementPath, 'placementPath'),
    studentCopyKey('cases_student_number_fk', t.studentId, t.studentNumber, 'studentNumber'),
    // One follow-up per screening result: a re-import never opens a second one.
    uniqueIndex('cases_screening_result_unique')
      .on(t.screeningResultId)
      .where(sql`screening_result_id IS NOT NULL`),
  ],
);

/** How a talk happened (谈话方式). */
export const interviewMethods = ['face_to_face', 'phone', 'dorm_visit', 'online'] as const;
export type InterviewMethod = (typeof interviewMethods)[number];

/**
 * The timeline of a case: notes, interviews, assignments, status changes. Entries are never edited. An interview
 * records when it happened (`occurredAt`, which the KPIs count, not when it was typed), how, its outcome, the risk
 * judgement and the next step with its date.
 */
export const caseEntries = pgTable(
  'case_entries',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => people.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }),
    method: text('method').$type<InterviewMethod>(),
    outcome: text('outcome'),
    riskLevel: text('risk_level'),
    nextStep: text('next_step'),
    nextStepOn: date('next_step_on'),
    createdAt: createdAt(),
  },
  (t) => [index('case_entries_case_idx').on(t.caseId, t.createdAt)],
);
