import { type IsoDate, toDayNumber } from './iso-date';

/** A name in Chinese (shown first) and English. */
export interface LocalizedName {
  readonly zh: string;
  readonly en: string;
}

/** The document a year's schedule comes from. */
export interface ScheduleSource {
  readonly title: string;
  readonly issuer: string;
  readonly documentNumber?: string;
  /** Date the notice was issued. */
  readonly published: IsoDate;
}

/** A run of days off, inclusive at both ends, as a notice writes it ('1月28日至2月4日放假调休'). */
export interface HolidayRange {
  readonly name: LocalizedName;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A weekend day that is worked to make up for a day off (调休上班). */
export interface MakeUpWorkday {
  readonly name: LocalizedName;
  readonly date: IsoDate;
}

/** One year's public holidays and make-up working days, as the State Council announces them each November. */
export interface YearSchedule {
  readonly year: number;
  readonly source: ScheduleSource;
  readonly holidays: readonly HolidayRange[];
  readonly makeUpWorkdays: readonly MakeUpWorkday[];
}

/** Raised when schedule or override data is malformed; the message names the offending value. */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
}

/**
 * Checks a year schedule (e.g. parsed from JSON or entered by a school) and returns it typed.
 * Throws a CalendarDataError naming the first bad field.
 * @example parseYearSchedule(JSON.parse(text)).year // 2027
 */
export function parseYearSchedule(data: unknown): YearSchedule {
  const schedule = data as YearSchedule;
  const where = `schedule ${String(schedule?.year)}`;
  if (!Number.isInteger(schedule?.year)) throw new CalendarDataError('Schedule has no integer "year"');
  if (!schedule.source?.title || !schedule.source.issuer) {
    throw new CalendarDataError(`${where}: "source" must name its title and issuer`);
  }
  checkDate(schedule.source.published, `${where}: source.published`);
  if (!Array.isArray(schedule.holidays) || !Array.isArray(schedule.makeUpWorkdays)) {
    throw new CalendarDataError(`${where}: "holidays" and "makeUpWorkdays" must be lists`);
  }
  schedule.holidays.forEach((range, index) => {
    const field = `${where}: holidays[${index}]`;
    checkName(range.name, field);
    if (checkDate(range.from, `${field}.from`) > checkDate(range.to, `${field}.to`)) {
      throw new CalendarDataError(`${field}: "from" ${range.from} is after "to" ${range.to}`);
    }
  });
  schedule.makeUpWorkdays.forEach((day, index) => {
    const field = `${where}: makeUpWorkdays[${index}]`;
    checkName(day.name, field);
    checkDate(day.date, `${field}.date`);
  });
  return schedule;
}

function checkDate(value: unknown, field: string): number {
  if (typeof value === 'string') {
    try {
      return toDayNumber(value);
    } catch {
      // reported below with the field name
    }
  }
  throw new CalendarDataError(`${field}: not a date in the form YYYY-MM-DD: ${JSON.stringify(value)}`);
}

function checkName(name: LocalizedName | undefined, field: string): void {
  if (typeof name?.zh !== 'string' || typeof name.en !== 'string') {
    throw new CalendarDataError(`${field}: "name" needs "zh" and "en"`);
  }
}
