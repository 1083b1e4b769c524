import { z } from '@hono/zod-openapi';

const iso = z.string().openapi({ description: 'ISO 8601 instant' });

export const BookingRulesSchema = z
  .object({
    noticeHours: z.number().int(),
    maxOpenBookings: z.number().int(),
    firstVisitIntake: z.boolean(),
    priorityForTier1: z.boolean(),
    priorityForOpenCrisis: z.boolean(),
    zh: z.string(),
    en: z.string(),
  })
  .openapi('BookingRules');

export const SlotSchema = z
  .object({
    id: z.uuid(),
    counsellorId: z.uuid(),
    counsellorName: z.string(),
    startsAt: iso,
    endsAt: iso,
    location: z.string(),
    priority: z.boolean(),
    taken: z.boolean(),
  })
  .openapi('CounsellingSlot');

export const SlotListSchema = z
  .object({ slots: z.array(SlotSchema), rules: BookingRulesSchema, priorityEligible: z.boolean() })
  .openapi('CounsellingSlotList');

export const NewSlotBody = z
  .object({
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    location: z.string().trim().max(200).default(''),
    priority: z.boolean().default(false),
    counsellorId: z.uuid().optional(),
  })
  .openapi('NewCounsellingSlot');

export const IdParams = z.object({ id: z.uuid() });
export const Created = z.object({ id: z.uuid() }).openapi('Created');

export const BookBody = z.object({ slotId: z.uuid() }).openapi('BookAppointment');
export const BookedSchema = z.object({ id: z.uuid(), firstVisit: z.boolean() }).openapi('AppointmentBooked');

export const MyAppointmentSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['booked', 'cancelled', 'attended', 'no_show']),
    firstVisit: z.boolean(),
    startsAt: iso,
    endsAt: iso,
    location: z.string(),
    counsellorName: z.string(),
    feedbackCode: z
      .string()
      .nullable()
      .openapi({ description: 'The one-time code of an attended session, until used' }),
  })
  .openapi('MyAppointment');

export const MyAppointmentsSchema = z
  .object({ appointments: z.array(MyAppointmentSchema), waitlisted: z.boolean() })
  .openapi('MyAppointments');

export const WaitlistBody = z.object({ waiting: z.boolean() }).openapi('WaitlistChange');

export const DayQuery = z.object({
  date: z.iso.date().openapi({ description: 'The day in China (YYYY-MM-DD)' }),
  counsellorId: z.uuid().optional(),
});

export const DayAppointmentSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['booked', 'cancelled', 'attended', 'no_show']),
    firstVisit: z.boolean(),
    startsAt: iso,
    endsAt: iso,
    location: z.string(),
    counsellorId: z.uuid(),
    counsellorName: z.string(),
    student: z.object({ id: z.uuid(), name: z.string(), studentNumber: z.string(), className: z.string() }),
    hasNote: z.boolean(),
  })
  .openapi('DayAppointment');

export const DayListSchema = z
  .object({
    appointments: z.array(DayAppointmentSchema),
    waitlist: z.array(
      z.object({
        id: z.uuid(),
        studentId: z.uuid(),
        name: z.string(),
        studentNumber: z.string(),
        since: iso,
      }),
    ),
  })
  .openapi('AppointmentDay');

export const RecordBody = z
  .object({ outcome: z.enum(['attended', 'no_show']), note: z.string().trim().max(10_000).optional() })
  .openapi('RecordSession');
export const RecordedSchema = z.object({ feedbackCode: z.string().nullable() }).openapi('SessionRecorded');

export const RescheduleBody = z.object({ slotId: z.uuid() }).openapi('RescheduleAppointment');

export const RatingBody = z
  .object({
    code: z.string().trim().min(4).max(16),
    attitude: z.number().int().min(1).max(5).openapi({ description: '服务态度 1–5' }),
    professionalism: z.number().int().min(1).max(5).openapi({ description: '专业性 1–5' }),
    helpfulness: z.number().int().min(1).max(5).openapi({ description: '有效性 1–5' }),
    overall: z.number().int().min(0).max(100).openapi({ description: '总体满意度 0–100' }),
  })
  .openapi('SessionRating');

export const SatisfactionQuery = z.object({ since: z.iso.date().optional() });

export const SatisfactionSchema = z
  .object({
    since: z.string(),
    target: z.number(),
    minRatings: z.number().int(),
    ratings: z.number().int(),
    overall: z.number().nullable(),
    met: z.boolean().nullable(),
    byCounsellor: z.array(
      z.object({
        counsellorId: z.uuid(),
        name: z.string(),
        ratings: z.number().int(),
        overall: z.number(),
        attitude: z.number(),
        professionalism: z.number(),
        helpfulness: z.number(),
      }),
    ),
  })
  .openapi('CounsellingSatisfaction');
