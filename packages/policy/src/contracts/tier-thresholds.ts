import { z } from 'zod';
import { paramsOf, type Reason, reasonOf } from './common';
import { type AreaContract, type FiredRule, NoDecision, type Random } from './contract';
import { boolean, type FactsOf, integer, number, oneOf } from './facts';

export const INSTRUMENTS = ['UPI', 'PHQ-9', 'GAD-7', 'SCL-90'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

const upi = { fact: 'instrument', values: ['UPI'] } as const;
const phq9 = { fact: 'instrument', values: ['PHQ-9'] } as const;
const gad7 = { fact: 'instrument', values: ['GAD-7'] } as const;
const scl90 = { fact: 'instrument', values: ['SCL-90'] } as const;

/** Facts of one scored instrument result. Only the facts of the given instrument are present. */
export const tierFactSpecs = {
  instrument: { type: oneOf(INSTRUMENTS), label: { zh: '量表', en: 'Instrument' } },
  upiTotal: {
    type: integer(0, 56),
    scope: upi,
    label: { zh: 'UPI 总分（不含测伪题）', en: 'UPI total, lie items excluded' },
  },
  upiItem25: {
    type: boolean(),
    scope: upi,
    label: { zh: 'UPI 第25题（想轻生）答“是”', en: 'UPI item 25 (thoughts of ending one’s life) yes' },
  },
  upiKeyItemsYes: {
    type: integer(0, 3),
    scope: upi,
    label: { zh: 'UPI 关键题 8/16/26 答“是”的题数', en: 'UPI key items 8/16/26 answered yes' },
  },
  upiExtraItemsYes: {
    type: integer(0, 4),
    scope: upi,
    label: { zh: 'UPI 附加题 61–64 答“是”的题数', en: 'UPI extra items 61–64 answered yes' },
  },
  upiAsksForCounselling: {
    type: boolean(),
    scope: upi,
    label: { zh: '主动要求咨询', en: 'Asks for counselling' },
  },
  phq9Total: { type: integer(0, 27), scope: phq9, label: { zh: 'PHQ-9 总分', en: 'PHQ-9 total' } },
  phq9Item9: {
    type: integer(0, 3),
    scope: phq9,
    label: { zh: 'PHQ-9 第9题（自伤念头）得分', en: 'PHQ-9 item 9 (self-harm) score' },
  },
  gad7Total: { type: integer(0, 21), scope: gad7, label: { zh: 'GAD-7 总分', en: 'GAD-7 total' } },
  scl90Total: { type: integer(90, 450), scope: scl90, label: { zh: 'SCL-90 总分', en: 'SCL-90 total' } },
  scl90PositiveItemCount: {
    type: integer(0, 90),
    scope: scl90,
    label: { zh: 'SCL-90 阳性项目数（≥2分）', en: 'SCL-90 positive items (score ≥ 2)' },
  },
  scl90MaxFactorScore: {
    type: number(1, 5),
    scope: scl90,
    label: { zh: 'SCL-90 最高因子分', en: 'SCL-90 highest factor score' },
  },
  scl90Item15: {
    type: integer(1, 5),
    scope: scl90,
    label: {
      zh: 'SCL-90 第15题（想结束生命）得分',
      en: 'SCL-90 item 15 (thoughts of ending one’s life) score',
    },
  },
} as const;

/** Facts of one instrument result, one variant per instrument. */
export type TierFacts =
  | {
      instrument: 'UPI';
      upiTotal: number;
      upiItem25: boolean;
      upiKeyItemsYes: number;
      upiExtraItemsYes: number;
      upiAsksForCounselling: boolean;
    }
  | { instrument: 'PHQ-9'; phq9Total: number; phq9Item9: number }
  | { instrument: 'GAD-7'; gad7Total: number }
  | {
      instrument: 'SCL-90';
      scl90Total: number;
      scl90PositiveItemCount: number;
      scl90MaxFactorScore: number;
      scl90Item15: number;
    };

// Compile-time check that the hand-written union fits the specs.
type _TierFactsFitSpecs = TierFacts extends FactsOf<typeof tierFactSpecs> ? true : never;
const _tierFactsFitSpecs: _TierFactsFitSpecs = true;
void _tierFactsFitSpecs;

/**
 * The attention tiers (关注等级) a school's rules may give, in the order screens list them: 1 needs the most
 * attention (the seed plugins open a follow-up talk with a deadline), 3 the least. A lower number is more serious:
 * `most-serious-tier` takes the smallest. The one list of tiers for the plugins, the API and, through the API's
 * types, every screen.
 */
export const ATTENTION_TIERS = [1, 2, 3] as const;

/** An attention tier: 1 is the highest attention. */
export type AttentionTier = (typeof ATTENTION_TIERS)[number];

/** A reason for a tier; `selfHarm` when the school's rule marks it as a self-harm finding. */
export interface TierReason extends Reason {
  readonly selfHarm?: true;
}

/** The result of tiering one instrument result. */
export interface TierResult {
  readonly tier: AttentionTier;
  /**
   * The rules that put the student in this tier, in rule-file order, followed by any fired self-harm rule that did
   * not win (a self-harm finding is always given as a reason).
   */
  readonly reasons: readonly TierReason[];
  /**
   * Whether a fired rule the school marks `selfHarm` (UPI item 25, PHQ-9 item 9 > 0, SCL-90 item 15 ≥ 2 in the seed
   * plugins): such results are worked on before everything else.
   */
  readonly selfHarm: boolean;
  /** Deadline for the follow-up talk in working days, when the winning rules set one (tier 1 in the seed plugins). */
  readonly followUpWorkingDays?: number;
}

const tierEvent = z
  .object({
    tier: z.literal(ATTENTION_TIERS),
    zh: z.string().min(1),
    en: z.string().min(1),
    followUpWorkingDays: z.number().int().min(0).max(60).optional(),
    /** The rule finds thoughts of self-harm or suicide: its students' follow-ups come first in everyone's work. */
    selfHarm: z.boolean().optional(),
  })
  .strict();
type TierEvent = z.infer<typeof tierEvent>;

/**
 * A score from @xinqiao/instruments' `scoreResponse` (structurally typed, so this package does not depend on it),
 * turned into tier facts.
 * @example tierFacts({ instrument: 'phq9', total: 12, item9: 1 }) // { instrument: 'PHQ-9', phq9Total: 12, phq9Item9: 1 }
 */
export function tierFacts(
  score:
    | {
        instrument: 'upi';
        total: number;
        item25: number | boolean;
        keyItemsYes: number;
        extraItemsYes: number;
        asksForCounselling: boolean;
      }
    | { instrument: 'phq9'; total: number; item9: number }
    | { instrument: 'gad7'; total: number }
    | {
        instrument: 'scl90';
        total: number;
        positiveItemCount: number;
        maxFactorScore: number;
        item15: number;
      },
): TierFacts {
  switch (score.instrument) {
    case 'upi':
      return {
        instrument: 'UPI',
        upiTotal: score.total,
        upiItem25: score.item25 === true || score.item25 === 1,
        upiKeyItemsYes: score.keyItemsYes,
        upiExtraItemsYes: score.extraItemsYes,
        upiAsksForCounselling: score.asksForCounselling,
      };
    case 'phq9':
      return { instrument: 'PHQ-9', phq9Total: score.total, phq9Item9: score.item9 };
    case 'gad7':
      return { instrument: 'GAD-7', gad7Total: score.total };
    case 'scl90':
      return {
        instrument: 'SCL-90',
        scl90Total: score.total,
        scl90PositiveItemCount: score.positiveItemCount,
        scl90MaxFactorScore: score.maxFactorScore,
        scl90Item15: score.item15,
      };
  }
}

export const tierThresholds: AreaContract<TierResult> = {
  id: 'tier-thresholds',
  title: { zh: '关注等级划分', en: 'Attention tier thresholds' },
  subject: { one: 'student', many: 'students' },
  partitionBy: 'instrument',
  facts: tierFactSpecs,
  events: { tier: tierEvent },
  decisions: ['most-serious-tier', 'highest-priority'],
  decisionHelp: {
    'most-serious-tier': 'the most serious tier among the fired rules wins (tier 1 over 2 over 3)',
    'highest-priority': 'the fired rules of the highest priority win; among them the most serious tier',
  },
  decide({ fired, decision, facts }) {
    if (fired.length === 0)
      throw new NoDecision(`no tier rule fired for instrument "${String(facts.instrument)}"`);
    let candidates = fired;
    if (decision === 'highest-priority') {
      const top = Math.max(...fired.map((rule) => rule.priority));
      candidates = fired.filter((rule) => rule.priority === top);
    }
    const tier = Math.min(...candidates.map((rule) => paramsOf<TierEvent>(rule).tier)) as AttentionTier;
    const winners = candidates.filter((rule) => paramsOf<TierEvent>(rule).tier === tier);
    const deadlines = winners
      .map((rule) => paramsOf<TierEvent>(rule).followUpWorkingDays)
      .filter((days): days is number => days !== undefined);
    const selfHarmRules = fired.filter((rule) => paramsOf<TierEvent>(rule).selfHarm === true);
    const reasons = [...winners, ...selfHarmRules.filter((rule) => !winners.includes(rule))].map(
      tierReasonOf,
    );
    const result: TierResult = { tier, reasons, selfHarm: selfHarmRules.length > 0 };
    return deadlines.length > 0 ? { ...result, followUpWorkingDays: Math.min(...deadlines) } : result;
  },
  contradiction(a, b, decision) {
    const tierA = (a.params as TierEvent).tier;
    const tierB = (b.params as TierEvent).tier;
    if (tierA === tierB) return undefined;
    return { settledBy: 'strategy', why: `tier ${tierA} vs tier ${tierB}, settled by "${decision}"` };
  },
  outcome: (result) => `tier ${result.tier}`,
  generate(random, tested) {
    const instruments = [...(tested.get('instrument') ?? INSTRUMENTS)] as Instrument[];
    return generateTierFacts(random, random.pick(instruments));
  },
};

/** The reason a tier rule gives, marked when the rule is a self-harm finding. */
function tierReasonOf(rule: FiredRule): TierReason {
  const reason = reasonOf(rule);
  return paramsOf<TierEvent>(rule).selfHarm === true ? { ...reason, selfHarm: true } : reason;
}

/** A plausible synthetic result: most students score low, a tail scores high (for diff populations). */
function generateTierFacts(random: Random, instrument: Instrument): TierFacts {
  const strain = random.next() ** 2; // skewed towards low strain
  const binomial = (n: number, p: number) => {
    let count = 0;
    for (let i = 0; i < n; i++) if (random.next() < p) count++;
    return count;
  };
  switch (instrument) {
    case 'UPI':
      return {
        instrument,
        upiTotal: binomial(56, strain * 0.7),
        upiItem25: random.chance(strain * 0.15),
        upiKeyItemsYes: binomial(3, strain * 0.6),
        upiExtraItemsYes: binomial(4, strain * 0.4),
        upiAsksForCounselling: random.chance(0.02 + strain * 0.1),
      };
    case 'PHQ-9': {
      const items = Array.from({ length: 9 }, () => binomial(3, strain * 0.8));
      if (random.chance(0.7)) items[8] = 0; // thoughts of self-harm are rarer than the other symptoms
      return { instrument, phq9Total: items.reduce((a, b) => a + b, 0), phq9Item9: items[8]! };
    }
    case 'GAD-7':
      return {
        instrument,
        gad7Total: Array.from({ length: 7 }, () => binomial(3, strain * 0.8)).reduce((a, b) => a + b, 0),
      };
    case 'SCL-90': {
      const items = Array.from({ length: 90 }, () => 1 + binomial(4, strain * 0.5));
      let maxFactor = 1;
      for (let factor = 0; factor < 10; factor++) {
        const slice = items.slice(factor * 9, factor * 9 + 9);
        maxFactor = Math.max(maxFactor, slice.reduce((a, b) => a + b, 0) / slice.length);
      }
      return {
        instrument,
        scl90Total: items.reduce((a, b) => a + b, 0),
        scl90PositiveItemCount: items.filter((item) => item >= 2).length,
        scl90MaxFactorScore: Math.round(maxFactor * 100) / 100,
        scl90Item15: items[14]!,
      };
    }
  }
}
