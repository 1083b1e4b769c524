import { currentLocale } from '@xinqiao/web-kit';

/**
 * A slot's time in China, as a phone has room for: weekday, month/day, hour:minute.
 *
 * @example
 * when('2026-11-05T02:00:00Z'); // '11/5周四 10:00' in zh-CN
 */
export function when(iso: string): string {
  return new Date(iso).toLocaleString(currentLocale.value === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}
