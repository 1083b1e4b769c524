import { cases, concernReports, students, type TenantTx, units } from '@xinqiao/db';
import { eq } from 'drizzle-orm';

/** A tier-1 follow-up the caller sees: its college, its due date and when its first talk was held. */
export interface FollowUpTalk {
  collegeId: string;
  collegeName: string;
  dueDate: string | null;
  firstTalkAt: Date | null;
}

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
      // When the first interview happened (kept on the case by the `case_entries_interview` trigger).
      firstTalkAt: cases.firstInterviewAt,
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
