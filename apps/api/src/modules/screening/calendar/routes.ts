import { createRoute, z } from '@hono/zod-openapi';
import { chinaToday, isIsoDate } from '@xinqiao/calendar';
import { problemResponses } from '../../../http/problem.ts';
import { createRouter } from '../../../http/router.ts';
import { schemaMessage } from '../../../http/zod-issues.ts';
import { screeningCaller } from '../access.ts';
import { json } from '../schemas.ts';
import { auditScreening } from '../waves/routes.ts';
import { calendarYear, dropSchoolDay, setSchoolDay } from './service.ts';

const tags = ['screening'];

const CalendarQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000, schemaMessage('screening.calendar-year-range'))
    .max(2100, schemaMessage('screening.calendar-year-range'))
    .optional()
    .openapi({ description: 'Calendar year (default: this year in China)', example: 2026 }),
});

const DayParams = z.object({
  date: z
    .string()
    .refine(
      (value) => isIsoDate(value) && value >= '2000-01-01' && value <= '2100-12-31',
      schemaMessage('screening.calendar-date'),
    )
    .openapi({ param: { name: 'date', in: 'path' }, example: '2025-11-14' }),
});

const DayEditBody = z
  .object({
    working: z.boolean({ message: schemaMessage('screening.calendar-working') }),
    note: z.string().trim().max(200),
  })
  .openapi('CalendarDayEdit');

const LocalizedNameSchema = z.object({ zh: z.string(), en: z.string() });
const DayKindSchema = z.enum([
  'weekday',
  'weekend',
  'public-holiday',
  'make-up-workday',
  'school-workday',
  'school-day-off',
]);
const PlainDaySchema = z.object({
  working: z.boolean(),
  kind: DayKindSchema,
  name: LocalizedNameSchema.nullable(),
});

const CalendarDaySchema = PlainDaySchema.extend({
  date: z.string(),
  weekday: z.number().int().openapi({ description: '0 = Sunday … 6 = Saturday' }),
  note: z.string().nullable().openapi({ description: 'The school’s note, for school edits' }),
  schoolEdit: z.boolean(),
  official: PlainDaySchema.nullable().openapi({ description: 'What a school-edited day would be otherwise' }),
}).openapi('CalendarDay');

const CalendarYearSchema = z
  .object({
    year: z.number().int(),
    covered: z.boolean().openapi({ description: 'Whether the official holidays of the year are known' }),
    source: z.object({ title: z.string(), issuer: z.string(), published: z.string() }).nullable(),
    days: z.array(CalendarDaySchema),
    summary: z.object({
      workingDays: z.number().int(),
      restDays: z.number().int(),
      publicHolidays: z.number().int(),
      makeUpWorkdays: z.number().int(),
      schoolEdits: z.number().int(),
    }),
  })
  .openapi('CalendarYear');

const yearRoute = createRoute({
  method: 'get',
  path: '/screening/calendar',
  tags,
  summary:
    'The school’s working-day calendar of a year: official holidays, make-up working days, school edits',
  description:
    'Only days that are not ordinary weekdays or weekend days. Follow-up deadlines count working days on it. ' +
    'Center, station heads and counsellors; others 403.',
  request: { query: CalendarQuery },
  responses: {
    200: { description: 'The year', ...json(CalendarYearSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const setDayRoute = createRoute({
  method: 'put',
  path: '/screening/calendar/days/{date}',
  tags,
  summary: 'Mark a day as worked or not for the school (center only); replaces an earlier edit of the day',
  description: 'Follow-ups opened afterwards count with it; due dates already set do not move.',
  request: { params: DayParams, body: { required: true, ...json(DayEditBody) } },
  responses: {
    200: { description: 'The day as the calendar now sees it', ...json(CalendarDaySchema) },
    ...problemResponses(400, 401, 403),
  },
});

const dropDayRoute = createRoute({
  method: 'delete',
  path: '/screening/calendar/days/{date}',
  tags,
  summary: 'Drop the school’s edit of a day (center only): the official schedule applies again',
  request: { params: DayParams },
  responses: {
    200: { description: 'The day as the calendar now sees it', ...json(CalendarDaySchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** The school's working-day calendar: read by those who follow up screening, edited by the center. */
export const calendarRoutes = createRouter()
  .openapi(yearRoute, async (c) => {
    const year = c.req.valid('query').year ?? Number(chinaToday(c.var.clock()).slice(0, 4));
    const view = await calendarYear(screeningCaller(c), year);
    await auditScreening(
      c,
      'working_calendar.read',
      'working_calendar',
      String(year),
      '查看工作日历 / calendar',
    );
    return c.json(view, 200);
  })
  .openapi(setDayRoute, async (c) => {
    const { date } = c.req.valid('param');
    const day = await setSchoolDay(screeningCaller(c), date, c.req.valid('json'));
    await auditScreening(
      c,
      'working_calendar.set_day',
      'working_calendar',
      date,
      '调整工作日 / edit calendar',
    );
    return c.json(day, 200);
  })
  .openapi(dropDayRoute, async (c) => {
    const { date } = c.req.valid('param');
    const day = await dropSchoolDay(screeningCaller(c), date);
    await auditScreening(
      c,
      'working_calendar.drop_day',
      'working_calendar',
      date,
      '撤销工作日调整 / drop edit',
    );
    return c.json(day, 200);
  });
