import type { TenantTx } from '@xinqiao/db';
import { type Caller, can, requirePermission } from '../../auth/caller.ts';
import type { PageRequest } from '../../http/pagination.ts';
import { fieldError, invalidFields } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { requireFullView, studentNotFound } from './access.ts';
import type { AttentionFilter } from './attention.ts';
import {
  findStudent,
  insertStudents,
  listStudents,
  type StudentListPage,
  type StudentRow,
  type StudentValues,
  unitPathOf,
  updateStudentRow,
} from './queries.ts';
import type { CreateStudentInput, UpdateStudentInput } from './schemas.ts';
import { studentWriteProblem } from './write-errors.ts';

/** The student with this id if the caller sees it (in either view), else 404; not audited: callers audit what they do. */
export async function findVisibleStudent(tx: TenantTx, id: string): Promise<StudentRow> {
  const row = await findStudent(tx, id);
  if (!row) throw studentNotFound();
  return row;
}

/**
 * The student with this id as the caller may see it, audited as `action`; 404 when RLS hides it (the same answer
 * as for an id that does not exist, so existence is not revealed).
 *
 * @example
 * const row = await readStudent(caller, id, 'student.read');
 */
export async function readStudent(caller: Caller, id: string, action: string): Promise<StudentRow> {
  requirePermission(caller, 'students.read');
  const row = await findVisibleStudent(caller.tx, id);
  await recordAccess(caller.tx, caller.me, {
    action,
    entity: 'student',
    entityId: id,
    studentId: id,
    studentPath: row.placementPath,
    purpose: caller.purpose,
  });
  return row;
}

/**
 * One page of the students the caller sees, filtered by unit subtree, name/number search and, for the roles that
 * work on cases, the latest tier (screening readers), the key-student roster and open items; with where each
 * listed student stands for those roles; counted (to a bound) only `withTotal`, otherwise the page alone is read.
 * A list read is audited as ONE 'student.list' row whose entity id is the filter, not one row per student: the filter and the
 * caller say exactly which records were shown, and a 200-row page would otherwise write 200 chained rows.
 */
export async function listVisibleStudents(
  caller: Caller,
  query: { unitId?: string | undefined; q?: string | undefined } & AttentionFilter,
  page: PageRequest,
  withTotal = false,
): Promise<StudentListPage> {
  requirePermission(caller, 'students.read');
  if (query.tier !== undefined) requirePermission(caller, 'screening.read');
  if (query.keyStudent || query.openItems) requirePermission(caller, 'cases.read');
  const unitPath = query.unitId ? await unitPathOf(caller.tx, query.unitId) : undefined;
  if (query.unitId && !unitPath) {
    throw invalidFields([fieldError('unitId', 'units.no-such-unit')]);
  }
  const { unitId: _unitId, ...filter } = query;
  // Where each listed student stands, for the roles that work on cases (RLS shows them the rest in full).
  const result = await listStudents(caller.tx, { ...filter, unitPath }, page, {
    withAttention: can(caller, 'cases.read'),
    withTotal,
  });
  await recordAccess(caller.tx, caller.me, {
    action: 'student.list',
    entity: 'student',
    entityId: JSON.stringify({ ...query, unitId: query.unitId ?? null, q: query.q ?? null, ...page }),
    studentPath: unitPath ?? null,
    purpose: caller.purpose,
  });
  return result;
}

/** Creates a student; RLS only lets it be placed in the caller's full-view units. Audited as 'student.create'. */
export async function createStudent(caller: Caller, input: CreateStudentInput): Promise<StudentRow> {
  requirePermission(caller, 'students.write');
  const values: StudentValues = {
    studentNumber: input.studentNumber,
    name: input.name,
    gender: input.gender,
    enrolmentYear: input.enrolmentYear,
    collegeUnitId: input.collegeUnitId,
    classUnitId: input.classUnitId,
    dormUnitId: input.dormUnitId ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    guardians: input.guardians ?? [],
  };
  let createdId: string;
  try {
    const [created] = await insertStudents(caller.tx, caller.me.school.id, [values]);
    createdId = created!.id;
  } catch (error) {
    throw studentWriteProblem(error, values);
  }
  const row = (await findStudent(caller.tx, createdId))!;
  await recordAccess(caller.tx, caller.me, {
    action: 'student.create',
    entity: 'student',
    entityId: row.id,
    studentId: row.id,
    studentPath: row.placementPath,
    purpose: caller.purpose,
  });
  return row;
}

/**
 * Changes the given fields of a student the caller sees in full (404 if not visible, 403 in the reduced view).
 * Moving a student out of the caller's units is refused by RLS (403). Audited as 'student.update'.
 */
export async function updateStudent(
  caller: Caller,
  id: string,
  input: UpdateStudentInput,
): Promise<StudentRow> {
  requirePermission(caller, 'students.write');
  const before = await findVisibleStudent(caller.tx, id);
  requireFullView(caller.scope, before.placementPath, 'change');
  const changes: Partial<StudentValues> = { ...input };
  try {
    await updateStudentRow(caller.tx, id, changes);
  } catch (error) {
    const dormUnitId = input.dormUnitId === undefined ? before.dormUnitId : input.dormUnitId;
    throw studentWriteProblem(error, { dormUnitId });
  }
  const row = (await findStudent(caller.tx, id))!;
  await recordAccess(caller.tx, caller.me, {
    action: 'student.update',
    entity: 'student',
    entityId: id,
    studentId: id,
    studentPath: row.placementPath,
    purpose: caller.purpose,
  });
  return row;
}
