import { people, students, type TenantTx, units } from '@xinqiao/db';
import { asc, eq } from 'drizzle-orm';

// What the demo alliance is seeded from (seed.ts): the school's demo officer account, a college for the branch and
// the students who become members. Demo data only; the module never reads these otherwise.

/** The account with this username, with its display name. */
export async function accountNamed(
  tx: TenantTx,
  username: string,
): Promise<{ id: string; name: string } | undefined> {
  const [row] = await tx
    .select({ id: people.id, name: people.displayName })
    .from(people)
    .where(eq(people.username, username));
  return row;
}

/** The college whose name sorts first, for the demo's college branch. */
export async function firstCollege(tx: TenantTx): Promise<{ id: string; name: string } | undefined> {
  const [row] = await tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(eq(units.levelKey, 'college'))
    .orderBy(asc(units.name))
    .limit(1);
  return row;
}

/** The first students of the school by number. */
export function firstStudents(
  tx: TenantTx,
  schoolId: string,
  count: number,
): Promise<{ id: string; name: string; studentNumber: string }[]> {
  return tx
    .select({ id: students.id, name: students.name, studentNumber: students.studentNumber })
    .from(students)
    .where(eq(students.schoolId, schoolId))
    .orderBy(asc(students.studentNumber))
    .limit(count);
}
