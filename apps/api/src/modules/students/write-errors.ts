import { pgErrorOf } from '@xinqiao/db';
import { ProblemError, problems, problemType } from '../../http/problem.ts';

/** The placement trigger names the column it refused; the API names the body field. */
const placementFields: Record<string, string> = {
  college_unit_id: 'collegeUnitId',
  class_unit_id: 'classUnitId',
  dorm_unit_id: 'dormUnitId',
};

const placementMessages: Record<string, string> = {
  collegeUnitId: '不是本校的学院 / Not a college of your school',
  classUnitId: '不是该学院下的班级 / Not a class of that college',
  dormUnitId: '不是该班级下的宿舍 / Not a dorm of that class',
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
    return problems.conflict('本校已有这个学号的学生 / A student with this student number already exists', [
      { field: 'studentNumber', message: '学号已存在 / Already taken' },
    ]);
  }
  const field = pg.column ? placementFields[pg.column] : undefined;
  if (pg.code === '23503' && field) {
    return problems.validation([{ field, message: placementMessages[field]! }]);
  }
  if (pg.code === '42501') {
    const field = placement.dormUnitId ? 'dormUnitId' : 'classUnitId';
    return new ProblemError({
      type: problemType('forbidden'),
      title: 'Forbidden',
      status: 403,
      detail:
        '这个班级或宿舍不在你负责的范围内 / This placement is outside the units you are responsible for',
      errors: [{ field, message: '不在你负责的范围内 / Outside your units' }],
    });
  }
  return error;
}
