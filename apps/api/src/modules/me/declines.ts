import { toChinaDate } from '@xinqiao/calendar';
import {
  reusableStatement,
  screeningConsents,
  screeningWaves,
  students,
  type TenantTx,
  units,
} from '@xinqiao/db';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Caller, can, requirePermission } from '../../auth/caller.ts';
import { problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import type { WorkProvider } from '../work/types.ts';
import { consentTextOf } from './policy.ts';

/** Declined consents of waves not cancelled, not yet followed up, of the students the caller sees in full (RLS). */
function openDeclines(tx: TenantTx) {
  return openDeclinesRead(tx, {});
}

// Built once (reusableStatement): My work asks on every request.
const openDeclinesRead = reusableStatement((tx: TenantTx) => {
  const klass = alias(units, 'klass');
  const college = alias(units, 'college');
  return tx
    .select({
      id: screeningConsents.id,
      decidedAt: screeningConsents.decidedAt,
      waveName: screeningWaves.name,
      studentId: students.id,
      name: students.name,
      studentNumber: students.studentNumber,
      className: klass.name,
      collegeName: college.name,
    })
    .from(screeningConsents)
    .innerJoin(screeningWaves, eq(screeningWaves.id, screeningConsents.waveId))
    .innerJoin(students, eq(students.id, screeningConsents.studentId))
    .innerJoin(klass, eq(klass.id, students.classUnitId))
    .innerJoin(college, eq(college.id, students.collegeUnitId))
    .where(
      and(
        eq(screeningConsents.decision, 'declined'),
        isNull(screeningConsents.followedUpAt),
        ne(screeningWaves.status, 'cancelled'),
      ),
    )
    .limit(500);
});

/**
 * A student who declined an online screening is a follow-up of their counsellor's (and station head's) where the
 * school's plugin says so (`student-services` consent: `declineFollowUp`): a talk to see how they are, not a push to
 * take part. Gone when the student consents after all or the counsellor marks it followed up. The center, which
 * sees the whole school, follows the completion figures instead.
 */
export const consentDeclines: WorkProvider = {
  kind: 'screening_declined',
  async items(caller, clock) {
    if (!can(caller, 'screening.read') || can(caller, 'screening.manage')) return [];
    if (!(await consentTextOf(clock.plugin)).declineFollowUp) return [];
    const rows = await openDeclines(caller.tx);
    return rows.map((row) => ({
      kind: 'screening_declined' as const,
      id: row.id,
      title: {
        zh: `学生拒绝参加线上测评：${row.waveName}`,
        en: `Declined the online screening: ${row.waveName}`,
      },
      student: {
        id: row.studentId,
        name: row.name,
        studentNumber: row.studentNumber,
        className: row.className,
        collegeName: row.collegeName,
      },
      dueAt: null,
      dueOn: null,
      overdue: false,
      selfHarm: false,
      isNew: toChinaDate(row.decidedAt) >= toChinaDate(new Date(clock.now.getTime() - 3 * 86_400_000)),
      reasons: [],
      decision: null,
      link: `/college-station/students/${row.studentId}`,
    }));
  },
};

/** The counsellor marks a declined consent followed up (they talked to the student); audited. */
export async function markDeclineFollowedUp(caller: Caller, consentId: string, now: Date): Promise<void> {
  requirePermission(caller, 'screening.read');
  const [row] = await caller.tx
    .update(screeningConsents)
    .set({ followedUpAt: now, followedUpBy: caller.me.person.id })
    .where(and(eq(screeningConsents.id, consentId), eq(screeningConsents.decision, 'declined')))
    .returning({ studentId: screeningConsents.studentId });
  if (!row) throw problem('student.wave-not-open');
  await recordAccess(caller.tx, caller.me, {
    action: 'screening_consent.followed_up',
    entity: 'screening_consent',
    entityId: consentId,
    studentId: row.studentId,
    purpose: caller.purpose,
  });
}
