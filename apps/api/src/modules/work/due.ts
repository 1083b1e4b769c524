import { addCalendarDays } from '@xinqiao/calendar';

/**
 * The instant a due date (a day in China) runs out: midnight at its end, China time (UTC+8, no daylight saving).
 *
 * @example
 * endOfChinaDay('2025-03-06').toISOString(); // '2025-03-06T16:00:00.000Z'
 */
export function endOfChinaDay(date: string): Date {
  return new Date(`${addCalendarDays(date, 1)}T00:00:00+08:00`);
}
