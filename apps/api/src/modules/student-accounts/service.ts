import { randomInt } from 'node:crypto';
import { type Caller, requirePermission, rolesGranting } from '../../auth/caller.ts';
import { hashPassword } from '../../auth/password.ts';
import { endSessionsOf } from '../../auth/sessions.ts';
import { studentUsername } from '../../auth/student-login.ts';
import { problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import {
  accountOfStudent,
  classAccountStates,
  classStudents,
  classUnit,
  insertStudentAccount,
  resetPassword,
} from './queries.ts';

// No look-alike characters (0/O, 1/l/I): the password is read off a printed sheet.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A 12-character temporary password from the system's random source (the staff minimum length). */
export function temporaryPassword(): string {
  let out = '';
  for (let i = 0; i < 12; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** One line of a class's sheet of initial passwords. */
export interface IssuedLine {
  studentNumber: string;
  name: string;
  /** The initial password of an account issued now; null when the student already had one. */
  password: string | null;
}

/** A class below one of the caller's school-admin units (`people.manage`), or 404 `student-accounts.class-not-found`. */
async function adminsClass(caller: Caller, classUnitId: string) {
  requirePermission(caller, 'people.manage');
  const unit = await classUnit(caller.tx, classUnitId);
  const admins = rolesGranting(caller.me, 'people.manage');
  if (!unit || unit.levelKey !== 'class' || !admins.some((r) => unit.path.startsWith(r.unitPath))) {
    throw problem('student-accounts.class-not-found');
  }
  return unit;
}

/** Where a student's account stands: none yet, a temporary password still to change, in use, or disabled. */
export type AccountState = 'none' | 'must_change_password' | 'active' | 'disabled';

/** One student of a class with their account's state, as the school admin's panel lists them. */
export interface ClassAccountLine {
  studentId: string;
  studentNumber: string;
  name: string;
  state: AccountState;
  issuedAt: string | null;
  passwordChangedAt: string | null;
  /** The newest sign-in the database still holds (sessions are purged after they end), or null. */
  lastSignInAt: string | null;
}

/** The state of an account from its row (null: the student has none). */
export function accountState(row: {
  personId: string | null;
  mustChangePassword: boolean | null;
  disabled: boolean | null;
}): AccountState {
  if (!row.personId) return 'none';
  if (row.disabled) return 'disabled';
  return row.mustChangePassword ? 'must_change_password' : 'active';
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/**
 * The students of a class and where their accounts stand, for the school admin who issues them (the same reach as
 * the bulk issue). Audited as `student_account.list` on the class.
 */
export async function listClassAccounts(caller: Caller, classUnitId: string) {
  const unit = await adminsClass(caller, classUnitId);
  const rows = await classAccountStates(caller.tx, classUnitId);
  await recordAccess(caller.tx, caller.me, {
    action: 'student_account.list',
    entity: 'unit',
    entityId: classUnitId,
    studentPath: unit.path,
    purpose: caller.purpose,
  });
  const students: ClassAccountLine[] = rows.map((row) => ({
    studentId: row.id,
    studentNumber: row.studentNumber,
    name: row.name,
    state: accountState(row),
    issuedAt: iso(row.issuedAt),
    passwordChangedAt: iso(row.passwordChangedAt),
    lastSignInAt: iso(row.lastSignInAt),
  }));
  return { classId: unit.id, className: unit.name, schoolName: caller.me.school.name, students };
}

/**
 * Issues the student accounts of one class in bulk (school admins, for classes below their unit): every student
 * without an account gets `student:<学号>`, the student role on the class and a temporary password to change at the
 * first sign-in. Answers the class's sheet (the passwords appear only here, once).
 */
export async function issueClassAccounts(caller: Caller, classUnitId: string) {
  const unit = await adminsClass(caller, classUnitId);
  const lines: IssuedLine[] = [];
  for (const student of await classStudents(caller.tx, classUnitId)) {
    if (student.personId) {
      lines.push({ studentNumber: student.studentNumber, name: student.name, password: null });
      continue;
    }
    const password = temporaryPassword();
    const personId = await insertStudentAccount(caller.tx, {
      schoolId: caller.me.school.id,
      studentId: student.id,
      classUnitId,
      username: studentUsername(student.studentNumber),
      displayName: student.name,
      passwordHash: await hashPassword(password),
      issuedBy: caller.me.person.id,
    });
    await recordAccess(caller.tx, caller.me, {
      action: 'student_account.issued',
      entity: 'person',
      entityId: personId,
      studentId: student.id,
      studentPath: student.placementPath,
      purpose: caller.purpose,
    });
    lines.push({ studentNumber: student.studentNumber, name: student.name, password });
  }
  return { className: unit.name, schoolName: caller.me.school.name, lines };
}

/**
 * A counsellor (or anyone who may change the student) resets a student's password: a new temporary one, to be
 * changed at the next sign-in; the account's sessions end. Answered once; 404 for a student without an account or
 * outside the caller's reach.
 */
export async function resetStudentPassword(
  caller: Caller,
  studentId: string,
  now: Date,
): Promise<{ password: string }> {
  requirePermission(caller, 'students.write');
  const account = await accountOfStudent(caller.tx, studentId);
  if (!account) throw problem('student-accounts.not-found');
  const password = temporaryPassword();
  await resetPassword(caller.tx, account.personId, await hashPassword(password), now);
  // Whoever is signed in with the old password (a lost phone, a friend who knew it) is signed out now.
  await endSessionsOf(caller.tx, account.personId);
  await recordAccess(caller.tx, caller.me, {
    action: 'student_account.password_reset',
    entity: 'person',
    entityId: account.personId,
    studentId,
    studentPath: account.placementPath,
    purpose: caller.purpose,
  });
  return { password };
}
