import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, schoolId, updatedAt } from './columns.ts';
import { schools } from './schools.ts';

/**
 * A unit of the work network (center, college station, class, dorm...). `path` is the materialised path of ids
 * from the root ('/<root>/<college>/<class>/'): "a role on a unit sees that unit's subtree" becomes a prefix test.
 */
export const units = pgTable(
  'units',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    parentId: uuid('parent_id'),
    levelKey: text('level_key').notNull(),
    depth: integer('depth').notNull(),
    name: text('name').notNull(),
    path: text('path').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }),
    unique('units_school_path_unique').on(t.schoolId, t.path),
    index('units_school_path_idx').on(t.schoolId, t.path.op('text_pattern_ops')),
    index('units_parent_idx').on(t.parentId),
  ],
);

/** A person with an account at one school. */
export const people = pgTable(
  'people',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    phone: text('phone'),
    email: text('email'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('people_school_username_unique').on(t.schoolId, t.username)],
);

export const roles = [
  'school_admin',
  'center_director',
  'center_staff',
  'college_station_head',
  'counsellor',
  'head_teacher',
  'class_committee',
  'dorm_liaison',
  'student_affairs',
  'alliance_officer',
  'student',
] as const;
export type Role = (typeof roles)[number];

/**
 * How far each role reaches into the students of its unit's subtree: `full` (files, cases, screening tiers),
 * `reduced` (who the students are: class psych committee members and dorm liaisons observe and report, seed 004's
 * confidentiality principle), or `none` (offices that work on aggregates or on their own records: the student
 * affairs office sees staffing and funding figures, the peer alliance its members' points, never a student's file).
 */
export const studentReach: Readonly<Record<Role, 'full' | 'reduced' | 'none'>> = {
  school_admin: 'full',
  center_director: 'full',
  center_staff: 'full',
  college_station_head: 'full',
  counsellor: 'full',
  head_teacher: 'full',
  class_committee: 'reduced',
  dorm_liaison: 'reduced',
  student_affairs: 'none',
  alliance_officer: 'none',
  // A student sees no other student: only their own things, by RLS on their own student id (xq_my_student_id()).
  student: 'none',
};

/** Roles that observe and report: they see who their students are, never screening answers or case notes. */
export const reducedViewRoles: readonly Role[] = roles.filter((role) => studentReach[role] === 'reduced');

/** A person holds a role on a unit; the role reaches that unit's subtree. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: id(),
    schoolId: schoolId().references(() => schools.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique('role_assignments_unique').on(t.personId, t.role, t.unitId),
    index('role_assignments_person_idx').on(t.personId),
    check('role_assignments_role_check', sql.raw(`role IN (${roles.map((r) => `'${r}'`).join(', ')})`)),
  ],
);
