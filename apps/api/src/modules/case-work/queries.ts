import { caseEntries, cases, concernReports, students, type TenantTx, units } from '@xinqiao/db';
import { eq, sql } from 'drizzle-orm';

/** A tier-1 follow-up the caller sees: its college, its due date and when its first talk was held. */
export interface FollowUpTalk {
  collegeId: string;
  collegeName: string;
  dueDate: string | null;
  firstTalkAt: Date | null;
}

/** The first interview of a case, by when it happened. */
const firstTalk = sql<Date | null>`(
  SELECT min(coalesce(ce.occurred_at, ce.created_at)) FROM ${caseEntries} ce
  WHERE ce.case_id = ${cases.id} AND ce.kind = 'interview'
)`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v)));

/**
 * Every follow-up of the students RLS shows the caller in full: the tier-1 ones a screening result opened, and the
 * follow-ups opened from a concern report, which carry the same first-talk deadline.
 */
export async function tier1FollowUps(tx: TenantTx): Promise<FollowUpTalk[]> {
  return tx
    .select({
      collegeId: students.collegeUnitId,
      collegeName: units.name,
      dueDate: cases.dueDate,
      firstTalkAt: firstTalk,
    })
    .from(cases)
    .innerJoin(students, eq(students.id, cases.studentId))
    .innerJoin(units, eq(units.id, students.collegeUnitId))
    .where(eq(cases.kind, 'follow_up'));
}

/** A concern report the caller triages: its college, deadline and when it was triaged. */
export interface ReportTriage {
  collegeId: string;
  collegeName: string;
  dueAt: Date;
  triagedAt: Date | null;
}

/** Every concern report about the students RLS shows the caller in full. */
export async function concernTriages(tx: TenantTx): Promise<ReportTriage[]> {
  return tx
    .select({
      collegeId: students.collegeUnitId,
      collegeName: units.name,
      dueAt: concernReports.dueAt,
      triagedAt: concernReports.triagedAt,
    })
    .from(concernReports)
    .innerJoin(students, eq(students.id, concernReports.studentId))
    .innerJoin(units, eq(units.id, students.collegeUnitId));
}
