/**
 * The value of an `<input type="datetime-local">` for a moment, in the browser's own time zone (the input has none).
 *
 * @example
 * localInputValue(new Date(2026, 11, 6, 9, 5)) // '2026-12-06T09:05'
 */
export function localInputValue(when: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}T${pad(when.getHours())}:${pad(when.getMinutes())}`;
}

/** The instant an `<input type="datetime-local">` value means in the browser's time zone, as ISO 8601 (UTC), or '' if empty. */
export function instantOf(inputValue: string): string {
  if (!inputValue) return '';
  const when = new Date(inputValue);
  return Number.isNaN(when.getTime()) ? '' : when.toISOString();
}

/**
 * Today's date in China (the school's calendar, as the API counts days), `YYYY-MM-DD`: not the UTC date, which is
 * the day before from midnight to 08:00 China time.
 *
 * @example
 * chinaToday(new Date('2026-12-06T16:30:00Z')) // '2026-12-07'
 */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
