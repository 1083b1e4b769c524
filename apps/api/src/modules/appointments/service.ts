import { randomInt } from 'node:crypto';
import type { BookingRules, CompiledPlugin } from '@xinqiao/policy';
import { type Caller, requirePermission } from '../../auth/caller.ts';
import { fieldError, invalidFields, problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { requireStudent } from '../me/access.ts';
import { bookingRulesOf } from '../me/policy.ts';
import {
  appointmentForUpdate,
  appointmentsOf,
  cancelSlotRow,
  closeWaitlist,
  dayList,
  hasVisited,
  insertAppointment,
  insertFeedbackCode,
  insertNote,
  insertSlot,
  isTier1,
  joinWaitlist,
  myOpenCrisis,
  noteInCounselling,
  openBookingsOf,
  openWaitlistEntry,
  personOfSchool,
  setAppointmentStatus,
  setSlotTaken,
  slotForUpdate,
  slotsFrom,
  waitlist,
} from './queries.ts';

const HOUR = 3_600_000;
const refused = (field: string, code: Parameters<typeof fieldError>[1], params?: Record<string, unknown>) =>
  problem('appointments.refused').naming([fieldError(field, code as never, params as never)]);

/** Publishes a slot of a member of the center (the caller by default). */
export async function publishSlot(
  caller: Caller,
  input: {
    startsAt: Date;
    endsAt: Date;
    location: string;
    priority: boolean;
    counsellorId?: string | undefined;
  },
  now: Date,
): Promise<string> {
  requirePermission(caller, 'counselling.manage');
  if (input.endsAt <= input.startsAt) throw invalidFields([fieldError('endsAt', 'appointments.slot-past')]);
  if (input.startsAt <= now) throw invalidFields([fieldError('startsAt', 'appointments.slot-past')]);
  // Another counsellor of the center: a person of the caller's own school (RLS shows no other school's people).
  if (input.counsellorId && !(await personOfSchool(caller.tx, input.counsellorId))) {
    throw invalidFields([fieldError('counsellorId', 'field.invalid')]);
  }
  const id = await insertSlot(caller.tx, {
    schoolId: caller.me.school.id,
    counsellorId: input.counsellorId ?? caller.me.person.id,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    location: input.location,
    priority: input.priority,
    createdBy: caller.me.person.id,
  });
  await recordAccess(caller.tx, caller.me, {
    action: 'counselling_slot.published',
    entity: 'counselling_slot',
    entityId: id,
    purpose: caller.purpose,
  });
  return id;
}

/** Cancels a published slot (the center); a booking on it is cancelled with it. */
export async function cancelSlot(caller: Caller, slotId: string, now: Date): Promise<void> {
  requirePermission(caller, 'counselling.manage');
  const slot = await slotForUpdate(caller.tx, slotId);
  if (!slot || slot.cancelledAt) throw problem('appointments.slot-not-found');
  await cancelSlotRow(caller.tx, slotId, now);
  await recordAccess(caller.tx, caller.me, {
    action: 'counselling_slot.cancelled',
    entity: 'counselling_slot',
    entityId: slotId,
    purpose: caller.purpose,
  });
}

/**
 * Whether the signed-in student may book priority slots: the plugin keeps them for tier 1 and the student has a
 * tier-1 result, or for an open crisis and the student has one. Only the yes or no leaves the API: a student is
 * told a slot is a priority slot (优先时段), never why.
 */
async function priorityEligible(caller: Caller, rules: BookingRules, studentId: string): Promise<boolean> {
  if (rules.priorityForTier1 && (await isTier1(caller.tx, studentId))) return true;
  return rules.priorityForOpenCrisis && (await myOpenCrisis(caller.tx));
}

/**
 * The published slots of the next four weeks. The center sees every slot; a student sees the free ones they may
 * book (priority slots only when they are eligible: tier 1 or an open crisis, as the plugin says), with the
 * booking rules.
 */
export async function listSlots(caller: Caller, plugin: CompiledPlugin | undefined, now: Date) {
  const until = new Date(now.getTime() + 28 * 24 * HOUR);
  const rules = await bookingRulesOf(plugin);
  if (caller.permissions.includes('counselling.manage')) {
    return {
      slots: await slotsFrom(caller.tx, new Date(now.getTime() - 24 * HOUR), until),
      rules,
      priorityEligible: true,
    };
  }
  const student = await requireStudent(caller);
  const eligible = await priorityEligible(caller, rules, student.studentId);
  const slots = (await slotsFrom(caller.tx, now, until)).filter((s) => !s.taken && (!s.priority || eligible));
  return { slots, rules, priorityEligible: eligible };
}

/**
 * Books a slot for the signed-in student within the school's rules: the slot is free, not started, at least the
 * notice period away, a priority slot only for an eligible student (tier 1 or an open crisis), no more open
 * bookings than allowed; the first visit is marked an intake. A refusal names `slotId`; nothing is stored.
 */
export async function book(caller: Caller, plugin: CompiledPlugin | undefined, slotId: string, now: Date) {
  const student = await requireStudent(caller);
  const rules = await bookingRulesOf(plugin);
  const slot = await slotForUpdate(caller.tx, slotId);
  if (!slot || slot.cancelledAt) throw problem('appointments.slot-not-found');
  if (slot.startsAt <= now) throw refused('slotId', 'appointments.slot-past');
  if (slot.taken) throw refused('slotId', 'appointments.slot-taken');
  if (slot.startsAt.getTime() - now.getTime() < rules.noticeHours * HOUR) {
    throw refused('slotId', 'appointments.notice-too-short', { hours: rules.noticeHours });
  }
  if (slot.priority && !(await priorityEligible(caller, rules, student.studentId))) {
    throw refused('slotId', 'appointments.priority-only');
  }
  if ((await openBookingsOf(caller.tx, student.studentId, now)) >= rules.maxOpenBookings) {
    throw refused('slotId', 'appointments.too-many-open', { max: rules.maxOpenBookings });
  }
  const firstVisit = rules.firstVisitIntake && !(await hasVisited(caller.tx, student.studentId));
  const id = await insertAppointment(caller.tx, {
    schoolId: caller.me.school.id,
    slotId,
    studentId: student.studentId,
    firstVisit,
    bookedAt: now,
  });
  await setSlotTaken(caller.tx, slotId, true);
  await closeWaitlist(caller.tx, student.studentId, now);
  await recordAccess(caller.tx, caller.me, {
    action: 'appointment.booked',
    entity: 'appointment',
    entityId: id,
    studentId: student.studentId,
    purpose: caller.purpose,
  });
  return { id, firstVisit };
}

/** Cancels a booking: the student their own within the notice period, the center any time. The slot is free again. */
export async function cancel(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  appointmentId: string,
  now: Date,
) {
  const center = caller.permissions.includes('counselling.manage');
  if (!center) await requireStudent(caller);
  const row = await appointmentForUpdate(caller.tx, appointmentId);
  if (!row) throw problem('appointments.not-found');
  if (row.appointment.status !== 'booked') throw refused('appointmentId', 'appointments.not-booked');
  if (!center) {
    const rules = await bookingRulesOf(plugin);
    if (row.slot.startsAt.getTime() - now.getTime() < rules.noticeHours * HOUR) {
      throw refused('appointmentId', 'appointments.notice-too-short', { hours: rules.noticeHours });
    }
  }
  await setAppointmentStatus(caller.tx, appointmentId, { status: 'cancelled', at: now });
  await setSlotTaken(caller.tx, row.slot.id, false);
  await recordAccess(caller.tx, caller.me, {
    action: 'appointment.cancelled',
    entity: 'appointment',
    entityId: appointmentId,
    studentId: row.appointment.studentId,
    purpose: caller.purpose,
  });
}

/** Moves the student's booking to another slot: the new booking and the cancellation stand or fall together. */
export async function reschedule(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  appointmentId: string,
  slotId: string,
  now: Date,
) {
  await cancel(caller, plugin, appointmentId, now);
  return book(caller, plugin, slotId, now);
}

/** The student's appointments (with the one-time feedback code of an attended session) and waitlist state. */
export async function myAppointments(caller: Caller) {
  const student = await requireStudent(caller);
  const rows = await appointmentsOf(caller.tx, student.studentId);
  const waiting = await openWaitlistEntry(caller.tx, student.studentId);
  return { appointments: rows, waitlisted: Boolean(waiting) };
}

/** The student joins (or leaves) the waitlist: the center sees who waits and publishes slots for them. */
export async function setWaitlisted(caller: Caller, waiting: boolean, now: Date): Promise<void> {
  const student = await requireStudent(caller);
  if (waiting) await joinWaitlist(caller.tx, caller.me.school.id, student.studentId);
  else await closeWaitlist(caller.tx, student.studentId, now);
}

/** The day's appointments (China day) for the center, optionally of one counsellor; reading them is audited. */
export async function appointmentsOfDay(caller: Caller, day: string, counsellorId: string | undefined) {
  requirePermission(caller, 'counselling.manage');
  const start = new Date(`${day}T00:00:00+08:00`);
  const end = new Date(start.getTime() + 24 * HOUR);
  const rows = await dayList(caller.tx, start, end, counsellorId);
  await recordAccess(caller.tx, caller.me, {
    action: 'appointments.day_read',
    entity: 'appointments',
    purpose: caller.purpose,
  });
  return { appointments: rows, waitlist: await waitlist(caller.tx) };
}

/**
 * The center records a session: attended (with an optional note, the center's alone, and a one-time feedback code
 * for the student) or a no-show. Only a booked appointment whose slot has started.
 */
export async function recordSession(
  caller: Caller,
  appointmentId: string,
  input: { outcome: 'attended' | 'no_show'; note?: string | undefined },
  now: Date,
): Promise<{ feedbackCode: string | null }> {
  requirePermission(caller, 'counselling.manage');
  const row = await appointmentForUpdate(caller.tx, appointmentId);
  if (!row) throw problem('appointments.not-found');
  if (row.appointment.status !== 'booked') throw refused('appointmentId', 'appointments.not-booked');
  if (row.slot.startsAt > now) throw refused('outcome', 'appointments.not-started');
  await setAppointmentStatus(caller.tx, appointmentId, {
    status: input.outcome,
    at: now,
    by: caller.me.person.id,
  });
  let code: string | null = null;
  if (input.outcome === 'attended') {
    if (input.note) {
      await insertNote(caller.tx, {
        appointmentId,
        schoolId: caller.me.school.id,
        studentId: row.appointment.studentId,
        body: input.note,
        recordedBy: caller.me.person.id,
      });
    }
    await noteInCounselling(caller.tx, {
      schoolId: caller.me.school.id,
      studentId: row.appointment.studentId,
      recordedBy: caller.me.person.id,
      firstVisit: row.appointment.firstVisit,
    });
    code = newFeedbackCode();
    await insertFeedbackCode(caller.tx, { code, schoolId: caller.me.school.id, appointmentId });
  }
  await recordAccess(caller.tx, caller.me, {
    action: `appointment.${input.outcome}`,
    entity: 'appointment',
    entityId: appointmentId,
    studentId: row.appointment.studentId,
    purpose: caller.purpose,
  });
  return { feedbackCode: code };
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** An 8-character one-time code without look-alike characters (0/O, 1/I/L), from the system's random source. */
export function newFeedbackCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
