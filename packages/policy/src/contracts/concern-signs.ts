import { z } from 'zod';
import { kebabSchema, paramsOf } from './common';
import { type AreaContract, type FiredRule, NoDecision } from './contract';
import { boolean, type FactsOf, type Localized, oneOf } from './facts';

/** How urgent the reporter says a concern is (the API's `concern_reports.urgency`). */
export const CONCERN_URGENCIES = ['routine', 'urgent'] as const;
export type ConcernUrgency = (typeof CONCERN_URGENCIES)[number];

/**
 * What an evaluation asks: the checklist a reporter ticks (`report`), or the deadline and recipients of a filed
 * report (`triage`). One area answers both so a school keeps its signs and its deadlines in one file.
 */
export const CONCERN_STEPS = ['report', 'triage'] as const;
export type ConcernStep = (typeof CONCERN_STEPS)[number];

/** The units a triage deadline is counted in: minutes and hours from filing, or the school's working days. */
export const DEADLINE_UNITS = ['minutes', 'hours', 'workingDays'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

const triage = { fact: 'step', values: ['triage'] } as const;

export const concernFactSpecs = {
  step: {
    type: oneOf(CONCERN_STEPS),
    label: {
      zh: '环节（report：观察清单；triage：已提交报告的处理时限）',
      en: 'Step (report: the checklist; triage: a filed report)',
    },
  },
  urgency: {
    type: oneOf(CONCERN_URGENCIES),
    scope: triage,
    label: { zh: '紧急程度', en: 'Urgency' },
  },
  selfHarm: {
    type: boolean(),
    scope: triage,
    label: { zh: '勾选了自伤自杀类迹象', en: 'A self-harm sign was ticked' },
  },
} as const;
export type ConcernFacts = FactsOf<typeof concernFactSpecs>;

const signEvent = z
  .object({
    /** Stable: stored with every report; renaming a code orphans the reports that carry it. */
    code: kebabSchema,
    zh: z.string().min(1),
    en: z.string().min(1),
    /** A self-harm sign: the report is worked on before everything else. */
    selfHarm: z.boolean().optional(),
  })
  .strict();
type SignEvent = z.infer<typeof signEvent>;

const deadlineEvent = z
  .object({
    minutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .optional(),
    workingDays: z.number().int().min(1).max(20).optional(),
    /** Urgent reports also go to the college station head at once. */
    notifyStationHead: z.boolean(),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict()
  .refine((params) => DEADLINE_UNITS.filter((unit) => params[unit] !== undefined).length === 1, {
    message: 'give exactly one of minutes, hours, workingDays',
  });
type DeadlineEvent = z.infer<typeof deadlineEvent>;

/** One observed sign of the school's checklist (《学生异常行为表现观察清单》). */
export interface ConcernSign extends Localized {
  readonly code: string;
  readonly selfHarm: boolean;
}

/** By when a filed report must be triaged, and whether the station head hears of it at once. */
export interface ConcernTriage extends Localized {
  readonly ruleName: string;
  readonly unit: DeadlineUnit;
  readonly amount: number;
  readonly notifyStationHead: boolean;
}

/** `step: report` gives `signs` (triage null); `step: triage` gives `triage` (signs empty). */
export interface ConcernResult {
  readonly signs: readonly ConcernSign[];
  readonly triage: ConcernTriage | null;
}

/** A working day counts as at least a day when deadlines in different units are compared. */
const MINUTES_PER: Record<DeadlineUnit, number> = { minutes: 1, hours: 60, workingDays: 24 * 60 };

function deadlineOf(rule: FiredRule): ConcernTriage {
  const params = paramsOf<DeadlineEvent>(rule);
  const unit = DEADLINE_UNITS.find((u) => params[u] !== undefined)!;
  return {
    ruleName: rule.name,
    unit,
    amount: params[unit]!,
    notifyStationHead: params.notifyStationHead,
    zh: params.zh,
    en: params.en,
  };
}

const lengthOf = (d: ConcernTriage) => d.amount * MINUTES_PER[d.unit];

function checklistOf(fired: readonly FiredRule[]): ConcernSign[] {
  const signs: ConcernSign[] = [];
  const byCode = new Map<string, string>();
  for (const rule of fired) {
    const { code, zh, en, selfHarm } = paramsOf<SignEvent>(rule);
    const earlier = byCode.get(code);
    if (earlier) throw new Error(`rules "${earlier}" and "${rule.name}" both define the sign "${code}"`);
    byCode.set(code, rule.name);
    signs.push({ code, zh, en, selfHarm: selfHarm === true });
  }
  if (signs.length === 0) throw new NoDecision('no sign for the checklist');
  return signs;
}

function triageOf(fired: readonly FiredRule[], facts: Readonly<Record<string, unknown>>): ConcernTriage {
  const deadlines = fired.map(deadlineOf);
  if (deadlines.length === 0) {
    throw new NoDecision(`no triage deadline for urgency "${String(facts.urgency)}"`);
  }
  const shortest = deadlines.reduce((best, d) => (lengthOf(d) < lengthOf(best) ? d : best));
  return { ...shortest, notifyStationHead: deadlines.some((d) => d.notifyStationHead) };
}

/**
 * `concern-signs`: what a class psych committee member, a dorm liaison or any staff member may tick when they
 * report a concern about a student (seed 003's 《学生异常行为表现观察清单》: 长期独处、情绪突变、言语消极…; a sign
 * may be marked self-harm), and by when the student's counsellor must triage a filed report (seed 003's 15-minute
 * rule is the model for urgent ones), and whether the station head is told at once. The shortest deadline of the
 * fired rules wins; the station head is told when any fired rule says so.
 */
export const concernSigns: AreaContract<ConcernResult> = {
  id: 'concern-signs',
  title: { zh: '关注报告：观察迹象与处理时限', en: 'Concern reports: observed signs and triage deadlines' },
  subject: { one: 'report', many: 'reports' },
  facts: concernFactSpecs,
  partitionBy: 'step',
  events: { sign: signEvent, 'triage-deadline': deadlineEvent },
  decisions: ['shortest-deadline'],
  decisionHelp: {
    'shortest-deadline':
      'report: every fired sign is on the checklist, in file order (one code once); triage: the shortest deadline ' +
      'of the fired rules wins (a working day counts as at least 24 hours), and the station head is told when any ' +
      'fired rule says so',
  },
  decide({ fired, facts }) {
    if (facts.step === 'report') {
      return { signs: checklistOf(fired.filter((rule) => rule.event.type === 'sign')), triage: null };
    }
    return {
      signs: [],
      triage: triageOf(
        fired.filter((rule) => rule.event.type === 'triage-deadline'),
        facts,
      ),
    };
  },
  contradiction(a, b) {
    if (a.type === 'sign' && b.type === 'sign') {
      if (a.params.code !== b.params.code) return undefined;
      return { settledBy: 'unresolved', why: `two signs with the code "${String(a.params.code)}"` };
    }
    if (a.type !== 'triage-deadline' || b.type !== 'triage-deadline') return undefined;
    const [x, y] = [a, b].map((event) => deadlineOf({ name: '', priority: 1, event }));
    if (lengthOf(x!) === lengthOf(y!) && x!.notifyStationHead === y!.notifyStationHead) return undefined;
    return {
      settledBy: 'strategy',
      why: 'two deadlines: the shortest wins, the station head is told if either says so',
    };
  },
  outcome: (result) =>
    result.triage
      ? `within ${result.triage.amount} ${result.triage.unit}${result.triage.notifyStationHead ? ', station head told' : ''}`
      : `${result.signs.length} signs`,
  populationSize: 20,
  generate: (random) =>
    random.chance(0.2)
      ? { step: 'report' }
      : { step: 'triage', urgency: random.pick(CONCERN_URGENCIES), selfHarm: random.chance(0.3) },
};
