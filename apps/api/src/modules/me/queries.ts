import {
  people,
  queryRows,
  screeningConsents,
  screeningResponses,
  screeningResults,
  screeningWaves,
  studentAccounts,
  students,
  type TenantTx,
  units,
} from '@xinqiao/db';
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

/** The signed-in student's account and record (RLS: their own rows only). */
export async function ownStudent(tx: TenantTx, personId: string) {
  const college = alias(units, 'college');
  const klass = alias(units, 'klass');
  const [row] = await tx
    .select({
      studentId: students.id,
      name: students.name,
      studentNumber: students.studentNumber,
      enrolmentYear: students.enrolmentYear,
      placementPath: students.placementPath,
      className: klass.name,
      collegeName: college.name,
      mustChangePassword: studentAccounts.mustChangePassword,
    })
    .from(studentAccounts)
    .innerJoin(students, eq(students.id, studentAccounts.studentId))
    .innerJoin(klass, eq(klass.id, students.classUnitId))
    .innerJoin(college, eq(college.id, students.collegeUnitId))
    .where(eq(studentAccounts.personId, personId));
  return row;
}
export type OwnStudent = NonNullable<Awaited<ReturnType<typeof ownStudent>>>;

/** The password hash of the signed-in person (to check the current password before a change). */
export async function passwordHashOf(tx: TenantTx, personId: string): Promise<string | undefined> {
  const [row] = await tx.select({ hash: people.passwordHash }).from(people).where(eq(people.id, personId));
  return row?.hash;
}

/** Sets a new password and clears the must-change mark of a student account. */
export async function storeNewPassword(
  tx: TenantTx,
  personId: string,
  hash: string,
  now: Date,
): Promise<void> {
  await tx.update(people).set({ passwordHash: hash, updatedAt: now }).where(eq(people.id, personId));
  await tx
    .update(studentAccounts)
    .set({ mustChangePassword: false, passwordChangedAt: now })
    .where(eq(studentAccounts.personId, personId));
}

/** Open waves (today within their window) whose cohort the student belongs to, with the student's own state. */
export async function openWavesFor(tx: TenantTx, student: OwnStudent, today: string) {
  return queryRows<{
    id: string;
    name: string;
    instrument: string;
    academicYear: number;
    opensOn: string;
    closesOn: string;
    consent: string | null;
    consentVersion: string | null;
    status: string | null;
    answers: (number | null)[] | null;
    safety: boolean | null;
    hasResult: boolean;
  }>(
    tx,
    sql`SELECT w.id, w.name, w.instrument, w.academic_year AS "academicYear", w.opens_on::text AS "opensOn",
               w.closes_on::text AS "closesOn", c.decision AS consent, c.text_version AS "consentVersion",
               r.status, r.answers, r.safety,
               EXISTS (SELECT 1 FROM screening_results sr WHERE sr.wave_id = w.id AND sr.student_id = ${student.studentId})
                 AS "hasResult"
        FROM screening_waves w
        LEFT JOIN screening_consents c ON c.wave_id = w.id AND c.student_id = ${student.studentId}
        LEFT JOIN screening_responses r ON r.wave_id = w.id AND r.student_id = ${student.studentId}
        WHERE w.status = 'open' AND w.opens_on <= ${today}::date AND w.closes_on >= ${today}::date
          AND (w.cohort NOT IN ('freshmen', 'graduating') AND w.cohort !~ '^[0-9]{4}$'
               OR (w.cohort = 'freshmen' AND ${student.enrolmentYear} = w.academic_year)
               OR (w.cohort = 'graduating' AND ${student.enrolmentYear} = w.academic_year - 3)
               OR (w.cohort ~ '^[0-9]{4}$' AND w.cohort = ${String(student.enrolmentYear)}))
        ORDER BY w.closes_on, w.name`,
  );
}
export type OpenWave = Awaited<ReturnType<typeof openWavesFor>>[number];

/** The student's consent to a wave, with the text they were shown. */
export async function consentOf(tx: TenantTx, waveId: string, studentId: string) {
  const [row] = await tx
    .select()
    .from(screeningConsents)
    .where(and(eq(screeningConsents.waveId, waveId), eq(screeningConsents.studentId, studentId)));
  return row;
}

/** Records (or changes) a consent decision; answers the row's id. */
export async function storeConsent(
  tx: TenantTx,
  values: {
    schoolId: string;
    waveId: string;
    studentId: string;
    decision: 'consented' | 'declined';
    textVersion: string;
    text: string;
    now: Date;
  },
): Promise<string> {
  const { now, ...rest } = values;
  const [row] = await tx
    .insert(screeningConsents)
    .values({ ...rest, decidedAt: now })
    .onConflictDoUpdate({
      target: [screeningConsents.waveId, screeningConsents.studentId],
      set: {
        decision: rest.decision,
        textVersion: rest.textVersion,
        text: rest.text,
        decidedAt: now,
        followedUpAt: null,
        followedUpBy: null,
      },
    })
    .returning({ id: screeningConsents.id });
  return row!.id;
}

/** The student's response to a wave, locked for the request (two tabs submitting at once are served one by one). */
export async function responseForUpdate(tx: TenantTx, waveId: string, studentId: string) {
  const [row] = await tx
    .select()
    .from(screeningResponses)
    .where(and(eq(screeningResponses.waveId, waveId), eq(screeningResponses.studentId, studentId)))
    .for('update');
  return row;
}

/** Saves answers in progress, or the submission (one row per wave and student). */
export async function storeResponse(
  tx: TenantTx,
  values: {
    schoolId: string;
    waveId: string;
    studentId: string;
    instrument: string;
    answers: (number | null)[];
    askedForCounselling: boolean;
    submitted: boolean;
    safety: boolean;
    now: Date;
  },
): Promise<string> {
  const { now, submitted, ...rest } = values;
  const status = submitted ? ('submitted' as const) : ('in_progress' as const);
  const [row] = await tx
    .insert(screeningResponses)
    .values({ ...rest, status, updatedAt: now, submittedAt: submitted ? now : null })
    .onConflictDoUpdate({
      target: [screeningResponses.waveId, screeningResponses.studentId],
      set: {
        answers: rest.answers,
        askedForCounselling: rest.askedForCounselling,
        status,
        safety: rest.safety,
        updatedAt: now,
        submittedAt: submitted ? now : null,
      },
    })
    .returning({ id: screeningResponses.id });
  return row!.id;
}

/** A wave by id (every wave of the school is readable; the service checks it is open for the student). */
export async function waveById(tx: TenantTx, waveId: string) {
  const [row] = await tx.select().from(screeningWaves).where(eq(screeningWaves.id, waveId));
  return row;
}

/** The student's own stored result of a wave (summary and tier only; answers stay the center's). */
export async function ownResult(tx: TenantTx, waveId: string, studentId: string) {
  const [row] = await tx
    .select({ summary: screeningResults.summary, tier: screeningResults.attentionTier })
    .from(screeningResults)
    .where(and(eq(screeningResults.waveId, waveId), eq(screeningResults.studentId, studentId)));
  return row;
}
