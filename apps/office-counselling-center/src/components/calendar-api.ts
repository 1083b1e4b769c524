import { api, type Schemas } from '@xinqiao/web-kit';

/** A day that is not an ordinary weekday or weekend day: an official one, or one the school edited. */
export type CalendarDay = Schemas['CalendarDay'];

/** What a day is on the school's calendar (the kinds of @xinqiao/calendar). */
export type CalendarDayKind = CalendarDay['kind'];

/** The school's calendar of one year. */
export type CalendarYear = Schemas['CalendarYear'];

const day = (date: string) => ({ params: { path: { date } } });

/** The special days of a year: official holidays, make-up working days and the school's edits. */
export const fetchCalendarYear = (year: number) =>
  api.GET('/api/screening/calendar', { params: { query: { year } } });

/** Marks a day as worked or not for the school (center only); answers the day as the calendar now sees it. */
export const setCalendarDay = (date: string, edit: Schemas['CalendarDayEdit']) =>
  api.PUT('/api/screening/calendar/days/{date}', { ...day(date), body: edit });

/** Drops the school's edit of a day: the official schedule applies again. */
export const dropCalendarDay = (date: string) => api.DELETE('/api/screening/calendar/days/{date}', day(date));
