import type { z } from '@hono/zod-openapi';
import type { TenantScope } from '@xinqiao/db';
import type { AttentionTier } from '@xinqiao/policy';
import { studentViewOf } from './access.ts';
import type { Attention } from './attention.ts';
import type { StudentListRow, StudentRow } from './queries.ts';
import type { ReducedStudentSchema, StudentSchema, StudentSummarySchema } from './schemas.ts';

type ReducedStudent = z.infer<typeof ReducedStudentSchema>;
type StudentSummary = z.infer<typeof StudentSummarySchema>;
type Student = z.infer<typeof StudentSchema>;

/** The reduced view: number, name, gender, class and dorm names; no contacts, no guardians, no file. */
export function reducedStudent(row: StudentListRow): ReducedStudent {
  return {
    id: row.id,
    view: 'reduced',
    studentNumber: row.studentNumber,
    name: row.name,
    gender: row.gender,
    className: row.className,
    dormName: row.dormName,
  };
}

function studentSummary(row: StudentListRow): StudentSummary {
  return {
    id: row.id,
    view: 'full',
    studentNumber: row.studentNumber,
    name: row.name,
    gender: row.gender,
    enrolmentYear: row.enrolmentYear,
    collegeUnitId: row.collegeUnitId,
    collegeName: row.collegeName,
    classUnitId: row.classUnitId,
    className: row.className,
    dormUnitId: row.dormUnitId,
    dormName: row.dormName,
  };
}

/** The whole record of a student, for callers with the full view. */
export function fullStudent(row: StudentRow): Student {
  return {
    ...studentSummary(row),
    phone: row.phone,
    email: row.email,
    guardians: row.guardians,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A student as this caller may see it: the whole record in the full view, the reduced record otherwise.
 *
 * @example
 * c.json(presentStudent(c.var.scope, row), 200);
 */
export function presentStudent(scope: TenantScope, row: StudentRow): Student | ReducedStudent {
  return studentViewOf(scope, row.placementPath) === 'full' ? fullStudent(row) : reducedStudent(row);
}

/**
 * A student as a list row: identity and placement in the full view (contacts stay in the record), with where the
 * student stands when known (`attention`; the tier only for callers who read screening), else reduced.
 */
export function presentListItem(
  scope: TenantScope,
  row: StudentListRow,
  attention?: Attention,
  readsScreening = false,
): StudentSummary | ReducedStudent {
  if (studentViewOf(scope, row.placementPath) !== 'full') return reducedStudent(row);
  const summary = studentSummary(row);
  if (!attention) return summary;
  const tier = readsScreening && attention.tier !== null ? (attention.tier as AttentionTier) : null;
  return { ...summary, attention: { ...attention, tier } };
}
