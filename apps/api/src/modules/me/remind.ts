import { queryRows } from '@xinqiao/db';
import { sql } from 'drizzle-orm';
import { type Caller, requirePermission } from '../../auth/caller.ts';
import { problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { notify } from '../notifications/notify.ts';

/**
 * Reminds the students of an open wave who have not taken it yet (the center): every student of the wave's cohort
 * with a student account, no submitted answers and no result, gets an in-app reminder (`screening.reminder`, which
 * carries only a count). Students who declined are not pressed again. Answers how many were reminded.
 */
export async function remindNonTakers(caller: Caller, waveId: string): Promise<{ reminded: number }> {
  requirePermission(caller, 'screening.manage');
  const [wave] = await queryRows<{ status: string }>(
    caller.tx,
    sql`SELECT status FROM screening_waves WHERE id = ${waveId}`,
  );
  if (!wave || wave.status !== 'open') throw problem('student.wave-not-open');
  const rows = await queryRows<{ personId: string }>(
    caller.tx,
    sql`SELECT sa.person_id AS "personId"
        FROM screening_waves w
        JOIN students s ON (w.cohort NOT IN ('freshmen', 'graduating') AND w.cohort !~ '^[0-9]{4}$')
                        OR (w.cohort = 'freshmen' AND s.enrolment_year = w.academic_year)
                        OR (w.cohort = 'graduating' AND s.enrolment_year = w.academic_year - 3)
                        OR (w.cohort ~ '^[0-9]{4}$' AND s.enrolment_year = w.cohort::integer)
        JOIN student_accounts sa ON sa.student_id = s.id
        WHERE w.id = ${waveId}
          AND NOT EXISTS (SELECT 1 FROM screening_results r WHERE r.wave_id = w.id AND r.student_id = s.id)
          AND NOT EXISTS (SELECT 1 FROM screening_consents c WHERE c.wave_id = w.id AND c.student_id = s.id
                            AND c.decision = 'declined')`,
  );
  const recipients = rows.map((r) => r.personId);
  await notify(caller.tx, {
    schoolId: caller.me.school.id,
    recipients,
    kind: 'screening.reminder',
    params: { count: 1 },
    link: '/student',
  });
  await recordAccess(caller.tx, caller.me, {
    action: 'screening_wave.reminded',
    entity: 'screening_wave',
    entityId: waveId,
    purpose: caller.purpose,
  });
  return { reminded: recipients.length };
}
