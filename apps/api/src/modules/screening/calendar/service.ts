import {
  addCalendarDays,
  type DayInfo,
  type DayKind,
  type IsoDate,
  type LocalizedName,
  officialSchedules,
  WorkingDayCalendar,
} from '@xinqiao/calendar';
import type { TenantTx } from '@xinqiao/db';
import { type Caller, requirePermission } from '../../../auth/caller.ts';
import { problem } from '../../../http/problem.ts';
import { deleteSchoolDay, schoolDayEdits, upsertSchoolDay } from './queries.ts';

/**
 * The school's working-day calendar: China's official holidays and make-up days with the school's own edits.
 *
 * @example
 * (await schoolCalendar(tx)).addWorkingDays('2025-09-30', 3); // '2025-10-11'
 */
export async function schoolCalendar(tx: TenantTx): Promise<WorkingDayCalendar> {
  const edits = await schoolDayEdits(tx);
  return WorkingDayCalendar.china(
    edits.map((edit) => ({
      date: edit.day,
      working: edit.working === 'working',
      ...(edit.note ? { note: edit.note } : {}),
    })),
  );
}

/** What a day would be without the school's edit: ordinary, or as the State Council's notice has it. */
export interface PlainDayView {
  working: boolean;
  kind: DayKind;
  name: LocalizedName | null;
}

/** A day of the calendar that is not an ordinary weekday or weekend day, as the API shows it. */
export interface SpecialDayView extends PlainDayView {
  date: IsoDate;
  /** 0 = Sunday … 6 = Saturday, so a UI can say "周六上班" without date arithmetic of its own. */
  weekday: number;
  /** The school's note, for school edits. */
  note: string | null;
  /** True when the school set this day itself; `official` then says what it would be otherwise. */
  schoolEdit: boolean;
  official: PlainDayView | null;
}

/** A calendar year of the school: its special days and how many days of each sort it has. */
export interface CalendarYearView {
  year: number;
  /** Whether the official holidays of the year are known (otherwise only weekends and school edits count). */
  covered: boolean;
  source: { title: string; issuer: string; published: string } | null;
  days: SpecialDayView[];
  summary: {
    workingDays: number;
    restDays: number;
    publicHolidays: number;
    makeUpWorkdays: number;
    schoolEdits: number;
  };
}

const ORDINARY: ReadonlySet<DayKind> = new Set(['weekday', 'weekend']);
const officialCalendar = WorkingDayCalendar.china();

function plain(day: DayInfo): PlainDayView {
  return { working: day.working, kind: day.kind, name: day.name ?? null };
}

function weekdayOf(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * The special days of one calendar year for the school: official holidays and make-up working days with their names,
 * and the school's own edits (each with what the day would be without it), in date order, with a summary. Needs
 * `calendar.read`.
 *
 * @example
 * (await calendarYear(caller, 2026)).days.find((d) => d.date === '2026-10-01')?.name?.zh; // '国庆节'
 */
export async function calendarYear(caller: Caller, year: number): Promise<CalendarYearView> {
  requirePermission(caller, 'calendar.read');
  const calendar = await schoolCalendar(caller.tx);
  const days: SpecialDayView[] = [];
  const summary = { workingDays: 0, restDays: 0, publicHolidays: 0, makeUpWorkdays: 0, schoolEdits: 0 };
  const last = `${year}-12-31`;
  for (let date = `${year}-01-01`; date <= last; date = addCalendarDays(date, 1)) {
    const day = calendar.describeDay(date);
    const official = officialCalendar.describeDay(date);
    if (day.working) summary.workingDays++;
    else summary.restDays++;
    if (official.kind === 'public-holiday') summary.publicHolidays++;
    if (official.kind === 'make-up-workday') summary.makeUpWorkdays++;
    if (isSchoolEdit(day)) summary.schoolEdits++;
    if (!ORDINARY.has(day.kind)) days.push(viewOf(day, official));
  }
  const schedule = officialSchedules.find((s) => s.year === year);
  return {
    year,
    covered: calendar.coversYear(year),
    source: schedule
      ? { title: schedule.source.title, issuer: schedule.source.issuer, published: schedule.source.published }
      : null,
    days,
    summary,
  };
}

/** One day as the calendar now sees it (after an edit, or after dropping one). */
async function dayView(tx: TenantTx, date: IsoDate): Promise<SpecialDayView> {
  return viewOf((await schoolCalendar(tx)).describeDay(date), officialCalendar.describeDay(date));
}

function isSchoolEdit(day: DayInfo): boolean {
  return day.kind === 'school-workday' || day.kind === 'school-day-off';
}

/** A day of the school's calendar; a school edit carries the official day it replaces (and keeps its name). */
function viewOf(day: DayInfo, official: DayInfo): SpecialDayView {
  const schoolEdit = isSchoolEdit(day);
  return {
    date: day.date,
    weekday: weekdayOf(day.date),
    working: day.working,
    kind: day.kind,
    name: (schoolEdit ? official.name : day.name) ?? null,
    note: schoolEdit ? (day.note ?? '') : null,
    schoolEdit,
    official: schoolEdit ? plain(official) : null,
  };
}

/**
 * Sets the school's edit of a day (one per school and day: a second edit replaces the first) and answers the day as
 * the calendar now sees it. Follow-ups opened from now on count with it; due dates already set stay as they were.
 * Needs `calendar.edit`.
 */
export async function setSchoolDay(
  caller: Caller,
  date: IsoDate,
  edit: { working: boolean; note: string },
): Promise<SpecialDayView> {
  requirePermission(caller, 'calendar.edit');
  await upsertSchoolDay(caller.tx, caller.me.school.id, date, {
    working: edit.working ? 'working' : 'off',
    note: edit.note,
  });
  return dayView(caller.tx, date);
}

/**
 * Drops the school's edit of a day, so the official schedule (or the weekend rule) applies again, and answers the
 * day; 404 if there is no edit. Needs `calendar.edit`.
 */
export async function dropSchoolDay(caller: Caller, date: IsoDate): Promise<SpecialDayView> {
  requirePermission(caller, 'calendar.edit');
  if (!(await deleteSchoolDay(caller.tx, caller.me.school.id, date))) {
    throw problem('screening.calendar-edit-not-found', { date });
  }
  return dayView(caller.tx, date);
}
