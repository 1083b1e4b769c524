import {
  type AnyPgColumn,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, schoolId, updatedAt } from './columns.ts';
import { people, units } from './network.ts';
import { schools } from './schools.ts';

export interface GuardianContact {
  name: string;
  relation: string;
  phone: string;
}

/**
 * A student of a school. `placementPath` is the path of the deepest unit the student is placed on (dorm, else
 * class); it is kept by a trigger and drives row-level visibility.
 */
export const students = pgTable(
  'students',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    studentNumber: text('student_number').notNull(),
    name: text('name').notNull(),
    gender: text('gender').$type<'male' | 'female'>().notNull(),
    enrolmentYear: integer('enrolment_year').notNull(),
    collegeUnitId: uuid('college_unit_id')
      .notNull()
      .references(() => units.id),
    classUnitId: uuid('class_unit_id')
      .notNull()
      .references(() => units.id),
    dormUnitId: uuid('dorm_unit_id').references(() => units.id),
    placementPath: text('placement_path').notNull().default(''),
    phone: text('phone'),
    email: text('email'),
    guardians: jsonb('guardians').$type<GuardianContact[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('students_school_number_unique').on(t.schoolId, t.studentNumber),
    index('students_placement_idx').on(t.schoolId, t.placementPath.op('text_pattern_ops')),
    // Target of the (student, placement) keys that carry a student's placement onto their screening results.
    unique('students_id_placement_unique').on(t.id, t.placementPath),
    // Target of the (student, number) keys that carry a student's number onto their cases and warnings.
    unique('students_id_number_unique').on(t.id, t.studentNumber),
    index('students_class_idx').on(t.classUnitId),
    index('students_name_idx').on(t.schoolId, t.name),
  ],
);

/**
 * The student file: one person, one file (一人一档). Every thing recorded about a student is an entry on its
 * timeline. `restricted` entries (screening answers, case notes, counselling records) are hidden from reduced views.
 */
export const studentFileEntries = pgTable(
  'student_file_entries',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    visibility: text('visibility').$type<'restricted' | 'network'>().notNull().default('restricted'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    recordedBy: uuid('recorded_by').references(() => people.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('student_file_entries_student_idx').on(t.studentId, t.recordedAt)],
);

/**
 * The key that keeps a row's copy of one of its student's columns equal to the student's, `ON UPDATE CASCADE`: a
 * student who moves takes the row along, a changed student number follows. Screening results, warnings and cases
 * carry the placement so that RLS tests the row's own path instead of looking the student up (docs/architecture.md,
 * network visibility); warnings and cases carry the number because their lists sort by it, so a page is picked
 * among the rows alone (docs/performance.md, fourteenth session). Each copied column has a `students_id_…_unique`
 * constraint as the key's target.
 *
 * @example
 * ```ts
 * studentCopyKey('cases_student_placement_fk', t.studentId, t.placementPath, 'placementPath')
 * ```
 */
export const studentCopyKey = (
  name: string,
  studentId: AnyPgColumn,
  copy: AnyPgColumn,
  of: 'placementPath' | 'studentNumber',
) =>
  foreignKey({ name, columns: [studentId, copy], foreignColumns: [students.id, students[of]] }).onUpdate(
    'cascade',
  );
