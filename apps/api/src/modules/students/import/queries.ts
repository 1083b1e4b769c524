import { students, type TenantTx } from '@xinqiao/db';
import { findStudentsByNumber, type StudentRow, type StudentValues } from '../queries.ts';
import { chunks } from './batch.ts';

/** The students with these numbers that the caller's scope shows (full or reduced), by student number. */
export async function studentsByNumber(
  tx: TenantTx,
  numbers: readonly string[],
): Promise<Map<string, StudentRow>> {
  const found = new Map<string, StudentRow>();
  for (const part of chunks(numbers)) {
    for (const row of await findStudentsByNumber(tx, part)) found.set(row.studentNumber, row);
  }
  return found;
}

/**
 * Inserts new students in chunks. A number already taken by a student the caller cannot see is skipped by
 * ON CONFLICT instead of aborting the transaction; the caller finds those numbers missing from the result.
 */
export async function insertNewStudents(
  tx: TenantTx,
  schoolId: string,
  values: readonly StudentValues[],
): Promise<Map<string, string>> {
  const created = new Map<string, string>();
  for (const part of chunks(values)) {
    const rows = await tx
      .insert(students)
      .values(part.map((v) => ({ ...v, schoolId })))
      .onConflictDoNothing({ target: [students.schoolId, students.studentNumber] })
      .returning({ id: students.id, studentNumber: students.studentNumber });
    for (const row of rows) created.set(row.studentNumber, row.id);
  }
  return created;
}
