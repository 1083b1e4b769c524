import { addCalendarDays, toChinaDate, type WorkingDayCalendar } from '@xinqiao/calendar';
import type { CrisisActorRow } from '@xinqiao/db';
import {
  type CompiledPlugin,
  type CrisisLevel,
  type CrisisLevelDef,
  type CrisisReview,
  type CrisisStepDef,
  evaluate,
} from '@xinqiao/policy';
import type { Me } from '../../auth/session-types.ts';
import { fieldError, invalidFields, problem } from '../../http/problem.ts';

/** The levels of the school's `crisis-protocol` (409 when the school's plugin has none). */
export async function crisisLevelsOf(
  plugin: CompiledPlugin | undefined,
  schoolCode: string,
): Promise<readonly CrisisLevelDef[]> {
  if (!plugin?.areas.includes('crisis-protocol')) throw problem('crises.no-protocol', { school: schoolCode });
  return (await evaluate(plugin, 'crisis-protocol', { part: 'levels' })).levels;
}

/** The levels to put stored crises in words: none when the school's plugin has no protocol (reads still work). */
export async function knownLevelsOf(plugin: CompiledPlugin | undefined): Promise<readonly CrisisLevelDef[]> {
  if (!plugin?.areas.includes('crisis-protocol')) return [];
  return (await evaluate(plugin, 'crisis-protocol', { part: 'levels' })).levels;
}

/** The words of a level (the bare code when the school's protocol no longer lists it). */
export function levelName(levels: readonly CrisisLevelDef[], code: string): { zh: string; en: string } {
  const level = levels.find((l) => l.code === code);
  return level ? { zh: level.zh, en: level.en } : { zh: code, en: code };
}

/** The protocol of one level: its steps in order and its review; 400 naming `level` for a level the school does not use. */
export async function protocolOf(
  plugin: CompiledPlugin | undefined,
  schoolCode: string,
  level: CrisisLevel,
): Promise<{ plugin: CompiledPlugin; steps: readonly CrisisStepDef[]; review: CrisisReview | null }> {
  const levels = await crisisLevelsOf(plugin, schoolCode);
  if (!levels.some((l) => l.code === level)) {
    throw invalidFields([fieldError('level', 'crises.unknown-level', { level })]);
  }
  const { steps, review } = await evaluate(plugin!, 'crisis-protocol', { part: 'protocol', level });
  return { plugin: plugin!, steps, review };
}

/**
 * Whether the caller holds one of the named roles where the protocol says: on the branch of the student placed at
 * `placementPath`, or anywhere in the school.
 *
 * @example
 * isNamed(me, [{ role: 'counsellor', reach: 'student' }], '/r/c1/k/d/'); // true for the counsellor of c1
 */
export function isNamed(
  me: Pick<Me, 'roles'>,
  actors: readonly CrisisActorRow[],
  placementPath: string,
): boolean {
  return actors.some((actor) =>
    me.roles.some(
      (r) => r.role === actor.role && (actor.reach === 'school' || placementPath.startsWith(r.unitPath)),
    ),
  );
}

/**
 * The day a review falls due for a crisis closed at `closedAt`: `months` calendar months after the day it closed,
 * moved back to the last working day on or before it (the meeting is held "within" the month); `workingDays`
 * working days after it, in the school's calendar.
 *
 * @example
 * reviewDueOn({ unit: 'months', amount: 1 }, new Date('2026-12-31T02:00:00Z'), calendar); // '2027-01-29' (Sunday 31st → Friday)
 */
export function reviewDueOn(
  review: Pick<CrisisReview, 'unit' | 'amount'>,
  closedAt: Date,
  calendar: WorkingDayCalendar,
): string {
  const closedOn = toChinaDate(closedAt);
  if (review.unit === 'workingDays') return calendar.addWorkingDays(closedOn, review.amount);
  let day = addMonths(closedOn, review.amount);
  for (let i = 0; i < 31 && !calendar.isWorkingDay(day); i++) day = addCalendarDays(day, -1);
  return day;
}

/** The same day of the month `months` later, or the month's last day when it is shorter ('2026-01-31' + 1 → '2026-02-28'). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
