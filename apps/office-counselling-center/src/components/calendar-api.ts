import type { DayKind } from '@xinqiao/calendar';
import { api } from '@xinqiao/web-kit';

/** What a day is on the school's calendar: the calendar package's own kinds (a type only, nothing is bundled). */
export type CalendarDayKind = DayKind;

/** A day as it would be without the school's edit. */
export interface PlainCalendarDay {
  working: boolean;
  kind: CalendarDayKind;
  name: { zh: string; en: string } | null;
}

/** A day that is not an ordinary weekday or weekend day: an official one, or one the school edited. */
export interface CalendarDay extends PlainCalendarDay {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  note: string | null;
  schoolEdit: boolean;
  official: PlainCalendarDay | null;
}

/** The school's calendar of one year. */
export interface CalendarYear {
  year: number;
  /** False when the official holidays of the year are not known yet (only weekends and school edits count). */
  covered: boolean;
  source: { title: string; issuer: string; published: string } | null;
  days: CalendarDay[];
  summary: {
    workingDays: number;
    restDays: number;
    publicHolidays: number;
    makeUpWorkdays: number;
    schoolEdits: number;
  };
}

const BASE = '/api/screening/calendar';

/** The special days of a year: official holidays, make-up working days and the school's edits. */
export const fetchCalendarYear = (year: number) => api.get<CalendarYear>(`${BASE}?year=${year}`);

/** Marks a day as worked or not for the school (center only); answers the day as the calendar now sees it. */
export const setCalendarDay = (date: string, edit: { working: boolean; note: string }) =>
  api.put<CalendarDay>(`${BASE}/days/${encodeURIComponent(date)}`, edit);

/** Drops the school's edit of a day: the official schedule applies again. */
export const dropCalendarDay = (date: string) =>
  api.delete<CalendarDay>(`${BASE}/days/${encodeURIComponent(date)}`);
