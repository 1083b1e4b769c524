import type { GuardianContact } from '@xinqiao/db';
import type { StudentRow, StudentValues } from '../queries.ts';
import type { StudentImportRecord } from './columns.ts';

/** A valid row with its units resolved. */
export interface PlacedRecord {
  rowNumber: number;
  record: StudentImportRecord;
  placement: { collegeUnitId: string; classUnitId: string; dormUnitId: string | null; path: string };
}

/** Which columns the file has: a column left out of the file leaves that field of existing students alone. */
export interface FileColumns {
  dorm: boolean;
}

/**
 * The stored values a row asks for. Identity and placement come from the row. Contacts come from the row when
 * given; an empty cell never erases a stored phone, email or guardian (an export from another system with a blank
 * column must not wipe what counsellors recorded). The row's guardian replaces the first stored guardian unless it is already stored; others are kept.
 * Without a dorm column, a student who stays in the same class keeps their dorm.
 */
export function desiredValues(
  placed: PlacedRecord,
  existing: StudentRow | undefined,
  columns: FileColumns,
): StudentValues {
  const { record, placement } = placed;
  const keepsDorm = !columns.dorm && existing?.classUnitId === placement.classUnitId;
  return {
    studentNumber: record.studentNumber,
    name: record.name,
    gender: record.gender,
    enrolmentYear: record.enrolmentYear,
    collegeUnitId: placement.collegeUnitId,
    classUnitId: placement.classUnitId,
    dormUnitId: keepsDorm ? (existing?.dormUnitId ?? null) : placement.dormUnitId,
    phone: record.phone ?? existing?.phone ?? null,
    email: record.email ?? existing?.email ?? null,
    guardians: guardiansOf(record, existing?.guardians ?? []),
  };
}

function guardiansOf(record: StudentImportRecord, stored: readonly GuardianContact[]): GuardianContact[] {
  if (!record.guardianName || !record.guardianPhone) return [...stored];
  const given = {
    name: record.guardianName,
    relation: record.guardianRelation ?? '',
    phone: record.guardianPhone,
  };
  if (stored.some((guardian) => sameGuardian(guardian, given))) return [...stored];
  return [given, ...stored.slice(1)];
}

const compared = [
  'name',
  'gender',
  'enrolmentYear',
  'collegeUnitId',
  'classUnitId',
  'dormUnitId',
  'phone',
  'email',
] as const satisfies readonly (keyof StudentValues)[];

/** Whether storing `desired` would change the existing student: an unchanged row is not rewritten. */
export function differs(existing: StudentRow, desired: StudentValues): boolean {
  if (compared.some((key) => existing[key] !== desired[key])) return true;
  if (existing.guardians.length !== desired.guardians.length) return true;
  return existing.guardians.some((guardian, i) => !sameGuardian(guardian, desired.guardians[i]!));
}

function sameGuardian(a: GuardianContact, b: GuardianContact): boolean {
  return a.name === b.name && a.relation === b.relation && a.phone === b.phone;
}
