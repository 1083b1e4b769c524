import { createRoute } from '@hono/zod-openapi';
import { academicYearOf } from '@xinqiao/calendar';
import type { Context } from 'hono';
import { callerOf } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { rateSession, satisfaction } from './feedback.ts';
import { presentDayAppointment, presentMyAppointment, presentSlot } from './present.ts';
import {
  BookBody,
  BookedSchema,
  Created,
  DayListSchema,
  DayQuery,
  IdParams,
  MyAppointmentsSchema,
  NewSlotBody,
  RatingBody,
  RecordBody,
  RecordedSchema,
  RescheduleBody,
  SatisfactionQuery,
  SatisfactionSchema,
  SlotListSchema,
  WaitlistBody,
} from './schemas.ts';
import {
  appointmentsOfDay,
  book,
  cancel,
  cancelSlot,
  listSlots,
  myAppointments,
  publishSlot,
  recordSession,
  reschedule,
  setWaitlisted,
} from './service.ts';

const tags = ['appointments'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const PURPOSE = '心理咨询预约 / counselling appointments';

const r = {
  slots: createRoute({
    method: 'get',
    path: '/appointments/slots',
    tags,
    summary:
      'Published slots of the next four weeks: all for the center, the free ones a student may book for a student',
    responses: {
      200: { description: 'Slots and the booking rules', content: json(SlotListSchema) },
      ...problemResponses(401, 403),
    },
  }),
  publish: createRoute({
    method: 'post',
    path: '/appointments/slots',
    tags,
    summary: 'Publish a counselling slot (the center)',
    request: { body: { required: true, content: json(NewSlotBody) } },
    responses: {
      201: { description: 'Published', content: json(Created) },
      ...problemResponses(400, 401, 403),
    },
  }),
  cancelSlot: createRoute({
    method: 'post',
    path: '/appointments/slots/{id}/cancel',
    tags,
    summary: 'Withdraw a published slot (the center)',
    request: { params: IdParams },
    responses: { 204: { description: 'Withdrawn' }, ...problemResponses(401, 403, 404) },
  }),
  mine: createRoute({
    method: 'get',
    path: '/appointments/mine',
    tags,
    summary:
      'The signed-in student’s appointments, with the feedback code of an attended session, and the waitlist',
    responses: {
      200: { description: 'Appointments', content: json(MyAppointmentsSchema) },
      ...problemResponses(401, 403),
    },
  }),
  book: createRoute({
    method: 'post',
    path: '/appointments',
    tags,
    summary: 'Book a slot (the student) within the school’s rules: notice, open bookings, priority slots',
    request: { body: { required: true, content: json(BookBody) } },
    responses: {
      201: { description: 'Booked', content: json(BookedSchema) },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  }),
  cancel: createRoute({
    method: 'post',
    path: '/appointments/{id}/cancel',
    tags,
    summary: 'Cancel a booking (the student within the notice period, the center any time)',
    request: { params: IdParams },
    responses: { 204: { description: 'Cancelled' }, ...problemResponses(401, 403, 404, 409) },
  }),
  reschedule: createRoute({
    method: 'post',
    path: '/appointments/{id}/reschedule',
    tags,
    summary: 'Move a booking to another slot (both or neither)',
    request: { params: IdParams, body: { required: true, content: json(RescheduleBody) } },
    responses: {
      200: { description: 'Moved', content: json(BookedSchema) },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  }),
  waitlist: createRoute({
    method: 'put',
    path: '/appointments/waitlist',
    tags,
    summary: 'Join or leave the waitlist (the student)',
    request: { body: { required: true, content: json(WaitlistBody) } },
    responses: { 204: { description: 'Done' }, ...problemResponses(400, 401, 403) },
  }),
  day: createRoute({
    method: 'get',
    path: '/appointments/day',
    tags,
    summary: 'The day’s appointments (the center), and who waits for a slot',
    request: { query: DayQuery },
    responses: {
      200: { description: 'The day list', content: json(DayListSchema) },
      ...problemResponses(400, 401, 403),
    },
  }),
  record: createRoute({
    method: 'post',
    path: '/appointments/{id}/record',
    tags,
    summary:
      'Record a session (attended, with a note only the center reads, and a feedback code) or a no-show',
    request: { params: IdParams, body: { required: true, content: json(RecordBody) } },
    responses: {
      200: { description: 'Recorded', content: json(RecordedSchema) },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  }),
  rate: createRoute({
    method: 'post',
    path: '/appointments/feedback',
    tags,
    summary: 'Rate a session anonymously with its one-time feedback code (反馈码)',
    request: { body: { required: true, content: json(RatingBody) } },
    responses: { 204: { description: 'Rated' }, ...problemResponses(400, 401, 403, 409) },
  }),
  satisfaction: createRoute({
    method: 'get',
    path: '/appointments/satisfaction',
    tags,
    summary:
      'Counselling satisfaction (KPI 2.2) against the plugin’s target; per counsellor only over five ratings or more',
    request: { query: SatisfactionQuery },
    responses: {
      200: { description: 'Satisfaction', content: json(SatisfactionSchema) },
      ...problemResponses(400, 401, 403),
    },
  }),
};

const pluginOf = (c: Context<AuthedEnv>) => c.var.plugins.active(c.var.me.school.code)?.compiled;

/** `/api/appointments…`: counselling slots, bookings, the day list, sessions, anonymous feedback and satisfaction. */
export const appointmentsRoutes = createRouter()
  .openapi(r.slots, async (c) => {
    const { slots, rules, priorityEligible } = await listSlots(
      callerOf(c, PURPOSE),
      pluginOf(c),
      c.var.clock(),
    );
    return c.json({ slots: slots.map(presentSlot), rules, priorityEligible }, 200);
  })
  .openapi(r.publish, async (c) => {
    const body = c.req.valid('json');
    const id = await publishSlot(
      callerOf(c, PURPOSE),
      { ...body, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) },
      c.var.clock(),
    );
    return c.json({ id }, 201);
  })
  .openapi(r.cancelSlot, async (c) => {
    await cancelSlot(callerOf(c, PURPOSE), c.req.valid('param').id, c.var.clock());
    return c.body(null, 204);
  })
  .openapi(r.mine, async (c) => {
    const { appointments, waitlisted } = await myAppointments(callerOf(c, PURPOSE));
    return c.json({ appointments: appointments.map(presentMyAppointment), waitlisted }, 200);
  })
  .openapi(r.book, async (c) => {
    const done = await book(callerOf(c, PURPOSE), pluginOf(c), c.req.valid('json').slotId, c.var.clock());
    return c.json(done, 201);
  })
  .openapi(r.cancel, async (c) => {
    await cancel(callerOf(c, PURPOSE), pluginOf(c), c.req.valid('param').id, c.var.clock());
    return c.body(null, 204);
  })
  .openapi(r.reschedule, async (c) => {
    const { id } = c.req.valid('param');
    const done = await reschedule(
      callerOf(c, PURPOSE),
      pluginOf(c),
      id,
      c.req.valid('json').slotId,
      c.var.clock(),
    );
    return c.json(done, 200);
  })
  .openapi(r.waitlist, async (c) => {
    await setWaitlisted(callerOf(c, PURPOSE), c.req.valid('json').waiting, c.var.clock());
    return c.body(null, 204);
  })
  .openapi(r.day, async (c) => {
    const { date, counsellorId } = c.req.valid('query');
    const day = await appointmentsOfDay(callerOf(c, PURPOSE), date, counsellorId);
    return c.json(
      {
        appointments: day.appointments.map(presentDayAppointment),
        waitlist: day.waitlist.map((w) => ({ ...w, since: w.since.toISOString() })),
      },
      200,
    );
  })
  .openapi(r.record, async (c) => {
    const done = await recordSession(
      callerOf(c, PURPOSE),
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.clock(),
    );
    return c.json(done, 200);
  })
  .openapi(r.rate, async (c) => {
    await rateSession(callerOf(c, '匿名评价 / anonymous rating'), c.req.valid('json'), c.var.clock());
    return c.body(null, 204);
  })
  .openapi(r.satisfaction, async (c) => {
    const since = c.req.valid('query').since ?? `${academicYearOf(c.var.clock()).start}-09-01`;
    return c.json(await satisfaction(callerOf(c, PURPOSE), pluginOf(c), since), 200);
  });
