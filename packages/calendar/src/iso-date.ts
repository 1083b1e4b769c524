/** A calendar date in China written as 'YYYY-MM-DD', the only date form the calendar takes or gives at its boundary. */
export type IsoDate = string;

/** A date as callers hold it: an ISO date string, or an instant (placed on its date in China). */
export type DateInput = IsoDate | Date;

const MS_PER_DAY = 86_400_000;
/** China Standard Time is UTC+8 all year: no daylight saving since 1991. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of an ISO date; throws a RangeError naming the value if it is not a real 'YYYY-MM-DD' date.
 * Pure UTC arithmetic, so the result never depends on the machine's time zone.
 * @example toDayNumber('1970-01-02') // 1
 */
export function toDayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (match) {
    const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
    // Date.UTC rolls 02-30 over to 03-02 and maps years below 100 to 19xx: the round trip catches both.
    if (fromDayNumber(day) === date) return day;
  }
  throw new RangeError(`Not a calendar date in the form YYYY-MM-DD: "${date}"`);
}

/**
 * The ISO date of a day number.
 * @example fromDayNumber(0) // '1970-01-01'
 */
export function fromDayNumber(day: number): IsoDate {
  const date = new Date(day * MS_PER_DAY);
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dayOfMonth = String(date.getUTCDate()).padStart(2, '0');
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${month}-${dayOfMonth}`;
}

/**
 * Whether a string is a real date in the form 'YYYY-MM-DD'.
 * @example isIsoDate('2025-02-29') // false
 */
export function isIsoDate(value: string): boolean {
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The date in China (Asia/Shanghai, UTC+8) of an instant, whatever the time zone of the machine running this.
 * @example toChinaDate(new Date('2025-01-27T16:30:00Z')) // '2025-01-28' (00:30 in Beijing)
 */
export function toChinaDate(instant: Date | number): IsoDate {
  return fromDayNumber(chinaDayNumber(instant));
}

function chinaDayNumber(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Not a valid instant');
  return Math.floor((ms + CHINA_OFFSET_MS) / MS_PER_DAY);
}

/**
 * Today's date in China.
 * @example chinaToday() // e.g. '2025-09-01'
 */
export function chinaToday(now: Date = new Date()): IsoDate {
  return toChinaDate(now);
}

/** Day number of a date input: ISO strings as written, instants on their date in China. */
export function dayNumberOf(input: DateInput): number {
  return typeof input === 'string' ? toDayNumber(input) : chinaDayNumber(input);
}

/**
 * Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
 * @example weekdayOf(0) // 4
 */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The ISO date `days` calendar days after `date` (before, if negative).
 * @example addCalendarDays('2025-12-31', 1) // '2026-01-01'
 */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}
