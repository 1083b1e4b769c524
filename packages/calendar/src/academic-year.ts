import { type DateInput, type IsoDate, toChinaDate, toDayNumber } from './iso-date';

/**
 * The month an academic year (学年) starts in. A Chinese university's year runs from 1 September to 31 August: the
 * autumn term opens in September, the spring term ends in July, and August is the summer vacation that closes the
 * year begun the September before. Enrolment and staffing figures are reported per such year.
 *
 * August therefore belongs to the year that is ending, even when freshmen arrive in late August: work prepared then
 * for the coming year (a screening wave, next year's figures) names its year explicitly; only "which year is it now"
 * and "which date is MM-DD of year N" follow this rule.
 */
export const ACADEMIC_YEAR_FIRST_MONTH = 9;

/** The languages an academic year's label is written in. */
export type AcademicYearLocale = 'zh-CN' | 'en';

/** One academic year, named by the calendar year it starts in (2026 is the 2026–2027 学年). */
export interface AcademicYear {
  /** The calendar year of its September: the number the API and the database store. */
  readonly start: number;
  /** Its first day, 1 September of `start`. */
  readonly firstDay: IsoDate;
  /** Its last day, 31 August of `start + 1`. */
  readonly lastDay: IsoDate;
  /** How a screen names it in zh-CN: '2026–2027 学年'. */
  readonly label: string;
}

/**
 * The academic year that starts in September of `start`.
 *
 * @example
 * academicYear(2026) // { start: 2026, firstDay: '2026-09-01', lastDay: '2027-08-31', label: '2026–2027 学年' }
 */
export function academicYear(start: number): AcademicYear {
  if (!Number.isInteger(start)) throw new RangeError(`Not an academic year: ${start}`);
  return {
    start,
    firstDay: academicDate(start, '09-01'),
    lastDay: academicDate(start, '08-31'),
    label: academicYearLabel(start),
  };
}

/**
 * The academic year a day falls in, in China (UTC+8) whatever the machine's time zone: 1 September starts a new
 * one, and August still belongs to the year begun the September before (see {@link ACADEMIC_YEAR_FIRST_MONTH}).
 * An instant is placed on its date in China first, so 2026-08-31T16:00Z (00:00 on 1 September in Beijing) is in
 * the 2026–2027 year.
 *
 * @example
 * academicYearOf('2026-08-31').start // 2025
 * academicYearOf(new Date('2026-08-31T16:00:00Z')).label // '2026–2027 学年'
 */
export function academicYearOf(date: DateInput): AcademicYear {
  const iso = typeof date === 'string' ? date : toChinaDate(date);
  toDayNumber(iso); // throws a RangeError naming a string that is not a date
  const calendarYear = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return academicYear(month >= ACADEMIC_YEAR_FIRST_MONTH ? calendarYear : calendarYear - 1);
}

/**
 * How a screen names an academic year: '2026–2027 学年' in zh-CN, '2026–2027' in English (the surrounding label says
 * "Academic year").
 *
 * @example
 * academicYearLabel(2026) // '2026–2027 学年'
 * academicYearLabel(2026, 'en') // '2026–2027'
 */
export function academicYearLabel(start: number, locale: AcademicYearLocale = 'zh-CN'): string {
  const years = `${start}–${start + 1}`;
  return locale === 'en' ? years : `${years} 学年`;
}

/**
 * The date of a month and day ('MM-DD') within academic year `start`: September to December fall in `start`,
 * January to August in `start + 1`. Not checked for being a real date (02-29 of a common year stays as written).
 *
 * @example
 * academicDate(2026, '10-15') // '2026-10-15'
 * academicDate(2026, '08-31') // '2027-08-31'
 */
export function academicDate(start: number, monthDay: string): IsoDate {
  const calendarYear = Number(monthDay.slice(0, 2)) >= ACADEMIC_YEAR_FIRST_MONTH ? start : start + 1;
  return `${calendarYear}-${monthDay}`;
}
