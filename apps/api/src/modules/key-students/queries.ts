import {
  caseEntries,
  cases,
  type KeyStudentSource,
  keyStudents,
  people,
  students,
  type TenantTx,
  units,
} from '@xinqiao/db';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

const college = alias(units, 'college');
const klass = alias(units, 'klass');
const counsellor = alias(people, 'counsellor');
const requester = alias(people, 'requester');

/** One student on the roster, as stored (a roster row) or as the work puts them there (an open case). */
export interface RosterRow {
  id: string | null;
  studentId: string;
  studentName: string;
  studentNumber: string;
  placementPath: string;
  collegeId: string;
  collegeName: string;
  className: string;
  source: KeyStudentSource;
  reason: string;
  counsellorId: string | null;
  counsellorName: string | null;
  since: Date;
  lastTalkAt: Date | null;
  removalReason: string | null;
  removalRequestedBy: string | null;
  requesterName: string | null;
  removalRequestedAt: Date | null;
}

/** The latest interview about the student, by when it happened (not when it was typed). */
const lastTalk = sql<Date | null>`(
  SELECT max(coalesce(ce.occurred_at, ce.created_at)) FROM ${caseEntries} ce
  JOIN ${cases} c2 ON c2.id = ce.case_id
  WHERE c2.student_id = ${students.id} AND ce.kind = 'interview'
)`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v)));

const studentColumns = {
  studentId: students.id,
  studentName: students.name,
  studentNumber: students.studentNumber,
  placementPath: students.placementPath,
  collegeId: students.collegeUnitId,
  collegeName: college.name,
  className: sql<string>`coalesce(${klass.name}, '')`,
  lastTalkAt: lastTalk,
};

/** The open roster rows (added by hand, or kept after a removal was asked for) that RLS lets the caller see. */
export async function openRosterRows(tx: TenantTx): Promise<RosterRow[]> {
  return tx
    .select({
      id: keyStudents.id,
      ...studentColumns,
      source: keyStudents.source,
      reason: keyStudents.reason,
      counsellorId: keyStudents.counsellorId,
      counsellorName: counsellor.displayName,
      since: keyStudents.addedAt,
      removalReason: keyStudents.removalReason,
      removalRequestedBy: keyStudents.removalRequestedBy,
      requesterName: requester.displayName,
      removalRequestedAt: keyStudents.removalRequestedAt,
    })
    .from(keyStudents)
    .innerJoin(students, eq(students.id, keyStudents.studentId))
    .innerJoin(college, eq(college.id, students.collegeUnitId))
    .leftJoin(klass, eq(klass.id, students.classUnitId))
    .leftJoin(counsellor, eq(counsellor.id, keyStudents.counsellorId))
    .leftJoin(requester, eq(requester.id, keyStudents.removalRequestedBy))
    .where(isNull(keyStudents.removedAt));
}

/**
 * The students the work puts on the roster: each open case (a tier-1 follow-up, or any other) the caller sees,
 * oldest first, so a student's earliest open case gives the source, reason and responsible person.
 */
export async function openCaseRows(tx: TenantTx): Promise<RosterRow[]> {
  const rows = await tx
    .select({
      ...studentColumns,
      screeningResultId: cases.screeningResultId,
      title: cases.title,
      counsellorId: cases.responsiblePersonId,
      counsellorName: counsellor.displayName,
      since: cases.createdAt,
    })
    .from(cases)
    .innerJoin(students, eq(students.id, cases.studentId))
    .innerJoin(college, eq(college.id, students.collegeUnitId))
    .leftJoin(klass, eq(klass.id, students.classUnitId))
    .leftJoin(counsellor, eq(counsellor.id, cases.responsiblePersonId))
    .where(ne(cases.status, 'closed'))
    .orderBy(cases.createdAt);
  return rows.map(({ screeningResultId, title, ...row }) => ({
    ...row,
    id: null,
    source: screeningResultId ? 'tier1' : 'case',
    reason: title,
    removalReason: null,
    removalRequestedBy: null,
    requesterName: null,
    removalRequestedAt: null,
  }));
}

/** A stored roster row, if the caller sees it. */
export async function findRosterRow(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(keyStudents).where(eq(keyStudents.id, id));
  return row;
}

/** Whether the student has an open roster row already. */
export async function hasOpenRow(tx: TenantTx, studentId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: keyStudents.id })
    .from(keyStudents)
    .where(and(eq(keyStudents.studentId, studentId), isNull(keyStudents.removedAt)));
  return row !== undefined;
}

/** Adds a roster row; answers its id. */
export async function insertRosterRow(
  tx: TenantTx,
  values: typeof keyStudents.$inferInsert,
): Promise<string> {
  const [row] = await tx.insert(keyStudents).values(values).returning({ id: keyStudents.id });
  return row!.id;
}

/** Asks for a removal, or approves it. */
export async function updateRosterRow(
  tx: TenantTx,
  id: string,
  values: Partial<typeof keyStudents.$inferInsert>,
): Promise<void> {
  await tx.update(keyStudents).set(values).where(eq(keyStudents.id, id));
}
