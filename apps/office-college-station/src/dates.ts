import { currentLocale } from '@xinqiao/web-kit';

/** The schools are in China: dates and "today" are China's, whatever the browser's time zone. */
const SCHOOL_TIME_ZONE = 'Asia/Shanghai';

/**
 * The calendar date in China `days` days after `from`, as YYYY-MM-DD (the API's date format).
 *
 * @example
 * chinaDate(new Date('2025-03-31T20:00:00Z'), 3) // '2025-04-04' (it is already 1 April in China)
 */
export function chinaDate(from: Date, days = 0): string {
  const shifted = new Date(from.getTime() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: SCHOOL_TIME_ZONE }).format(shifted);
}

/** A timestamp from the API, in China time, in the current language. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale.value, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: SCHOOL_TIME_ZONE,
  }).format(new Date(iso));
}

/**
 * `at` in China time as the value of a datetime-local input (YYYY-MM-DDTHH:mm), for a time the user may correct.
 *
 * @example
 * chinaLocalDateTime(new Date('2025-03-31T20:05:00Z')) // '2025-04-01T04:05'
 */
export function chinaLocalDateTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: SCHOOL_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/**
 * A datetime-local value meant in China time, as the API's ISO time with its offset.
 *
 * @example
 * fromChinaLocalDateTime('2025-04-01T04:05') // '2025-04-01T04:05:00+08:00'
 */
export function fromChinaLocalDateTime(value: string): string {
  return `${value}:00+08:00`;
}
