import { currentLocale } from '@xinqiao/web-kit';

/**
 * A timestamp from the API in China time (the schools' time), in the current language.
 *
 * @example
 * formatDateTime('2025-04-01T02:30:00.000Z') // '2025年4月1日 10:30' while zh-CN is active
 */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale.value, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}
