import type { appointmentsOf, dayList, SlotRow } from './queries.ts';

/** A published slot (no student in it). */
export function presentSlot(slot: SlotRow) {
  return { ...slot, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() };
}

type MyRow = Awaited<ReturnType<typeof appointmentsOf>>[number];

/** One of the student's appointments; the feedback code only while unused. */
export function presentMyAppointment(row: MyRow) {
  return {
    id: row.id,
    status: row.status,
    firstVisit: row.firstVisit,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    location: row.location,
    counsellorName: row.counsellorName,
    feedbackCode: row.feedbackCode && !row.feedbackUsedAt ? row.feedbackCode : null,
  };
}

type DayRow = Awaited<ReturnType<typeof dayList>>[number];

/** One appointment of the center's day list. */
export function presentDayAppointment(row: DayRow) {
  return {
    id: row.id,
    status: row.status,
    firstVisit: row.firstVisit,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    location: row.location,
    counsellorId: row.counsellorId,
    counsellorName: row.counsellorName,
    student: {
      id: row.studentId,
      name: row.studentName,
      studentNumber: row.studentNumber,
      className: row.className,
    },
    hasNote: row.hasNote,
  };
}
