/** How a step's clock reads now. */
export type StepClock =
  | { state: 'done' }
  | { state: 'waived' }
  | { state: 'running'; minutesLeft: number }
  | { state: 'late'; minutesLate: number };

/** What the checklist knows of a step to run its clock. */
export interface ClockedStep {
  dueAt: string;
  doneAt: string | null;
  waivedAt: string | null;
}

const MINUTE = 60_000;

/**
 * A step's clock at `now`: done and waived steps stop; an open one counts down to its due time, then up from it.
 * Whole minutes, rounded towards the deadline's side (a step due in 30 s still shows 1 minute left).
 *
 * @example
 * stepClock({ dueAt: '2026-12-06T10:15:00Z', doneAt: null, waivedAt: null }, new Date('2026-12-06T10:00:00Z'))
 * // { state: 'running', minutesLeft: 15 }
 */
export function stepClock(step: ClockedStep, now: Date): StepClock {
  if (step.doneAt) return { state: 'done' };
  if (step.waivedAt) return { state: 'waived' };
  const left = new Date(step.dueAt).getTime() - now.getTime();
  if (left >= 0) return { state: 'running', minutesLeft: Math.ceil(left / MINUTE) };
  return { state: 'late', minutesLate: Math.ceil(-left / MINUTE) };
}

/** Minutes as days, hours and minutes, largest two parts: `{ d: 1, h: 2 }`, `{ h: 1, m: 5 }`, `{ m: 7 }`. */
export function splitMinutes(total: number): { d?: number; h?: number; m?: number } {
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  if (d > 0) return h > 0 ? { d, h } : { d };
  if (h > 0) return m > 0 ? { h, m } : { h };
  return { m };
}

/**
 * A span of minutes in words of the language.
 *
 * @example
 * spanText(65, 'zh-CN') // '1 小时 5 分钟'
 * spanText(65, 'en') // '1 h 5 min'
 */
export function spanText(minutes: number, locale: string): string {
  const parts = splitMinutes(minutes);
  const zh = locale.startsWith('zh');
  const units = zh ? { d: ' 天', h: ' 小时', m: ' 分钟' } : { d: ' d', h: ' h', m: ' min' };
  return (['d', 'h', 'm'] as const)
    .filter((key) => parts[key] !== undefined)
    .map((key) => `${parts[key]}${units[key]}`)
    .join(' ');
}
