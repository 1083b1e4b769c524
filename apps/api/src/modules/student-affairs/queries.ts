import { centerStaffMembers, schoolYearFigures, type TenantTx } from '@xinqiao/db';
import { and, asc, desc, eq } from 'drizzle-orm';

export type Employment = 'full_time' | 'part_time';

/** A member of the center's staff for one academic year. */
export interface StaffRow {
  id: string;
  name: string;
  employment: Employment;
  trainingHours: number;
}

/** The academic years that have an enrolment figure, newest first. */
export async function yearsWithFigures(tx: TenantTx, schoolId: string): Promise<number[]> {
  const rows = await tx
    .select({ year: schoolYearFigures.academicYear })
    .from(schoolYearFigures)
    .where(eq(schoolYearFigures.schoolId, schoolId))
    .orderBy(desc(schoolYearFigures.academicYear));
  return rows.map((r) => r.year);
}

/** The enrolment of one academic year, or null when none was entered. */
export async function enrolmentOf(
  tx: TenantTx,
  schoolId: string,
  academicYear: number,
): Promise<number | null> {
  const [row] = await tx
    .select({ enrolment: schoolYearFigures.enrolment })
    .from(schoolYearFigures)
    .where(and(eq(schoolYearFigures.schoolId, schoolId), eq(schoolYearFigures.academicYear, academicYear)));
  return row?.enrolment ?? null;
}

/** Sets the enrolment of an academic year (insert or replace). */
export async function upsertEnrolment(
  tx: TenantTx,
  schoolId: string,
  academicYear: number,
  enrolment: number,
): Promise<void> {
  await tx
    .insert(schoolYearFigures)
    .values({ schoolId, academicYear, enrolment })
    .onConflictDoUpdate({
      target: [schoolYearFigures.schoolId, schoolYearFigures.academicYear],
      set: { enrolment, updatedAt: new Date() },
    });
}

const staffColumns = {
  id: centerStaffMembers.id,
  name: centerStaffMembers.name,
  employment: centerStaffMembers.employment,
  trainingHours: centerStaffMembers.trainingHours,
};

/** The center's staff of an academic year: full-time first, then by name. */
export async function staffOf(tx: TenantTx, schoolId: string, academicYear: number): Promise<StaffRow[]> {
  return tx
    .select(staffColumns)
    .from(centerStaffMembers)
    .where(and(eq(centerStaffMembers.schoolId, schoolId), eq(centerStaffMembers.academicYear, academicYear)))
    .orderBy(asc(centerStaffMembers.employment), asc(centerStaffMembers.name), asc(centerStaffMembers.id));
}

/** Adds a staff member to an academic year and returns it. */
export async function insertStaff(
  tx: TenantTx,
  schoolId: string,
  academicYear: number,
  member: Omit<StaffRow, 'id'>,
): Promise<StaffRow> {
  const [row] = await tx
    .insert(centerStaffMembers)
    .values({ schoolId, academicYear, ...member })
    .returning(staffColumns);
  return row!;
}

/** Changes a staff member; returns it with its academic year, or undefined when there is no such member. */
export async function updateStaff(
  tx: TenantTx,
  id: string,
  changes: Partial<Omit<StaffRow, 'id'>>,
): Promise<(StaffRow & { academicYear: number }) | undefined> {
  const [row] = await tx
    .update(centerStaffMembers)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(centerStaffMembers.id, id))
    .returning({ ...staffColumns, academicYear: centerStaffMembers.academicYear });
  return row;
}

/** Removes a staff member; returns its academic year, or undefined when there is no such member. */
export async function deleteStaff(tx: TenantTx, id: string): Promise<number | undefined> {
  const [row] = await tx
    .delete(centerStaffMembers)
    .where(eq(centerStaffMembers.id, id))
    .returning({ academicYear: centerStaffMembers.academicYear });
  return row?.academicYear;
}
