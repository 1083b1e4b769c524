import { z } from 'zod';
import { ofType, paramsOf, sameParams } from './common';
import { type AreaContract, NoDecision } from './contract';
import { type FactsOf, number, oneOf } from './facts';

export const STAFF_TYPES = ['full-time', 'part-time'] as const;

export const trainingFactSpecs = {
  staffType: { type: oneOf(STAFF_TYPES), label: { zh: '专兼职', en: 'Full-time or part-time' } },
  hours: {
    type: number(0, 2000),
    optional: true,
    label: { zh: '本年度已培训学时', en: 'Training hours this year' },
  },
} as const;
export type TrainingFacts = FactsOf<typeof trainingFactSpecs>;

/** Required yearly training hours of one staff member, and compliance when hours are given. */
export interface TrainingResult {
  readonly requiredHours: number;
  readonly hours: number | null;
  readonly compliant: boolean | null;
  readonly shortfallHours: number | null;
  readonly ruleName: string;
}

const requirement = z.object({ requiredHoursPerYear: z.number().positive() }).strict();

export const trainingHours: AreaContract<TrainingResult> = {
  id: 'training-hours',
  title: { zh: '培训学时', en: 'Training hours' },
  subject: { one: 'staff member', many: 'staff members' },
  facts: trainingFactSpecs,
  events: { 'training-requirement': requirement },
  decisions: ['single'],
  decisionHelp: { single: 'exactly one requirement may apply; two different ones are an error' },
  decide({ facts, fired }) {
    const rules = ofType(fired, 'training-requirement');
    const rule = rules[0];
    if (!rule) throw new NoDecision(`no training requirement applies to ${String(facts.staffType)} staff`);
    if (!rules.every((other) => sameParams(other.event.params, rule.event.params))) {
      throw new Error(
        `rules ${rules.map((other) => `"${other.name}"`).join(', ')} set different requirements`,
      );
    }
    const requiredHours = paramsOf<z.infer<typeof requirement>>(rule).requiredHoursPerYear;
    const hours = (facts.hours as number | undefined) ?? null;
    return {
      requiredHours,
      hours,
      compliant: hours === null ? null : hours >= requiredHours,
      shortfallHours: hours === null ? null : Math.max(0, requiredHours - hours),
      ruleName: rule.name,
    };
  },
  contradiction(a, b) {
    if (sameParams(a.params, b.params)) return undefined;
    return {
      settledBy: 'unresolved',
      why: `${String(a.params.requiredHoursPerYear)} h vs ${String(b.params.requiredHoursPerYear)} h`,
    };
  },
  outcome: (result) =>
    `${result.requiredHours} h required${result.compliant === null ? '' : result.compliant ? ', compliant' : ', short'}`,
  populationSize: 500,
  generate: (random) => ({ staffType: random.pick(STAFF_TYPES), hours: random.int(0, 60) }),
};
