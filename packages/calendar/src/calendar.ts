import { type DateInput, dayNumberOf, fromDayNumber, type IsoDate, toDayNumber, weekdayOf } from './iso-date';
import { CalendarDataError, type LocalizedName, type YearSchedule } from './schedule';
import { officialSchedules } from './schedules/index';

/** A school's edit of one day: it overrides the weekend rule and the official schedule alike. */
export interface DayOverride {
  readonly date: IsoDate;
  readonly working: boolean;
  /** Why, as the school wrote it (e.g. '校运动会停课'). */
  readonly note?: string;
}

/**
 * What a day is: an ordinary weekday or weekend day, an official holiday or make-up working day (调休上班),
 * or a day the school set itself.
 */
export type DayKind =
  | 'weekday'
  | 'weekend'
  | 'public-holiday'
  | 'make-up-workday'
  | 'school-workday'
  | 'school-day-off';

/** A day as the calendar sees it. */
export interface DayInfo {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly kind: DayKind;
  /** Holiday name for official days. */
  readonly name?: LocalizedName;
  /** The school's note for school days. */
  readonly note?: string;
}

/** Options of a calendar. */
export interface CalendarOptions {
  /** Year schedules to use; defaults to the official ones shipped (2025, 2026). A school may add a later year. */
  readonly schedules?: readonly YearSchedule[];
  /** The school's own edits, applied last. */
  readonly overrides?: readonly DayOverride[];
}

interface SpecialDay {
  readonly working: boolean;
  readonly kind: DayKind;
  readonly name?: LocalizedName;
  readonly note?: string;
}

const SATURDAY = 6;
const SUNDAY = 0;

/**
 * Working days in China: Monday to Friday, minus public holidays, plus make-up working days, then the school's edits.
 * Years without a schedule fall back to weekends only (check `coversYear`). Dates are ISO 'YYYY-MM-DD' strings;
 * a Date is placed on its date in China (UTC+8) whatever the machine's time zone.
 *
 * Deadlines count whole working days after the start day: the start day itself never counts, worked or not.
 * A student flagged on Friday with a 3-working-day deadline must be seen by the end of Wednesday.
 * @example
 * const calendar = new WorkingDayCalendar();
 * calendar.addWorkingDays('2025-09-30', 3); // '2025-10-11': Oct 1–8 off, then Thu 9, Fri 10, make-up Saturday 11
 */
export class WorkingDayCalendar {
  private readonly specialDays = new Map<number, SpecialDay>();
  private readonly years: ReadonlySet<number>;

  constructor(options: CalendarOptions = {}) {
    const schedules = options.schedules ?? officialSchedules;
    const years = new Set<number>();
    for (const schedule of schedules) {
      if (years.has(schedule.year))
        throw new CalendarDataError(`Two schedules for the year ${schedule.year}`);
      years.add(schedule.year);
      this.addSchedule(schedule);
    }
    this.years = years;
    const seen = new Set<number>();
    for (const override of options.overrides ?? []) {
      const day = overrideDay(override);
      if (seen.has(day)) throw new CalendarDataError(`Two school edits for ${override.date}`);
      seen.add(day);
      const kind = override.working ? 'school-workday' : 'school-day-off';
      const special: SpecialDay = { working: override.working, kind };
      this.specialDays.set(day, override.note === undefined ? special : { ...special, note: override.note });
    }
  }

  /**
   * The calendar of the official schedules shipped, with a school's edits on top.
   * @example WorkingDayCalendar.china([{ date: '2025-11-14', working: false, note: '校运动会' }])
   */
  static china(overrides: readonly DayOverride[] = []): WorkingDayCalendar {
    return new WorkingDayCalendar({ overrides });
  }

  /** The years whose official (or school-supplied) schedule this calendar holds, in order. */
  get coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /**
   * Whether the calendar knows the public holidays of `year`; outside them only weekends are days off.
   * @example new WorkingDayCalendar().coversYear(2027) // false until the 2027 notice is added
   */
  coversYear(year: number): boolean {
    return this.years.has(year);
  }

  /**
   * Whether people work on this day.
   * @example new WorkingDayCalendar().isWorkingDay('2025-01-26') // true: a Sunday worked for the Spring Festival
   */
  isWorkingDay(date: DateInput): boolean {
    return this.isWorkingDayNumber(dayNumberOf(date));
  }

  /**
   * What this day is and why it is worked or not.
   * @example new WorkingDayCalendar().describeDay('2025-10-08').kind // 'public-holiday'
   */
  describeDay(date: DateInput): DayInfo {
    const day = dayNumberOf(date);
    const iso = fromDayNumber(day);
    const special = this.specialDays.get(day);
    if (special) return { date: iso, ...special };
    const weekend = isWeekend(day);
    return { date: iso, working: !weekend, kind: weekend ? 'weekend' : 'weekday' };
  }

  /**
   * The date `n` working days after `start`, not counting `start` itself; n = 0 gives `start`, a negative n counts back.
   * This is the deadline of "within n working days" (the whole deadline day is still in time).
   * @example new WorkingDayCalendar().addWorkingDays('2025-01-24', 3) // '2025-02-05'
   */
  addWorkingDays(start: DateInput, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, got ${n}`);
    let day = dayNumberOf(start);
    const step = n < 0 ? -1 : 1;
    for (let remaining = Math.abs(n); remaining > 0; ) {
      day += step;
      if (this.isWorkingDayNumber(day)) remaining--;
    }
    return fromDayNumber(day);
  }

  /**
   * Working days after `from` up to and including `to` (negative if `to` is earlier), so that
   * `workingDaysBetween(a, addWorkingDays(a, n)) === n`. For a case flagged on `from` and seen on `to`,
   * it is the working days taken.
   * @example new WorkingDayCalendar().workingDaysBetween('2025-01-24', '2025-02-05') // 3
   */
  workingDaysBetween(from: DateInput, to: DateInput): number {
    const first = dayNumberOf(from);
    const last = dayNumberOf(to);
    if (last < first) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let day = first + 1; day <= last; day++) if (this.isWorkingDayNumber(day)) count++;
    return count;
  }

  private isWorkingDayNumber(day: number): boolean {
    const special = this.specialDays.get(day);
    return special ? special.working : !isWeekend(day);
  }

  private addSchedule(schedule: YearSchedule): void {
    for (const range of schedule.holidays) {
      for (let day = toDayNumber(range.from); day <= toDayNumber(range.to); day++) {
        this.setOfficialDay(day, { working: false, kind: 'public-holiday', name: range.name });
      }
    }
    for (const workday of schedule.makeUpWorkdays) {
      this.setOfficialDay(toDayNumber(workday.date), {
        working: true,
        kind: 'make-up-workday',
        name: workday.name,
      });
    }
  }

  private setOfficialDay(day: number, special: SpecialDay): void {
    if (this.specialDays.has(day)) {
      throw new CalendarDataError(`${fromDayNumber(day)} appears twice in the official schedules`);
    }
    this.specialDays.set(day, special);
  }
}

function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === SATURDAY || weekday === SUNDAY;
}

function overrideDay(override: DayOverride): number {
  if (typeof override.working !== 'boolean') {
    throw new CalendarDataError(`School edit for ${String(override.date)}: "working" must be true or false`);
  }
  try {
    return toDayNumber(override.date);
  } catch {
    throw new CalendarDataError(
      `School edit: not a date in the form YYYY-MM-DD: ${JSON.stringify(override.date)}`,
    );
  }
}
