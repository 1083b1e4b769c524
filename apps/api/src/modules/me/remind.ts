import { queryRows } from '@xinqiao/db';
import { sql } from 'drizzle-orm';
import { type Caller, requirePermission } from '../../auth/caller.ts';
import { problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { notify } from '../notifications/notify.ts';

/** How many students a reminder reached: all in the app, and how many of them by e-mail as well. */
export interface Reminded {
  /** Reminded in the student side (in-app). */
  reminded: number;
  /** Of them, sent an e-mail too, through the outbox (a durable job); 0 without the school's e-mail channel. */
  emailed: number;
  /** Whether the school's e-mail channel is set up and on. */
  emailChannel: boolean;
}

/**
 * Reminds the students of an open wave who have not taken it yet (the center): every student of the wave's cohort
 * with a student account, no submitted answers and no result, gets an in-app reminder (`screening.reminder`, which
 * carries only a count). Students who declined are not pressed again. Where the school's e-mail channel is on, the
 * students with an e-mail address on their record get the same words by e-mail, through the
 * notification outbox, delivered by its job with retries; the group robot gets nothing (the group is the staff's,
 * and who has not taken a screening is no group's business: docs/decisions.md). Answers how many were reminded in
 * the app and by e-mail.
 */
export async function remindNonTakers(caller: Caller, waveId: string): Promise<Reminded> {
  requirePermission(caller, 'screening.manage');
  const [wave] = await queryRows<{ status: string; emailChannel: boolean }>(
    caller.tx,
    sql`SELECT status, xq_school_channel_enabled('email') AS "emailChannel" FROM screening_waves WHERE id = ${waveId}`,
  );
  if (wave?.status !== 'open') throw problem('student.wave-not-open');
  const rows = await queryRows<{ personId: string; email: string | null }>(
    caller.tx,
    sql`SELECT sa.person_id AS "personId", nullif(s.email, '') AS email
        FROM screening_waves w
        JOIN students s ON (w.cohort NOT IN ('freshmen', 'graduating') AND w.cohort !~ '^[0-9]{4}$')
                        OR (w.cohort = 'freshmen' AND s.enrolment_year = w.academic_year)
                        OR (w.cohort = 'graduating' AND s.enrolment_year = w.academic_year - 3)
                        OR (w.cohort ~ '^[0-9]{4}$' AND s.enrolment_year = w.cohort::integer)
        JOIN student_accounts sa ON sa.student_id = s.id
        WHERE w.id = ${waveId}
          AND NOT EXISTS (SELECT 1 FROM screening_results r WHERE r.wave_id = w.id AND r.student_id = s.id)
          AND NOT EXISTS (SELECT 1 FROM screening_responses q WHERE q.wave_id = w.id AND q.student_id = s.id
                            AND q.status = 'submitted')
          AND NOT EXISTS (SELECT 1 FROM screening_consents c WHERE c.wave_id = w.id AND c.student_id = s.id
                            AND c.decision = 'declined')`,
  );
  const recipients = rows.map((r) => r.personId);
  const addresses = wave.emailChannel ? rows.flatMap((r) => (r.email ? [r.email] : [])) : [];
  await notify(caller.tx, {
    schoolId: caller.me.school.id,
    recipients,
    kind: 'screening.reminder',
    params: { count: 1 },
    link: '/student',
    ...(addresses.length > 0
      ? { outbound: { count: 1 }, outboundAddresses: addresses, groupMessage: false }
      : {}),
  });
  await recordAccess(caller.tx, caller.me, {
    action: 'screening_wave.reminded',
    entity: 'screening_wave',
    entityId: waveId,
    purpose: caller.purpose,
  });
  return { reminded: recipients.length, emailed: new Set(addresses).size, emailChannel: wave.emailChannel };
}
