import { currentLocale } from '@xinqiao/web-kit';
import { formatDateTime } from '../dates.ts';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * A triage deadline in China time, in the current language. A deadline in working days runs out at midnight China
 * time, which would read as the next day's 00:00; it is shown as the end of its own day instead (the day the
 * plugin's working days end on).
 *
 * @example
 * formatDeadline('2026-12-07T16:00:00.000Z') // '2026年12月7日 24:00' (zh-CN), 'Dec 7, 2026, end of day' (en)
 * formatDeadline('2026-12-06T07:03:00.000Z') // '2026年12月6日 15:03'
 */
export function formatDeadline(iso: string): string {
  const at = new Date(iso);
  if ((at.getTime() + CHINA_OFFSET_MS) % 86_400_000 !== 0) return formatDateTime(iso);
  const day = new Intl.DateTimeFormat(currentLocale.value, {
    dateStyle: 'medium',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(at.getTime() - 1));
  return currentLocale.value === 'en' ? `${day}, end of day` : `${day} 24:00`;
}
