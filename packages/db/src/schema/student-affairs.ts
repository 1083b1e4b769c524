import { integer, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, schoolId, updatedAt } from './columns.ts';
import { people } from './network.ts';
import { schools } from './schools.ts';

/** The school's enrolment for an academic year (the year it starts), the base of staffing and funding. */
export const schoolYearFigures = pgTable(
  'school_year_figures',
  {
    schoolId: schoolId().references(() => schools.id),
    academicYear: integer('academic_year').notNull(),
    enrolment: integer('enrolment').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.academicYear] })],
);

/** A member of the mental-health center's staff in an academic year, with the training hours done. */
export const centerStaffMembers = pgTable('center_staff_members', {
  id: id(),
  schoolId: schoolId().references(() => schools.id),
  academicYear: integer('academic_year').notNull(),
  personId: uuid('person_id').references(() => people.id),
  name: text('name').notNull(),
  employment: text('employment').$type<'full_time' | 'part_time'>().notNull(),
  trainingHours: numeric('training_hours', { precision: 6, scale: 1, mode: 'number' }).notNull().default(0),
  updatedAt: updatedAt(),
});
