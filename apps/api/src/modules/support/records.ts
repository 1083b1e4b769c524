import { chinaToday } from '@xinqiao/calendar';
import {
  type AidKind,
  disciplinarySanctions,
  enteredFailedCourses,
  financialAids,
  type HardshipLevel,
  hardshipCertifications,
  homeVisits,
  type SanctionLevel,
} from '@xinqiao/db';
import type { CompiledPlugin } from '@xinqiao/policy';
import { eq } from 'drizzle-orm';
import { type Caller, requirePermission } from '../../auth/caller.ts';
import { fieldError, invalidFields, problem } from '../../http/problem.ts';
import { studentNotFound, studentViewOf } from '../students/access.ts';
import { findStudent } from '../students/queries.ts';
import { proposeAfterRecord } from './mid-term.ts';
import { aidsOf, enteredFailedOf, hardshipOf, sanctionsOf, visitsOf } from './queries.ts';
import { auditSupport } from './service.ts';

/** The student in full view (404 otherwise: reduced views record nothing here and see none of it). */
async function fullStudent(caller: Caller, studentId: string) {
  const student = await findStudent(caller.tx, studentId);
  if (!student || studentViewOf(caller.scope, student.placementPath) !== 'full') throw studentNotFound();
  return student;
}

const notFuture = (field: string, day: string, now: Date) => {
  if (day > chinaToday(now)) throw invalidFields([fieldError(field, 'support.in-future')]);
};

/** A student's sanctions, hardship certifications, aids, entered failed courses and home visits; audited. */
export async function studentRecords(caller: Caller, studentId: string) {
  requirePermission(caller, 'support.records');
  const student = await findStudent(caller.tx, studentId);
  if (!student || studentViewOf(caller.scope, student.placementPath) !== 'full') throw studentNotFound();
  const [sanctions, hardship, aids, failed, visits] = await Promise.all([
    sanctionsOf(caller.tx, studentId),
    hardshipOf(caller.tx, studentId),
    aidsOf(caller.tx, studentId),
    enteredFailedOf(caller.tx, studentId),
    visitsOf(caller.tx, studentId),
  ]);
  await auditSupport(caller, 'support_records.read', 'student', studentId, student);
  return {
    sanctions: sanctions.map((s) => ({
      id: s.id,
      sanction: s.sanction,
      level: s.level,
      sanctionedOn: s.sanctionedOn,
      revokedOn: s.revokedOn,
    })),
    hardship: hardship.map((h) => ({
      id: h.id,
      term: h.term,
      level: h.level,
      certifiedOn: h.certifiedOn,
      note: h.note,
    })),
    aids: aids.map((a) => ({
      id: a.id,
      term: a.term,
      kind: a.kind,
      description: a.description,
      amountYuan: a.amountYuan,
      givenOn: a.givenOn,
    })),
    failedCourses: failed.map((f) => ({ term: f.term, count: f.count })),
    homeVisits: visits.map(({ visit, recorder }) => ({
      id: visit.id,
      visitedOn: visit.visitedOn,
      visitors: visit.visitors,
      familyPresent: visit.familyPresent,
      findings: visit.findings,
      recorder,
    })),
  };
}

/**
 * Records a disciplinary sanction; one dated in the future is refused naming `sanctionedOn`. The school's rules
 * may then propose the student for the class's support list (mid-term.ts).
 */
export async function addSanction(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  input: { studentId: string; sanction: string; level: SanctionLevel; sanctionedOn: string },
  now: Date,
) {
  requirePermission(caller, 'support.records');
  notFuture('sanctionedOn', input.sanctionedOn, now);
  const student = await fullStudent(caller, input.studentId);
  const [row] = await caller.tx
    .insert(disciplinarySanctions)
    .values({ schoolId: caller.me.school.id, ...input, recordedBy: caller.me.person.id })
    .returning({ id: disciplinarySanctions.id });
  await auditSupport(caller, 'sanction.create', 'disciplinary_sanction', row!.id, student);
  await proposeAfterRecord(caller, plugin, student, now);
}

/** Revokes a sanction (解除处分) on a day not before it nor in the future. */
export async function revokeSanction(caller: Caller, id: string, revokedOn: string, now: Date) {
  requirePermission(caller, 'support.records');
  const [row] = await caller.tx.select().from(disciplinarySanctions).where(eq(disciplinarySanctions.id, id));
  if (!row) throw problem('support.record-not-found');
  if (row.revokedOn) throw invalidFields([fieldError('revokedOn', 'support.already-revoked')]);
  notFuture('revokedOn', revokedOn, now);
  if (revokedOn < row.sanctionedOn) throw invalidFields([fieldError('revokedOn', 'support.revoked-before')]);
  await caller.tx.update(disciplinarySanctions).set({ revokedOn }).where(eq(disciplinarySanctions.id, id));
  const student = await fullStudent(caller, row.studentId);
  await auditSupport(caller, 'sanction.revoke', 'disciplinary_sanction', id, student);
}

/** Certifies a student's family economic hardship for a term (one per term); the rules may then propose them. */
export async function certifyHardship(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  input: { studentId: string; term: string; level: HardshipLevel; certifiedOn: string; note: string },
  now: Date,
) {
  requirePermission(caller, 'support.records');
  notFuture('certifiedOn', input.certifiedOn, now);
  const student = await fullStudent(caller, input.studentId);
  const existing = (await hardshipOf(caller.tx, student.id)).find((h) => h.term === input.term);
  if (existing) throw invalidFields([fieldError('term', 'support.already-certified')]);
  const [row] = await caller.tx
    .insert(hardshipCertifications)
    .values({
      schoolId: caller.me.school.id,
      ...input,
      collegeUnitId: student.collegeUnitId,
      recordedBy: caller.me.person.id,
    })
    .returning({ id: hardshipCertifications.id });
  await auditSupport(caller, 'hardship.certify', 'hardship_certification', row!.id, student);
  await proposeAfterRecord(caller, plugin, student, now);
}

/** Records an aid of the five (五助) given to a student in a term. */
export async function addAid(
  caller: Caller,
  input: {
    studentId: string;
    term: string;
    kind: AidKind;
    description: string;
    amountYuan?: number | undefined;
    givenOn: string;
  },
  now: Date,
) {
  requirePermission(caller, 'support.records');
  notFuture('givenOn', input.givenOn, now);
  const student = await fullStudent(caller, input.studentId);
  const [row] = await caller.tx
    .insert(financialAids)
    .values({
      schoolId: caller.me.school.id,
      studentId: student.id,
      collegeUnitId: student.collegeUnitId,
      term: input.term,
      kind: input.kind,
      description: input.description,
      amountYuan: input.amountYuan ?? null,
      givenOn: input.givenOn,
      recordedBy: caller.me.person.id,
    })
    .returning({ id: financialAids.id });
  await auditSupport(caller, 'aid.create', 'financial_aid', row!.id, student);
}

/** Enters a term's failed-course count by hand (for a school without a grades feed); the rules may then propose them. */
export async function enterFailedCourses(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  input: { studentId: string; term: string; count: number },
  now: Date,
) {
  requirePermission(caller, 'support.records');
  const student = await fullStudent(caller, input.studentId);
  await caller.tx
    .insert(enteredFailedCourses)
    .values({ schoolId: caller.me.school.id, ...input, enteredBy: caller.me.person.id })
    .onConflictDoUpdate({
      target: [enteredFailedCourses.studentId, enteredFailedCourses.term],
      set: { count: input.count, enteredBy: caller.me.person.id, updatedAt: new Date() },
    });
  await auditSupport(caller, 'failed_courses.enter', 'student', student.id, student);
  await proposeAfterRecord(caller, plugin, student, now);
}

/** Records a home visit (家访). */
export async function addHomeVisit(
  caller: Caller,
  input: { studentId: string; visitedOn: string; visitors: string; familyPresent: string; findings: string },
  now: Date,
) {
  requirePermission(caller, 'support.records');
  notFuture('visitedOn', input.visitedOn, now);
  const student = await fullStudent(caller, input.studentId);
  const [row] = await caller.tx
    .insert(homeVisits)
    .values({ schoolId: caller.me.school.id, ...input, recordedBy: caller.me.person.id })
    .returning({ id: homeVisits.id });
  await auditSupport(caller, 'home_visit.create', 'home_visit', row!.id, student);
}
