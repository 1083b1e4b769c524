import { z } from 'zod';
import { paramsOf, type Reason, reasonOf } from './common';
import { type AreaContract, type FiredRule, NoDecision } from './contract';
import { CRISIS_LEVELS, type CrisisLevel } from './crisis-protocol';
import { boolean, type FactsOf, integer, number, oneOf } from './facts';
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
export type WarningAction = (typeof WARNING_ACTIONS)[number];

/**
 * What an evaluation asks: the school's settings (which signals it computes over which windows, its GPA formula,
 * how long raw card and activity rows are kept, the lost-contact limit), or the warnings of one student.
 */
export const WARNING_PARTS = ['settings', 'student'] as const;
export type WarningPart = (typeof WARNING_PARTS)[number];

/**
 * The signals the platform can compute in the database from the feeds. A school's `signal` rules pick the ones it
 * uses and their windows; a signal the school does not list is never computed, so no rule can trip on it.
 */
export const WARNING_SIGNALS = [
  'gpa',
  'gpaChange',
  'failedCoursesThisTerm',
  'failedCoursesTotal',
  'spendingChangePercent',
  'dailySpending',
  'daysWithoutCampusActivity',
  'attentionTier',
  'crisisReported',
] as const;
export type WarningSignal = (typeof WARNING_SIGNALS)[number];

const student = { fact: 'part', values: ['student'] } as const;

/** Signals about one student from the data platform. Absent signals are unknown, and no rule matches them. */
export const warningFactSpecs = {
  part: {
    type: oneOf(WARNING_PARTS),
    label: {
      zh: '环节（settings：学校的信号、窗口、绩点公式与保存期限；student：一名学生的预警）',
      en: 'Part (settings: the school’s signals, windows, GPA formula and retention; student: one student’s warnings)',
    },
  },
  gpa: {
    type: number(0, 5),
    scope: student,
    optional: true,
    label: { zh: '本学期平均学分绩点', en: 'Grade point average this term' },
  },
  gpaChange: {
    type: number(-5, 5),
    scope: student,
    optional: true,
    label: { zh: '绩点较上学期变化', en: 'GPA change against the previous term' },
  },
  failedCoursesThisTerm: {
    type: integer(0, 60),
    scope: student,
    optional: true,
    label: { zh: '本学期不及格课程门数', en: 'Failed courses this term' },
  },
  failedCoursesTotal: {
    type: integer(0, 200),
    scope: student,
    optional: true,
    label: {
      zh: '累计未通过课程门数（补考/重修通过的不计）',
      en: 'Failed courses in total (not passed later)',
    },
  },
  daysWithoutCampusActivity: {
    type: integer(0, 366),
    scope: student,
    optional: true,
    label: {
      zh: '连续无校园活动记录天数（门禁、消费、借阅、上网、考勤）',
      en: 'Days without any campus activity (gates, card, library, Wi-Fi, attendance)',
    },
  },
  spendingChangePercent: {
    type: number(-100, 10_000),
    scope: student,
    optional: true,
    label: {
      zh: '近期校园卡消费较本人基线变化（%）',
      en: 'Recent campus-card spending against the student’s own baseline (%)',
    },
  },
  dailySpending: {
    type: number(0, 10_000),
    scope: student,
    optional: true,
    label: { zh: '近期日均校园卡消费（元）', en: 'Recent campus-card spending per day (yuan)' },
  },
  attentionTier: {
    type: integer(Math.min(...ATTENTION_TIERS), Math.max(...ATTENTION_TIERS)),
    scope: student,
    optional: true,
    label: { zh: '最近一次筛查关注等级', en: 'Attention tier of the latest screening' },
  },
  crisisReported: {
    type: boolean(),
    scope: student,
    optional: true,
    label: { zh: '网格员报告危机迹象', en: 'A network member reported crisis signs' },
  },
} as const;
export type WarningFacts = FactsOf<typeof warningFactSpecs>;

const text = { zh: z.string().min(1), en: z.string().min(1) };

const warningEvent = z
  .object({
    module: z.enum(WARNING_MODULES),
    level: z.enum(['yellow', 'red']),
    deadlineWorkingDays: z.number().int().min(0).max(60),
    actions: z.array(z.enum(WARNING_ACTIONS)).min(1),
    ...text,
  })
  .strict();
type WarningEvent = z.infer<typeof warningEvent>;

const signalEvent = z
  .object({
    code: z.enum(WARNING_SIGNALS),
    /**
     * Days of the recent window (spending: the window compared; activity: how far back events are read; crisis
     * reports: how recent an urgent concern report counts).
     */
    windowDays: z.number().int().min(1).max(120).optional(),
    /** Days before the window that make the student's own baseline (spending). */
    baselineDays: z.number().int().min(7).max(365).optional(),
    ...text,
  })
  .strict();
type SignalEvent = z.infer<typeof signalEvent>;

const band = z.object({ minScore: z.number().min(0).max(100), points: z.number().min(0).max(5) }).strict();
const letter = z
  .object({ grade: z.string().min(1).max(8), points: z.number().min(0).max(5), passed: z.boolean() })
  .strict();

const gpaFormulaEvent = z
  .object({
    /** The pass mark of a percentage score. */
    passMark: z.number().min(0).max(100),
    /** Points by score band (the highest band whose minScore the score reaches); below every band: 0. */
    bands: z.array(band).min(1).optional(),
    /** Or linear: points = pointsAtPass + (score − passMark) × pointsPerScore, at most maxPoints; 0 below the pass mark. */
    linear: z
      .object({
        pointsAtPass: z.number().min(0).max(5),
        pointsPerScore: z.number().min(0).max(1),
        maxPoints: z.number().min(1).max(5),
      })
      .strict()
      .optional(),
    /** Letter or level grades the school's 教务 sends instead of a score. A grade not listed is refused. */
    letters: z.array(letter).default([]),
    ...text,
  })
  .strict()
  .refine((params) => (params.bands === undefined) !== (params.linear === undefined), {
    message: 'give exactly one of bands, linear',
  });
type GpaFormulaEvent = z.infer<typeof gpaFormulaEvent>;

const retentionEvent = z.object({ rawDays: z.number().int().min(7).max(1095), ...text }).strict();
type RetentionEvent = z.infer<typeof retentionEvent>;

const lostContactEvent = z
  .object({
    /** Days without any campus activity from which a lost-contact warning is urgent: notify at once. */
    limitDays: z.number().int().min(1).max(60),
    /** Open a crisis of this level when the limit is passed; absent: notify only. */
    crisisLevel: z.enum(CRISIS_LEVELS).optional(),
    ...text,
  })
  .strict();
type LostContactEvent = z.infer<typeof lostContactEvent>;

const kpiEvent = z
  .object({
    /** Share of warned students cleared the next term the school aims at (seed 003 KPI 1.2: 60%). */
    clearedNextTermTarget: z.number().min(0).max(1),
    ...text,
  })
  .strict();

/** One warning pushed to the counsellor, with the deadline to act. */
export interface Warning {
  readonly module: WarningModule;
  readonly level: 'yellow' | 'red';
  readonly deadlineWorkingDays: number;
  readonly actions: readonly WarningAction[];
  readonly reasons: readonly Reason[];
}

/** A signal the school computes, with its windows. */
export interface WarningSignalDef extends Readonly<SignalEvent> {}
/** How a course's score or grade becomes grade points. */
export type GpaFormula = Readonly<GpaFormulaEvent>;

/** What `part: settings` answers. */
export interface WarningSettings {
  readonly signals: readonly WarningSignalDef[];
  readonly gpaFormula: GpaFormula | null;
  readonly retention: Readonly<RetentionEvent>;
  readonly lostContact: Readonly<LostContactEvent> & { readonly crisisLevel?: CrisisLevel };
  readonly clearedNextTermTarget: number;
}

/** The warnings of one student, at most one per module, in module order; `settings` for `part: settings`. */
export interface WarningResult {
  readonly warnings: readonly Warning[];
  readonly settings: WarningSettings | null;
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

function only<T>(fired: readonly FiredRule[], type: string): T | undefined {
  const rules = fired.filter((rule) => rule.event.type === type);
  if (rules.length > 1)
    throw new Error(`rules ${rules.map((r) => `"${r.name}"`).join(', ')} all set ${type}`);
  return rules[0] ? paramsOf<T>(rules[0]) : undefined;
}

function settingsOf(fired: readonly FiredRule[]): WarningSettings {
  const signals = fired.filter((rule) => rule.event.type === 'signal').map((r) => paramsOf<SignalEvent>(r));
  const codes = new Set<string>();
  for (const signal of signals) {
    if (codes.has(signal.code)) throw new Error(`the signal "${signal.code}" is defined twice`);
    codes.add(signal.code);
  }
  const retention = only<RetentionEvent>(fired, 'retention');
  const lostContact = only<LostContactEvent>(fired, 'lost-contact');
  if (!retention) throw new NoDecision('no retention rule');
  if (!lostContact) throw new NoDecision('no lost-contact rule');
  return {
    signals,
    gpaFormula: only<GpaFormulaEvent>(fired, 'gpa-formula') ?? null,
    retention,
    lostContact,
    clearedNextTermTarget:
      only<{ clearedNextTermTarget: number }>(fired, 'kpi')?.clearedNextTermTarget ?? 0.6,
  };
}

/** The warnings of the fired `warning` rules: one per module, red over yellow, the shortest deadline of the winners. */
export function decideWarnings(fired: readonly FiredRule[]): Warning[] {
  return WARNING_MODULES.flatMap((module) => {
    const rules = fired.filter(
      (rule) => rule.event.type === 'warning' && paramsOf<WarningEvent>(rule).module === module,
    );
    return rules.length ? [warningOf(module, rules)] : [];
  });
}

/**
 * `early-warning`: seed 003 work plan 2's four modules (学业困难、心理危机、异常消费、失联风险), work plan 3's academic
 * red and yellow cards (talk within 3 working days, 《学业提升计划书》, a peer or tutor), work plan 5's campus-card and
 * access patterns. `part: settings` gives the signals and windows, the GPA formula, the retention of raw rows and
 * the lost-contact limit; `part: student` with a student's signals gives their warnings.
 */
export const earlyWarning: AreaContract<WarningResult> = {
  id: 'early-warning',
  title: { zh: '预警与时限', en: 'Early warning and deadlines' },
  subject: { one: 'student', many: 'students' },
  facts: warningFactSpecs,
  partitionBy: 'part',
  events: {
    warning: warningEvent,
    signal: signalEvent,
    'gpa-formula': gpaFormulaEvent,
    retention: retentionEvent,
    'lost-contact': lostContactEvent,
    kpi: kpiEvent,
  },
  decisions: ['most-severe-per-module'],
  decisionHelp: {
    'most-severe-per-module':
      'one warning per module: red over yellow, the shortest deadline of the winning rules',
  },
  decide({ fired, facts }) {
    if (facts.part === 'settings') return { warnings: [], settings: settingsOf(fired) };
    return { warnings: decideWarnings(fired), settings: null };
  },
  contradiction(a, b, decision) {
    if (a.type !== 'warning' || b.type !== 'warning') {
      if (a.type === b.type && a.type !== 'signal')
        return { settledBy: 'unresolved', why: `two ${a.type} rules fire together` };
      return undefined;
    }
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
    result.settings
      ? `settings: ${result.settings.signals.map((s) => s.code).join(', ')}`
      : result.warnings
          .map((warning) => `${warning.module}:${warning.level}/${warning.deadlineWorkingDays}d`)
          .join(', ') || 'no warning',
  generate: (random) =>
    random.chance(0.02)
      ? { part: 'settings' }
      : {
          part: 'student',
          gpa: Math.round(random.next() ** 0.5 * 400) / 100,
          gpaChange: Math.round((random.next() - 0.6) * 200) / 100,
          failedCoursesThisTerm: random.chance(0.8) ? 0 : random.int(1, 4),
          failedCoursesTotal: random.chance(0.75) ? 0 : random.int(1, 8),
          daysWithoutCampusActivity: random.chance(0.9) ? random.int(0, 1) : random.int(2, 20),
          spendingChangePercent: Math.round((random.next() - 0.5) * 160),
          dailySpending: Math.round(random.next() * 6000) / 100,
          attentionTier: random.pick([1, 2, 3, 3, 3, 3, 3, 3] as const),
          crisisReported: random.chance(0.01),
        },
};
