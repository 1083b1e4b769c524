import { z } from 'zod';
import { localizedSchema, paramsOf } from './common';
import { type AreaContract, NoDecision } from './contract';
import { type FactsOf, integer } from './facts';

export const fundingFactSpecs = {
  enrolment: { type: integer(0, 1_000_000), label: { zh: '在校生人数', en: 'Enrolled students' } },
} as const;
export type FundingFacts = FactsOf<typeof fundingFactSpecs>;

/** One line of the yearly budget. */
export interface FundingLine {
  readonly ruleName: string;
  readonly label: { readonly zh: string; readonly en: string };
  /** Yuan per student per year, for per-student lines. */
  readonly perStudentYuan: number | null;
  readonly yuan: number;
  readonly ringFenced: boolean;
}

/** The yearly mental-health budget for an enrolment. */
export interface FundingResult {
  readonly yearlyYuan: number;
  readonly lines: readonly FundingLine[];
}

const perStudent = z
  .object({
    perStudentYuan: z.number().positive(),
    label: localizedSchema,
    ringFenced: z.boolean().default(false),
  })
  .strict();
const fixed = z
  .object({ yuan: z.number().positive(), label: localizedSchema, ringFenced: z.boolean().default(false) })
  .strict();

/** Rounds to whole fen (0.01 yuan) so sums of decimal coefficients stay exact. */
const toFen = (yuan: number) => Math.round(yuan * 100) / 100;

export const fundingFormula: AreaContract<FundingResult> = {
  id: 'funding-formula',
  title: { zh: '专项经费', en: 'Funding formula' },
  subject: { one: 'school', many: 'school sizes' },
  facts: fundingFactSpecs,
  events: { 'per-student-funding': perStudent, 'fixed-funding': fixed },
  decisions: ['sum'],
  decisionHelp: { sum: 'every funding line that fires is added to the yearly amount' },
  decide({ facts, fired }) {
    const enrolment = facts.enrolment as number;
    if (fired.length === 0) {
      if (enrolment > 0) throw new NoDecision(`no funding line applies to an enrolment of ${enrolment}`);
      return { yearlyYuan: 0, lines: [] };
    }
    const lines = fired.map((rule): FundingLine => {
      if (rule.event.type === 'per-student-funding') {
        const params = paramsOf<z.infer<typeof perStudent>>(rule);
        return {
          ruleName: rule.name,
          label: params.label,
          perStudentYuan: params.perStudentYuan,
          yuan: toFen(params.perStudentYuan * enrolment),
          ringFenced: params.ringFenced,
        };
      }
      const params = paramsOf<z.infer<typeof fixed>>(rule);
      return {
        ruleName: rule.name,
        label: params.label,
        perStudentYuan: null,
        yuan: toFen(params.yuan),
        ringFenced: params.ringFenced,
      };
    });
    return { yearlyYuan: toFen(lines.reduce((sum, line) => sum + line.yuan, 0)), lines };
  },
  contradiction(a, b) {
    if (a.type !== b.type || JSON.stringify(a.params.label) !== JSON.stringify(b.params.label))
      return undefined;
    return { settledBy: 'unresolved', why: `two "${a.type}" lines with the same label would both be paid` };
  },
  outcome: (result) => `${result.yearlyYuan} yuan`,
  populationSize: 2000,
  generate: (random) => ({ enrolment: random.int(0, 40_000) }),
};
