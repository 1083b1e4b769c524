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
