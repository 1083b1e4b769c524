import {
  appointments,
  appointmentWaitlist,
  counsellingNotes,
  counsellingSlots,
  feedbackCodes,
  feedbackRatings,
  people,
  queryRows,
  screeningResults,
  studentFileEntries,
  students,
  type TenantTx,
  units,
} from '@xinqiao/db';
import { and, asc, count, eq, gt, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

/** Publishes a slot; answers its id. */
export async function insertSlot(
  tx: TenantTx,
  values: {
    schoolId: string;
    counsellorId: string;
    startsAt: Date;
    endsAt: Date;
    location: string;
    priority: boolean;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await tx.insert(counsellingSlots).values(values).returning({ id: counsellingSlots.id });
  return row!.id;
}

/** A slot by id (every account of the school reads the published slots), locked for the booking. */
export async function slotForUpdate(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(counsellingSlots).where(eq(counsellingSlots.id, id)).for('update');
  return row;
}

export async function setSlotTaken(tx: TenantTx, id: string, taken: boolean): Promise<void> {
  await tx.update(counsellingSlots).set({ taken }).where(eq(counsellingSlots.id, id));
}

export async function cancelSlotRow(tx: TenantTx, id: string, now: Date): Promise<void> {
  await tx.update(counsellingSlots).set({ cancelledAt: now }).where(eq(counsellingSlots.id, id));
}

/** Slots from `from` on (not cancelled), with the counsellor's name, soonest first. */
export async function slotsFrom(tx: TenantTx, from: Date, until: Date) {
  return tx
    .select({
      id: counsellingSlots.id,
      counsellorId: counsellingSlots.counsellorId,
      counsellorName: people.displayName,
      startsAt: counsellingSlots.startsAt,
      endsAt: counsellingSlots.endsAt,
      location: counsellingSlots.location,
      priority: counsellingSlots.priority,
      taken: counsellingSlots.taken,
    })
    .from(counsellingSlots)
    .innerJoin(people, eq(people.id, counsellingSlots.counsellorId))
    .where(
      and(
        gte(counsellingSlots.startsAt, from),
        lt(counsellingSlots.startsAt, until),
        isNull(counsellingSlots.cancelledAt),
      ),
    )
    .orderBy(asc(counsellingSlots.startsAt), asc(people.displayName))
    .limit(500);
}
export type SlotRow = Awaited<ReturnType<typeof slotsFrom>>[number];

/** The student's open bookings (booked, not yet held) from now on. */
export async function openBookingsOf(tx: TenantTx, studentId: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(appointments)
    .innerJoin(counsellingSlots, eq(counsellingSlots.id, appointments.slotId))
    .where(
      and(
        eq(appointments.studentId, studentId),
        eq(appointments.status, 'booked'),
        gt(counsellingSlots.endsAt, now),
      ),
    );
  return row?.n ?? 0;
}

/** Whether the student has had (or has booked) an appointment before: the first visit is an intake. */
export async function hasVisited(tx: TenantTx, studentId: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: count() })
    .from(appointments)
    .where(and(eq(appointments.studentId, studentId), inArray(appointments.status, ['booked', 'attended'])));
  return (row?.n ?? 0) > 0;
}

/** Whether any stored screening result of the student is tier 1 (their own results, RLS). */
export async function isTier1(tx: TenantTx, studentId: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: count() })
    .from(screeningResults)
    .where(and(eq(screeningResults.studentId, studentId), eq(screeningResults.attentionTier, 1)));
  return (row?.n ?? 0) > 0;
}

/**
 * Whether the signed-in student has an open crisis: `xq_my_student_has_open_crisis()` answers this one boolean about
 * the session's own student (a student cannot read crises, RLS), nothing about the crisis itself.
 */
export async function myOpenCrisis(tx: TenantTx): Promise<boolean> {
  const [row] = await queryRows<{ open: boolean }>(tx, sql`SELECT xq_my_student_has_open_crisis() AS open`);
  return row?.open ?? false;
}

export async function insertAppointment(
  tx: TenantTx,
  values: { schoolId: string; slotId: string; studentId: string; firstVisit: boolean; bookedAt: Date },
): Promise<string> {
  const [row] = await tx.insert(appointments).values(values).returning({ id: appointments.id });
  return row!.id;
}

/** An appointment with its slot (RLS: the student's own, or the center's), locked. */
export async function appointmentForUpdate(tx: TenantTx, id: string) {
  const [row] = await tx
    .select({ appointment: appointments, slot: counsellingSlots })
    .from(appointments)
    .innerJoin(counsellingSlots, eq(counsellingSlots.id, appointments.slotId))
    .where(eq(appointments.id, id))
    .for('update', { of: appointments });
  return row;
}

export async function setAppointmentStatus(
  tx: TenantTx,
  id: string,
  values: { status: 'cancelled' | 'attended' | 'no_show'; at: Date; by?: string },
): Promise<void> {
  await tx
    .update(appointments)
    .set(
      values.status === 'cancelled'
        ? { status: 'cancelled', cancelledAt: values.at }
        : { status: values.status, recordedAt: values.at, recordedBy: values.by ?? null },
    )
    .where(eq(appointments.id, id));
}

/** The student's appointments, newest slot first, with the counsellor and an unused feedback code. */
export async function appointmentsOf(tx: TenantTx, studentId: string) {
  return tx
    .select({
      id: appointments.id,
      status: appointments.status,
      firstVisit: appointments.firstVisit,
      slotId: counsellingSlots.id,
      startsAt: counsellingSlots.startsAt,
      endsAt: counsellingSlots.endsAt,
      location: counsellingSlots.location,
      counsellorName: people.displayName,
      feedbackCode: feedbackCodes.code,
      feedbackUsedAt: feedbackCodes.usedAt,
    })
    .from(appointments)
    .innerJoin(counsellingSlots, eq(counsellingSlots.id, appointments.slotId))
    .innerJoin(people, eq(people.id, counsellingSlots.counsellorId))
    .leftJoin(feedbackCodes, eq(feedbackCodes.appointmentId, appointments.id))
    .where(eq(appointments.studentId, studentId))
    .orderBy(sql`${counsellingSlots.startsAt} DESC`)
    .limit(100);
}

/** The appointments of one day (China), for the center: the day list, with student names. */
export async function dayList(tx: TenantTx, from: Date, until: Date, counsellorId: string | undefined) {
  const klass = alias(units, 'klass');
  return tx
    .select({
      id: appointments.id,
      status: appointments.status,
      firstVisit: appointments.firstVisit,
      startsAt: counsellingSlots.startsAt,
      endsAt: counsellingSlots.endsAt,
      location: counsellingSlots.location,
      counsellorId: counsellingSlots.counsellorId,
      counsellorName: people.displayName,
      studentId: students.id,
      studentName: students.name,
      studentNumber: students.studentNumber,
      className: klass.name,
      hasNote: sql<boolean>`EXISTS (SELECT 1 FROM counselling_notes n WHERE n.appointment_id = ${appointments.id})`,
    })
    .from(appointments)
    .innerJoin(counsellingSlots, eq(counsellingSlots.id, appointments.slotId))
    .innerJoin(people, eq(people.id, counsellingSlots.counsellorId))
    .innerJoin(students, eq(students.id, appointments.studentId))
    .innerJoin(klass, eq(klass.id, students.classUnitId))
    .where(
      and(
        gte(counsellingSlots.startsAt, from),
        lt(counsellingSlots.startsAt, until),
        ne(appointments.status, 'cancelled'),
        counsellorId ? eq(counsellingSlots.counsellorId, counsellorId) : undefined,
      ),
    )
    .orderBy(asc(counsellingSlots.startsAt));
}

export async function insertNote(
  tx: TenantTx,
  values: { appointmentId: string; schoolId: string; studentId: string; body: string; recordedBy: string },
): Promise<void> {
  await tx
    .insert(counsellingNotes)
    .values(values)
    .onConflictDoUpdate({ target: counsellingNotes.appointmentId, set: { body: values.body } });
}

export async function insertFeedbackCode(
  tx: TenantTx,
  values: { code: string; schoolId: string; appointmentId: string },
): Promise<void> {
  await tx.insert(feedbackCodes).values(values).onConflictDoNothing();
}

/** A feedback code of the student's own sessions (RLS), locked, with the session's counsellor. */
export async function ownCodeForUpdate(tx: TenantTx, code: string) {
  const [row] = await tx
    .select({
      code: feedbackCodes.code,
      usedAt: feedbackCodes.usedAt,
      counsellorId: counsellingSlots.counsellorId,
    })
    .from(feedbackCodes)
    .innerJoin(appointments, eq(appointments.id, feedbackCodes.appointmentId))
    .innerJoin(counsellingSlots, eq(counsellingSlots.id, appointments.slotId))
    .where(eq(feedbackCodes.code, code))
    .for('update', { of: feedbackCodes });
  return row;
}

export async function markCodeUsed(tx: TenantTx, code: string, now: Date): Promise<void> {
  await tx.update(feedbackCodes).set({ usedAt: now }).where(eq(feedbackCodes.code, code));
}

/** Stores a rating without any link to the student or the code (no RETURNING: the student may not read ratings). */
export async function insertRating(
  tx: TenantTx,
  values: {
    schoolId: string;
    counsellorId: string;
    attitude: number;
    professionalism: number;
    helpfulness: number;
    overall: number;
    ratedOn: string;
  },
): Promise<void> {
  await tx.insert(feedbackRatings).values(values);
}

/** Ratings per counsellor since a day: count and means (the service hides counsellors under the minimum). */
export async function ratingsByCounsellor(tx: TenantTx, since: string) {
  return queryRows<{
    counsellorId: string;
    name: string;
    ratings: number;
    overall: number;
    attitude: number;
    professionalism: number;
    helpfulness: number;
  }>(
    tx,
    sql`SELECT r.counsellor_id AS "counsellorId", p.display_name AS name, count(*)::integer AS ratings,
               avg(r.overall)::float8 AS overall, avg(r.attitude)::float8 AS attitude,
               avg(r.professionalism)::float8 AS professionalism, avg(r.helpfulness)::float8 AS helpfulness
        FROM feedback_ratings r JOIN people p ON p.id = r.counsellor_id
        WHERE r.rated_on >= ${since}::date
        GROUP BY r.counsellor_id, p.display_name
        ORDER BY p.display_name`,
  );
}

/** Waitlist: the student's open entry, joining and leaving. */
export async function openWaitlistEntry(tx: TenantTx, studentId: string) {
  const [row] = await tx
    .select()
    .from(appointmentWaitlist)
    .where(and(eq(appointmentWaitlist.studentId, studentId), isNull(appointmentWaitlist.closedAt)));
  return row;
}

export async function joinWaitlist(tx: TenantTx, schoolId: string, studentId: string): Promise<void> {
  await tx.insert(appointmentWaitlist).values({ schoolId, studentId }).onConflictDoNothing();
}

export async function closeWaitlist(tx: TenantTx, studentId: string, now: Date): Promise<void> {
  await tx
    .update(appointmentWaitlist)
    .set({ closedAt: now })
    .where(and(eq(appointmentWaitlist.studentId, studentId), isNull(appointmentWaitlist.closedAt)));
}

/** The waitlist (center): who waits, longest first. */
export async function waitlist(tx: TenantTx) {
  return tx
    .select({
      id: appointmentWaitlist.id,
      studentId: students.id,
      name: students.name,
      studentNumber: students.studentNumber,
      since: appointmentWaitlist.createdAt,
    })
    .from(appointmentWaitlist)
    .innerJoin(students, eq(students.id, appointmentWaitlist.studentId))
    .where(isNull(appointmentWaitlist.closedAt))
    .orderBy(asc(appointmentWaitlist.createdAt));
}

/** Whether a person id is of the caller's school (RLS: people of other schools are invisible). */
export async function personOfSchool(tx: TenantTx, personId: string): Promise<boolean> {
  const [row] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId));
  return Boolean(row);
}

/**
 * What the rest of the network sees of counselling: a restricted file entry "in counselling" (counsellors, station
 * heads and head teachers who reach the student read it; class committee members and dorm liaisons do not), with no
 * note: the notes stay in `counselling_notes`, the center's alone.
 */
export async function noteInCounselling(
  tx: TenantTx,
  values: { schoolId: string; studentId: string; recordedBy: string; firstVisit: boolean },
): Promise<void> {
  await tx.insert(studentFileEntries).values({
    schoolId: values.schoolId,
    studentId: values.studentId,
    recordedBy: values.recordedBy,
    kind: 'counselling',
    title: values.firstVisit
      ? '在心理健康教育中心接受个体咨询（初访；记录仅心理中心可见）'
      : '在心理健康教育中心接受个体咨询（记录仅心理中心可见）',
    visibility: 'restricted',
  });
}
