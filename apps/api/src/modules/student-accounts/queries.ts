import {
  people,
  roleAssignments,
  sessions,
  studentAccounts,
  students,
  type TenantTx,
  units,
} from '@xinqiao/db';
import { and, asc, eq, sql } from 'drizzle-orm';

/** A class unit by id (the network is readable school-wide). */
export async function classUnit(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({ id: units.id, name: units.name, path: units.path, levelKey: units.levelKey })
    .from(units)
    .where(eq(units.id, id));
  return row;
}

/** The students of a class the caller sees in full, with their account's person when they have one. */
export async function classStudents(tx: TenantTx, classUnitId: string) {
  return tx
    .select({
      id: students.id,
      name: students.name,
      studentNumber: students.studentNumber,
      placementPath: students.placementPath,
      personId: studentAccounts.personId,
    })
    .from(students)
    .leftJoin(studentAccounts, eq(studentAccounts.studentId, students.id))
    .where(eq(students.classUnitId, classUnitId))
    .orderBy(asc(students.studentNumber));
}

/**
 * The students of a class with the state of their account: none, a temporary password still to change, or in use
 * (and whether the person is disabled). The last sign-in is the newest session the database still holds (sessions
 * end at sign-out and are purged after they expire, so an older sign-in is not known).
 */
export async function classAccountStates(tx: TenantTx, classUnitId: string) {
  return tx
    .select({
      id: students.id,
      name: students.name,
      studentNumber: students.studentNumber,
      personId: studentAccounts.personId,
      mustChangePassword: studentAccounts.mustChangePassword,
      issuedAt: studentAccounts.issuedAt,
      passwordChangedAt: studentAccounts.passwordChangedAt,
      disabled: people.disabled,
      lastSignInAt:
        sql<Date | null>`(SELECT max(${sessions.createdAt}) FROM ${sessions} WHERE ${sessions.personId} = ${studentAccounts.personId})`.mapWith(
          sessions.createdAt,
        ),
    })
    .from(students)
    .leftJoin(studentAccounts, eq(studentAccounts.studentId, students.id))
    .leftJoin(people, eq(people.id, studentAccounts.personId))
    .where(eq(students.classUnitId, classUnitId))
    .orderBy(asc(students.studentNumber));
}

/** Creates the account of a student: the person, the student role on the class, the link (must change password). */
export async function insertStudentAccount(
  tx: TenantTx,
  values: {
    schoolId: string;
    studentId: string;
    classUnitId: string;
    username: string;
    displayName: string;
    passwordHash: string;
    issuedBy: string | null;
  },
): Promise<string> {
  const [person] = await tx
    .insert(people)
    .values({
      schoolId: values.schoolId,
      username: values.username,
      displayName: values.displayName,
      passwordHash: values.passwordHash,
    })
    .returning({ id: people.id });
  await tx
    .insert(roleAssignments)
    .values({ schoolId: values.schoolId, personId: person!.id, role: 'student', unitId: values.classUnitId });
  await tx.insert(studentAccounts).values({
    personId: person!.id,
    schoolId: values.schoolId,
    studentId: values.studentId,
    issuedBy: values.issuedBy,
  });
  return person!.id;
}

/** The account of a student the caller sees in full (RLS). */
export async function accountOfStudent(tx: TenantTx, studentId: string) {
  const [row] = await tx
    .select({
      personId: studentAccounts.personId,
      placementPath: students.placementPath,
      studentNumber: students.studentNumber,
      name: students.name,
    })
    .from(studentAccounts)
    .innerJoin(students, eq(students.id, studentAccounts.studentId))
    .where(eq(studentAccounts.studentId, studentId));
  return row;
}

/** Sets a temporary password: the student must change it at the next sign-in; their sessions end. */
export async function resetPassword(
  tx: TenantTx,
  personId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await tx
    .update(people)
    .set({ passwordHash, updatedAt: now, disabled: false })
    .where(eq(people.id, personId));
  await tx
    .update(studentAccounts)
    .set({ mustChangePassword: true, issuedAt: now })
    .where(and(eq(studentAccounts.personId, personId)));
}
