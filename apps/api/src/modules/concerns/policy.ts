import { addCalendarDays, chinaToday, type WorkingDayCalendar } from '@xinqiao/calendar';
import {
  type CompiledPlugin,
  type ConcernSign,
  type ConcernTriage,
  type ConcernUrgency,
  evaluate,
} from '@xinqiao/policy';
import { fieldError, invalidFields, problem } from '../../http/problem.ts';

/** The school's concern-signs policy: its plugin (id and version go with every report) and its checklist. */
export interface ConcernPolicy {
  plugin: CompiledPlugin;
  signs: readonly ConcernSign[];
}

/**
 * The checklist of the school's plugin (`concern-signs`, step `report`). 409 when the school has no plugin or its
 * plugin has no such area: nothing can be reported against a checklist that does not exist.
 */
export async function concernPolicyOf(
  plugin: CompiledPlugin | undefined,
  schoolCode: string,
): Promise<ConcernPolicy> {
  if (!plugin?.areas.includes('concern-signs'))
    throw problem('concerns.no-signs-policy', { school: schoolCode });
  const { signs } = await evaluate(plugin, 'concern-signs', { step: 'report' });
  return { plugin, signs };
}

/**
 * The signs a reporter ticked, checked against the checklist (400 naming `signs.<i>` for a code it lacks), each
 * once, in the order given. A report needs a sign or a note (400 naming `signs` otherwise).
 */
export function checkedSigns(policy: ConcernPolicy, codes: readonly string[], note: string): ConcernSign[] {
  const known = new Map(policy.signs.map((sign) => [sign.code, sign]));
  const errors = codes.flatMap((code, i) =>
    known.has(code) ? [] : [fieldError(`signs.${i}`, 'concerns.unknown-sign', { code })],
  );
  if (errors.length) throw invalidFields(errors);
  const ticked = [...new Set(codes)].map((code) => known.get(code)!);
  if (ticked.length === 0 && note.trim() === '') {
    throw invalidFields([fieldError('signs', 'concerns.nothing-observed')]);
  }
  return ticked;
}

/** By when a filed report must be triaged, and whether the station head hears of it (step `triage`). */
export async function triageDeadlineOf(
  policy: ConcernPolicy,
  urgency: ConcernUrgency,
  selfHarm: boolean,
): Promise<ConcernTriage> {
  const { triage } = await evaluate(policy.plugin, 'concern-signs', { step: 'triage', urgency, selfHarm });
  return triage!;
}

/**
 * The instant a deadline runs out for a report filed at `filedAt`: minutes and hours from then; working days in
 * the school's calendar, ending at midnight (China time) of the last one.
 *
 * @example
 * dueAtOf({ unit: 'minutes', amount: 15 }, new Date('2025-03-03T08:00:00Z'), calendar); // 08:15Z
 * dueAtOf({ unit: 'workingDays', amount: 1 }, new Date('2025-03-07T08:00:00Z'), calendar); // Monday 03-10, 24:00 China
 */
export function dueAtOf(
  deadline: Pick<ConcernTriage, 'unit' | 'amount'>,
  filedAt: Date,
  calendar: WorkingDayCalendar,
): Date {
  switch (deadline.unit) {
    case 'minutes':
      return new Date(filedAt.getTime() + deadline.amount * 60_000);
    case 'hours':
      return new Date(filedAt.getTime() + deadline.amount * 3_600_000);
    case 'workingDays':
      // The end of the last working day: midnight China time (UTC+8, no daylight saving).
      return new Date(
        `${addCalendarDays(calendar.addWorkingDays(chinaToday(filedAt), deadline.amount), 1)}T00:00:00+08:00`,
      );
  }
}

/**
 * How a stored report's sign codes read now: with the current checklist's words, or the bare code for a sign the
 * plugin no longer lists (the report keeps the codes it was filed with).
 */
export function signsOf(codes: readonly string[], checklist: readonly ConcernSign[]): ConcernSign[] {
  const known = new Map(checklist.map((sign) => [sign.code, sign]));
  return codes.map((code) => known.get(code) ?? { code, zh: code, en: code, selfHarm: false });
}
