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
