import { academicYearLabel, academicYearOf } from '@xinqiao/calendar';
import { currentLocale } from './i18n/index.ts';

/**
 * Formats a number for the current language (grouping, at most `maximumFractionDigits` decimals).
 *
 * @example
 * formatNumber(30000) // '30,000'
 */
export function formatNumber(value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(currentLocale.value, { maximumFractionDigits }).format(value);
}

/**
 * Formats an amount of yuan as a plain grouped number (the unit is in the surrounding text).
 *
 * @example
 * formatYuan(450000) // '450,000'
 */
export function formatYuan(value: number): string {
  return new Intl.NumberFormat(currentLocale.value, { maximumFractionDigits: 2 }).format(value);
}

/**
 * Names an academic year (by the calendar year it starts in) in the current language, as @xinqiao/calendar does:
 * '2026–2027 学年' in Chinese, '2026–2027' in English.
 *
 * @example
 * formatAcademicYear(2026) // '2026–2027 学年'
 */
export function formatAcademicYear(start: number): string {
  return academicYearLabel(start, currentLocale.value);
}

/**
 * The academic year it is now in China (a year starts on 1 September, China time), whatever the browser's time zone.
 *
 * @example
 * currentAcademicYear() // 2026 from 1 September 2026 to 31 August 2027
 */
export function currentAcademicYear(now: Date = new Date()): number {
  return academicYearOf(now).start;
}
