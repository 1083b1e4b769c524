import { z } from 'zod';
import { ofType, paramsOf, sameParams } from './common';
import { type AreaContract, NoDecision } from './contract';
import { type FactsOf, integer } from './facts';

export const staffingFactSpecs = {
  enrolment: { type: integer(0, 1_000_000), label: { zh: '在校生人数', en: 'Enrolled students' } },
  fullTimeStaff: {
    type: integer(0, 10_000),
    optional: true,
    label: { zh: '专职心理健康教育教师人数', en: 'Full-time mental-health teachers' },
  },
} as const;
export type StaffingFacts = FactsOf<typeof staffingFactSpecs>;

/** Required full-time staff for an enrolment, and compliance when the actual staff count is given. */
export interface StaffingResult {
  /** Students per full-time teacher the rule set requires; null when no students (nothing required). */
  readonly studentsPerStaff: number | null;
  /** ceil(enrolment / studentsPerStaff). */
  readonly requiredFullTimeStaff: number;
  readonly fullTimeStaff: number | null;
  /** null when fullTimeStaff was not given. */
  readonly compliant: boolean | null;
  /** Missing full-time staff (0 when compliant); null when fullTimeStaff was not given. */
  readonly shortfall: number | null;
  readonly ruleName: string | null;
}

const ratioEvent = z.object({ studentsPerStaff: z.number().int().min(1) }).strict();

export const staffingRatio: AreaContract<StaffingResult> = {
  id: 'staffing-ratio',
  title: { zh: '专职教师配比', en: 'Staffing ratio' },
  subject: { one: 'school', many: 'school sizes' },
  facts: staffingFactSpecs,
  events: { 'staffing-ratio': ratioEvent },
  decisions: ['single'],
  decisionHelp: { single: 'exactly one ratio may apply to given facts; two different ratios are an error' },
  decide({ facts, fired }) {
    const enrolment = facts.enrolment as number;
    const staff = (facts.fullTimeStaff as number | undefined) ?? null;
    const ratios = ofType(fired, 'staffing-ratio');
    if (
      ratios.length > 1 &&
      !ratios.every((rule) => sameParams(rule.event.params, ratios[0]!.event.params))
    ) {
      throw new Error(`rules ${ratios.map((rule) => `"${rule.name}"`).join(', ')} set different ratios`);
    }
    const rule = ratios[0];
    if (!rule) {
      if (enrolment > 0) throw new NoDecision(`no staffing ratio applies to an enrolment of ${enrolment}`);
      return {
        studentsPerStaff: null,
        requiredFullTimeStaff: 0,
        fullTimeStaff: staff,
        compliant: staff === null ? null : true,
        shortfall: staff === null ? null : 0,
        ruleName: null,
      };
    }
    const { studentsPerStaff } = paramsOf<z.infer<typeof ratioEvent>>(rule);
    const required = Math.ceil(enrolment / studentsPerStaff);
    return {
      studentsPerStaff,
      requiredFullTimeStaff: required,
      fullTimeStaff: staff,
      compliant: staff === null ? null : staff >= required,
      shortfall: staff === null ? null : Math.max(0, required - staff),
      ruleName: rule.name,
    };
  },
  contradiction(a, b) {
    if (sameParams(a.params, b.params)) return undefined;
    return {
      settledBy: 'unresolved',
      why: `1:${String(a.params.studentsPerStaff)} vs 1:${String(b.params.studentsPerStaff)}`,
    };
  },
  outcome: (result) =>
    `${result.requiredFullTimeStaff} required${result.compliant === null ? '' : result.compliant ? ', compliant' : ', short'}`,
  populationSize: 2000,
  generate: (random) => ({ enrolment: random.int(0, 40_000), fullTimeStaff: random.int(0, 12) }),
};
