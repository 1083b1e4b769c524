import { z } from 'zod';
import { kebabSchema, paramsOf } from './common';
import { type AreaContract, type FiredRule, NoDecision } from './contract';
import { type FactsOf, type Localized, oneOf } from './facts';

/**
 * The crisis levels a school may use, from the least to the most severe: the tiers of China's emergency response
 * (一般、较大、重大、特别重大), since seed 000 puts crisis work inside the school's emergency system
 * (将心理危机干预工作纳入总体管理应急体系). A school uses the ones its `level` rules name, with its own words.
 */
export const CRISIS_LEVELS = ['general', 'serious', 'major', 'extraordinary'] as const;
export type CrisisLevel = (typeof CRISIS_LEVELS)[number];

/** What an evaluation asks: the school's levels, or the protocol (steps and review) of one level. */
export const CRISIS_PARTS = ['levels', 'protocol'] as const;
export type CrisisPart = (typeof CRISIS_PARTS)[number];

/**
 * The roles a step may name: the people who run a crisis and the chain above them. Class psych committee members and
 * dorm liaisons observe and report, they never run a crisis (seed 004's confidentiality); a school admin manages
 * accounts and the network, and sees no crisis detail (RLS): none of them can be named. The center director is the
 * top of the chain: a step the director runs late escalates to the director.
 */
export const CRISIS_ROLES = [
  'counsellor',
  'head_teacher',
  'college_station_head',
  'center_staff',
  'center_director',
] as const;
export type CrisisRole = (typeof CRISIS_ROLES)[number];

/**
 * Where in the network the role holder sits: `student`, on the student's branch (a role on the student's unit or one
 * above it: the student's counsellor, the station head of the student's college); `school`, anywhere in the school.
 */
export const CRISIS_REACHES = ['student', 'school'] as const;
export type CrisisReach = (typeof CRISIS_REACHES)[number];

/** What must be on record before a step can be marked done. */
export const CRISIS_RECORDS = ['note', 'family-contact', 'referral', 'affected-people'] as const;
export type CrisisRecord = (typeof CRISIS_RECORDS)[number];

const protocol = { fact: 'part', values: ['protocol'] } as const;

export const crisisFactSpecs = {
  part: {
    type: oneOf(CRISIS_PARTS),
    label: {
      zh: '环节（levels：学校使用的危机等级；protocol：某一等级的处置流程）',
      en: 'Part (levels: the levels the school uses; protocol: the steps of one level)',
    },
  },
  level: {
    type: oneOf(CRISIS_LEVELS),
    scope: protocol,
    label: { zh: '危机等级', en: 'Crisis level' },
  },
} as const;
export type CrisisFacts = FactsOf<typeof crisisFactSpecs>;

const who = z.object({ role: z.enum(CRISIS_ROLES), reach: z.enum(CRISIS_REACHES) }).strict();

const levelEvent = z
  .object({
    code: z.enum(CRISIS_LEVELS),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();
type LevelEvent = z.infer<typeof levelEvent>;

const stepEvent = z
  .object({
    /** Stable: stored with every crisis step; renaming a code orphans the steps that carry it. */
    code: kebabSchema,
    /** The step's place in the protocol (ascending). */
    order: z.number().int().min(1).max(99),
    zh: z.string().min(1),
    en: z.string().min(1),
    /** Who may mark it done (any one of them), and who is told at once when the crisis opens. */
    doers: z.array(who).min(1),
    /** Minutes from the crisis opening by which it is due. */
    minutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 30),
    /** What must be on record to mark it done. */
    records: z.array(z.enum(CRISIS_RECORDS)).min(1),
    /** A required step must be done (or waived by the center director) before the crisis may close. */
    required: z.boolean(),
    /** Who is told, and gets it in their work, when the step runs late. */
    escalateTo: z.array(who).min(1),
  })
  .strict();
type StepEvent = z.infer<typeof stepEvent>;

const reviewEvent = z
  .object({
    /** The review meeting is due this many calendar months after closing (the last working day on or before). */
    months: z.number().int().min(1).max(6).optional(),
    workingDays: z.number().int().min(1).max(60).optional(),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict()
  .refine((params) => (params.months === undefined) !== (params.workingDays === undefined), {
    message: 'give exactly one of months, workingDays',
  });
type ReviewEvent = z.infer<typeof reviewEvent>;

/** A role at a place in the network. */
export interface CrisisActor {
  readonly role: CrisisRole;
  readonly reach: CrisisReach;
}

/** One level the school uses. */
export interface CrisisLevelDef extends Localized {
  readonly code: CrisisLevel;
}

/** One step of a level's protocol. */
export interface CrisisStepDef extends Localized {
  readonly ruleName: string;
  readonly code: string;
  readonly order: number;
  readonly doers: readonly CrisisActor[];
  readonly minutes: number;
  readonly records: readonly CrisisRecord[];
  readonly required: boolean;
  readonly escalateTo: readonly CrisisActor[];
}

/** When the review meeting falls due after the crisis closes. */
export interface CrisisReview extends Localized {
  readonly ruleName: string;
  readonly unit: 'months' | 'workingDays';
  readonly amount: number;
}

/** `part: levels` gives `levels` (steps empty, review null); `part: protocol` gives the steps in order and the review. */
export interface CrisisProtocolResult {
  readonly levels: readonly CrisisLevelDef[];
  readonly steps: readonly CrisisStepDef[];
  readonly review: CrisisReview | null;
}

function levelsOf(fired: readonly FiredRule[]): CrisisLevelDef[] {
  const seen = new Map<string, string>();
  const levels: CrisisLevelDef[] = [];
  for (const rule of fired) {
    const { code, zh, en } = paramsOf<LevelEvent>(rule);
    const earlier = seen.get(code);
    if (earlier) throw new Error(`rules "${earlier}" and "${rule.name}" both define the level "${code}"`);
    seen.set(code, rule.name);
    levels.push({ code, zh, en });
  }
  if (levels.length === 0) throw new NoDecision('no crisis level');
  return levels.sort((a, b) => CRISIS_LEVELS.indexOf(a.code) - CRISIS_LEVELS.indexOf(b.code));
}

function stepsOf(fired: readonly FiredRule[], facts: Readonly<Record<string, unknown>>): CrisisStepDef[] {
  const seen = new Map<string, string>();
  const steps: CrisisStepDef[] = [];
  for (const rule of fired) {
    const params = paramsOf<StepEvent>(rule);
    const earlier = seen.get(params.code);
    if (earlier)
      throw new Error(`rules "${earlier}" and "${rule.name}" both define the step "${params.code}"`);
    seen.set(params.code, rule.name);
    steps.push({ ruleName: rule.name, ...params });
  }
  if (steps.length === 0) throw new NoDecision(`no step for the level "${String(facts.level)}"`);
  return steps.sort((a, b) => a.order - b.order);
}

function reviewOf(fired: readonly FiredRule[]): CrisisReview | null {
  const reviews = fired.map((rule) => {
    const params = paramsOf<ReviewEvent>(rule);
    const unit = params.months !== undefined ? ('months' as const) : ('workingDays' as const);
    return { ruleName: rule.name, unit, amount: params[unit]!, zh: params.zh, en: params.en };
  });
  if (reviews.length === 0) return null;
  // A month counts as 22 working days when reviews in different units are compared; the earliest wins.
  const length = (review: CrisisReview) => review.amount * (review.unit === 'months' ? 22 : 1);
  return reviews.reduce((best, review) => (length(review) < length(best) ? review : best));
}

/**
 * `crisis-protocol`: the school's crisis intervention protocol (seed 003 work plan 5's standard order 现场控制 →
 * 信息核实 → 上报领导 → 启动预案 → 部门联动 → 家校沟通 → 信息发布; seed 000's green channel; seed 001's crisis
 * reporting network). `part: levels` lists the levels the school uses; `part: protocol` with a `level` gives the
 * ordered steps (who does each, by when, what must be recorded, whether it is required, whom to escalate to) and
 * when the review meeting falls due after closing.
 */
export const crisisProtocol: AreaContract<CrisisProtocolResult> = {
  id: 'crisis-protocol',
  title: { zh: '心理危机干预流程', en: 'Crisis intervention protocol' },
  subject: { one: 'crisis', many: 'crises' },
  facts: crisisFactSpecs,
  partitionBy: 'part',
  events: { level: levelEvent, step: stepEvent, review: reviewEvent },
  decisions: ['ordered-steps'],
  decisionHelp: {
    'ordered-steps':
      'levels: every fired level, least severe first (one code once); protocol: every fired step, by `order` ' +
      '(one code once), and the earliest fired review deadline (a month counts as 22 working days)',
  },
  decide({ fired, facts }) {
    if (facts.part === 'levels') {
      return {
        levels: levelsOf(fired.filter((rule) => rule.event.type === 'level')),
        steps: [],
        review: null,
      };
    }
    return {
      levels: [],
      steps: stepsOf(
        fired.filter((rule) => rule.event.type === 'step'),
        facts,
      ),
      review: reviewOf(fired.filter((rule) => rule.event.type === 'review')),
    };
  },
  contradiction(a, b) {
    if (a.type !== b.type) return undefined;
    if (a.type === 'level' || a.type === 'step') {
      if (a.params.code !== b.params.code) return undefined;
      return { settledBy: 'unresolved', why: `two ${a.type}s with the code "${String(a.params.code)}"` };
    }
    if (a.params.months === b.params.months && a.params.workingDays === b.params.workingDays)
      return undefined;
    return { settledBy: 'strategy', why: 'two review deadlines: the earliest wins' };
  },
  outcome: (result) =>
    result.levels.length
      ? `${result.levels.length} levels`
      : `${result.steps.length} steps${result.review ? `, review in ${result.review.amount} ${result.review.unit}` : ''}`,
  populationSize: 10,
  generate: (random) =>
    random.chance(0.2) ? { part: 'levels' } : { part: 'protocol', level: random.pick(CRISIS_LEVELS) },
};
