import { academicDate } from '@xinqiao/calendar';
import { z } from 'zod';
import { kebabSchema, localizedSchema, paramsOf } from './common';
import type { AreaContract, FiredRule } from './contract';
import { type FactsOf, integer } from './facts';
import { INSTRUMENTS } from './tier-thresholds';

export const COHORTS = ['all', 'freshmen', 'graduating'] as const;

export const cadenceFactSpecs = {
  academicYear: {
    type: integer(2000, 2100),
    label: {
      zh: '学年（起始年份，如 2024 表示 2024–2025 学年）',
      en: 'Academic year, by its first calendar year',
    },
  },
} as const;
export type CadenceFacts = FactsOf<typeof cadenceFactSpecs>;

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected MM-DD');

/**
 * Where MM-DD falls in the academic year, as an ISO date that sorts in the year's order (September first, August
 * last: see @xinqiao/calendar's ACADEMIC_YEAR_FIRST_MONTH). 2023 starts a year whose February has a 29th.
 */
const academicOrder = (mmdd: string) => academicDate(2023, mmdd);

const window = z
  .object({ start: monthDay, end: monthDay })
  .strict()
  .refine((value) => academicOrder(value.end) >= academicOrder(value.start), {
    message: 'end must not come before start within the academic year (September to August)',
    path: ['end'],
  });

const wave = z
  .object({
    key: kebabSchema,
    name: localizedSchema,
    cohort: z.enum(COHORTS),
    instruments: z.array(z.enum(INSTRUMENTS)).min(1),
    window,
  })
  .strict();
const campaign = z.object({ key: kebabSchema, name: localizedSchema, window }).strict();

/** A screening wave with its dates resolved in the academic year. */
export interface ScreeningWave {
  readonly key: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly cohort: (typeof COHORTS)[number];
  readonly instruments: readonly (typeof INSTRUMENTS)[number][];
  /** ISO dates, inclusive. */
  readonly start: string;
  readonly end: string;
  readonly ruleName: string;
}

/** A mental-health campaign (activity month or day) of the year. */
export interface Campaign {
  readonly key: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly start: string;
  readonly end: string;
  readonly ruleName: string;
}

/** The screening waves and campaigns of one academic year, in date order. */
export interface CadenceResult {
  readonly academicYear: number;
  readonly waves: readonly ScreeningWave[];
  readonly campaigns: readonly Campaign[];
}

/** The ISO date of MM-DD in an academic year (Sep–Dec in its first calendar year, Jan–Aug in its second). */
export { academicDate };

function dated(rule: FiredRule, year: number) {
  const params = paramsOf<{ window: { start: string; end: string } }>(rule);
  return { start: academicDate(year, params.window.start), end: academicDate(year, params.window.end) };
}

export const screeningCadence: AreaContract<CadenceResult> = {
  id: 'screening-cadence',
  title: { zh: '筛查安排', en: 'Screening cadence' },
  subject: { one: 'academic year', many: 'academic years' },
  facts: cadenceFactSpecs,
  events: { 'screening-wave': wave, campaign },
  decisions: ['union'],
  decisionHelp: {
    union: 'every wave and campaign that fires is in the year; two with the same key are an error',
  },
  decide({ facts, fired }) {
    const year = facts.academicYear as number;
    const seen = new Map<string, string>();
    for (const rule of fired) {
      const key = `${rule.event.type}:${String(rule.event.params.key)}`;
      const other = seen.get(key);
      if (other) throw new Error(`rules "${other}" and "${rule.name}" both define ${key}`);
      seen.set(key, rule.name);
    }
    const byStart = <T extends { start: string }>(a: T, b: T) =>
      a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
    const waves = fired
      .filter((rule) => rule.event.type === 'screening-wave')
      .map((rule): ScreeningWave => {
        const params = paramsOf<z.infer<typeof wave>>(rule);
        return {
          key: params.key,
          name: params.name,
          cohort: params.cohort,
          instruments: params.instruments,
          ...dated(rule, year),
          ruleName: rule.name,
        };
      })
      .sort(byStart);
    const campaigns = fired
      .filter((rule) => rule.event.type === 'campaign')
      .map((rule): Campaign => {
        const params = paramsOf<z.infer<typeof campaign>>(rule);
        return { key: params.key, name: params.name, ...dated(rule, year), ruleName: rule.name };
      })
      .sort(byStart);
    return { academicYear: year, waves, campaigns };
  },
  contradiction(a, b) {
    if (a.type !== b.type || a.params.key !== b.params.key) return undefined;
    return { settledBy: 'unresolved', why: `two ${a.type} events with key "${String(a.params.key)}"` };
  },
  outcome: (result) =>
    [
      ...result.waves.map((item) => `${item.key} ${item.start.slice(5)}`),
      ...result.campaigns.map((item) => item.key),
    ].join(', ') || 'nothing scheduled',
  populationSize: 50,
  generate: (random) => ({ academicYear: random.int(2015, 2035) }),
};
