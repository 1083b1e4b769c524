import { pgErrorOf } from '@xinqiao/db';
import { fieldError, invalidFields, type MessageCode, problem } from '../../http/problem.ts';

/** The placement trigger names the column it refused; the API names the body field. */
const placementFields: Record<string, string> = {
  college_unit_id: 'collegeUnitId',
  class_unit_id: 'classUnitId',
  dorm_unit_id: 'dormUnitId',
};

const placementMessages: Record<string, MessageCode> = {
  collegeUnitId: 'students.not-a-college',
  classUnitId: 'students.not-a-class-of-college',
  dormUnitId: 'students.not-a-dorm-of-class',
};

/**
 * Turns what PostgreSQL refused about a student write into the problem the caller should see, naming the field:
 * a taken student number (409 `studentNumber`), an inconsistent placement (400 `collegeUnitId`/`classUnitId`/
 * `dormUnitId`), or a placement outside the caller's units (403, RLS). Anything else is returned unchanged.
 *
 * @example
 * try { await insertStudents(tx, schoolId, [values]); } catch (error) { throw studentWriteProblem(error, values); }
 */
export function studentWriteProblem(error: unknown, placement: { dormUnitId?: string | null }): unknown {
  const pg = pgErrorOf(error);
  if (!pg) return error;
  if (pg.code === '23505' && pg.constraint === 'students_school_number_unique') {
    return problem('students.number-taken').naming([fieldError('studentNumber', 'students.number-taken')]);
  }
  const field = pg.column ? placementFields[pg.column] : undefined;
  if (pg.code === '23503' && field) {
    return invalidFields([fieldError(field, placementMessages[field]!)]);
  }
  if (pg.code === '42501') {
    const field = placement.dormUnitId ? 'dormUnitId' : 'classUnitId';
    return problem('students.placement-outside-units').naming([fieldError(field, 'students.outside-units')]);
  }
  return error;
}
