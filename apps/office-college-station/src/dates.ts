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
