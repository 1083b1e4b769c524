import { z } from 'zod';
import { paramsOf, type Reason, reasonOf } from './common';
import type { AreaContract, FiredRule } from './contract';
import { boolean, type FactsOf, integer, number } from './facts';
import { ATTENTION_TIERS } from './tier-thresholds';

export const WARNING_MODULES = ['academic', 'psychological-crisis', 'spending', 'lost-contact'] as const;
export type WarningModule = (typeof WARNING_MODULES)[number];
export const WARNING_ACTIONS = [
  'one-to-one-talk',
  'improvement-plan',
  'peer-or-tutor-match',
  'home-school-contact',
  'locate-student',
  'report-to-center',
] as const;

/** Signals about one student from the data platform. Absent signals are unknown, and no rule matches them. */
export const warningFactSpecs = {
  gpa: { type: number(0, 5), optional: true, label: { zh: '平均学分绩点', en: 'Grade point average' } },
  failedCourseCount: {
    type: integer(0, 200),
    optional: true,
    label: { zh: '不及格课程门数', en: 'Failed courses' },
  },
  daysWithoutCampusActivity: {
    type: integer(0, 366),
    optional: true,
    label: {
      zh: '连续无校园活动记录天数（门禁、消费、借阅等）',
      en: 'Days without any campus activity (gates, card, library)',
    },
  },
  spendingChangePercent: {
    type: number(-100, 10_000),
    optional: true,
    label: { zh: '本月校园卡消费较常月变化（%）', en: 'Campus-card spending this month against usual (%)' },
  },
  attentionTier: {
    type: integer(Math.min(...ATTENTION_TIERS), Math.max(...ATTENTION_TIERS)),
    optional: true,
    label: { zh: '最近一次筛查关注等级', en: 'Attention tier of the latest screening' },
  },
  crisisReported: {
    type: boolean(),
    optional: true,
    label: { zh: '网格员报告危机迹象', en: 'A network member reported crisis signs' },
  },
} as const;
export type WarningFacts = FactsOf<typeof warningFactSpecs>;

const warningEvent = z
  .object({
    module: z.enum(WARNING_MODULES),
    level: z.enum(['yellow', 'red']),
    deadlineWorkingDays: z.number().int().min(0).max(60),
    actions: z.array(z.enum(WARNING_ACTIONS)).min(1),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();
type WarningEvent = z.infer<typeof warningEvent>;

/** One warning pushed to the counsellor, with the deadline to act. */
export interface Warning {
  readonly module: WarningModule;
  readonly level: 'yellow' | 'red';
  readonly deadlineWorkingDays: number;
  readonly actions: readonly (typeof WARNING_ACTIONS)[number][];
  readonly reasons: readonly Reason[];
}

/** The warnings of one student, at most one per module, in module order. */
export interface WarningResult {
  readonly warnings: readonly Warning[];
}

function warningOf(module: WarningModule, rules: FiredRule[]): Warning {
  const level = rules.some((rule) => paramsOf<WarningEvent>(rule).level === 'red') ? 'red' : 'yellow';
  const winners = rules.filter((rule) => paramsOf<WarningEvent>(rule).level === level);
  const actions = new Set(winners.flatMap((rule) => paramsOf<WarningEvent>(rule).actions));
  return {
    module,
    level,
    deadlineWorkingDays: Math.min(...winners.map((rule) => paramsOf<WarningEvent>(rule).deadlineWorkingDays)),
    actions: WARNING_ACTIONS.filter((action) => actions.has(action)),
    reasons: winners.map(reasonOf),
  };
}

export const earlyWarning: AreaContract<WarningResult> = {
  id: 'early-warning',
  title: { zh: '预警与时限', en: 'Early warning and deadlines' },
  subject: { one: 'student', many: 'students' },
  facts: warningFactSpecs,
  events: { warning: warningEvent },
  decisions: ['most-severe-per-module'],
  decisionHelp: {
    'most-severe-per-module':
      'one warning per module: red over yellow, the shortest deadline of the winning rules',
  },
  decide({ fired }) {
    return {
      warnings: WARNING_MODULES.flatMap((module) => {
        const rules = fired.filter((rule) => paramsOf<WarningEvent>(rule).module === module);
        return rules.length ? [warningOf(module, rules)] : [];
      }),
    };
  },
  contradiction(a, b, decision) {
    const x = a.params as WarningEvent;
    const y = b.params as WarningEvent;
    if (x.module !== y.module || (x.level === y.level && x.deadlineWorkingDays === y.deadlineWorkingDays))
      return undefined;
    return {
      settledBy: 'strategy',
      why: `${x.module}: ${x.level} in ${x.deadlineWorkingDays} days vs ${y.level} in ${y.deadlineWorkingDays} days, settled by "${decision}"`,
    };
  },
  outcome: (result) =>
    result.warnings
      .map((warning) => `${warning.module}:${warning.level}/${warning.deadlineWorkingDays}d`)
      .join(', ') || 'no warning',
  generate: (random) => ({
    gpa: Math.round(random.next() ** 0.5 * 400) / 100,
    failedCourseCount: random.chance(0.8) ? 0 : random.int(1, 6),
    daysWithoutCampusActivity: random.chance(0.9) ? random.int(0, 1) : random.int(2, 10),
    spendingChangePercent: Math.round((random.next() - 0.5) * 160),
    attentionTier: random.pick([1, 2, 3, 3, 3, 3, 3, 3] as const),
    crisisReported: random.chance(0.01),
  }),
};
