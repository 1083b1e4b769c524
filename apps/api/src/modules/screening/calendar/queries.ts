import { type TenantTx, workingDayOverrides } from '@xinqiao/db';
import { and, eq } from 'drizzle-orm';

/** A school's edit of one day: worked, or off, with the school's note. */
export interface SchoolDayEditRow {
  day: string;
  working: 'working' | 'off';
  note: string | null;
}

/** Every edit the school made to its working-day calendar. */
export function schoolDayEdits(tx: TenantTx): Promise<SchoolDayEditRow[]> {
  return tx
    .select({
      day: workingDayOverrides.day,
      working: workingDayOverrides.working,
      note: workingDayOverrides.note,
    })
    .from(workingDayOverrides);
}

/** Sets the school's edit of a day; a second edit of the same day replaces the first. */
export async function upsertSchoolDay(
  tx: TenantTx,
  schoolId: string,
  day: string,
  edit: { working: 'working' | 'off'; note: string },
): Promise<void> {
  await tx
    .insert(workingDayOverrides)
    .values({ schoolId, day, ...edit })
    .onConflictDoUpdate({ target: [workingDayOverrides.schoolId, workingDayOverrides.day], set: edit });
}

/** Drops the school's edit of a day; false when there was none. */
export async function deleteSchoolDay(tx: TenantTx, schoolId: string, day: string): Promise<boolean> {
  const dropped = await tx
    .delete(workingDayOverrides)
    .where(and(eq(workingDayOverrides.schoolId, schoolId), eq(workingDayOverrides.day, day)))
    .returning({ day: workingDayOverrides.day });
  return dropped.length > 0;
}
