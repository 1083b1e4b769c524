import type { InstrumentInfo, ItemRole } from '../core/types';
import { SCL90_FACTORS, type Scl90FactorKey } from './factors';

/** Mean item score of each of the ten factors. */
export type Scl90FactorScores = { readonly [key in Scl90FactorKey]: number };

/** The facts an SCL-90 response gives the school's tier rules. */
export interface Scl90Score {
  readonly instrument: 'scl90';
  /** Sum of the 90 items (each 1–5): 90–450. */
  readonly total: number;
  /** Global severity index: total / 90. */
  readonly gsi: number;
  /** Items scored 2 or more. */
  readonly positiveItemCount: number;
  /** Mean score of the positive items (阳性症状均分); 0 when there are none. */
  readonly positiveSymptomAverage: number;
  readonly factors: Scl90FactorScores;
  /** Highest factor score among the nine symptom dimensions ('other' excluded). */
  readonly maxFactorScore: number;
  /** Item 15 (thoughts of ending one's life), 1–5. */
  readonly item15: number;
}

const ITEM_COUNT = 90;
const POSITIVE_FROM = 2;
export const SCL90_SUICIDAL_THOUGHTS_ITEM = 15;

/** Zero-based item indexes per factor, precomputed once so scoring is plain loops over numbers. */
const FACTOR_INDEXES = SCL90_FACTORS.map((factor) => Int32Array.from(factor.items, (item) => item - 1));

/**
 * Scores a validated SCL-90 response (90 answers, 1 = 没有 … 5 = 严重).
 * @example scoreScl90(new Array(90).fill(1)).gsi // 1
 */
export function scoreScl90(answers: ArrayLike<number>): Scl90Score {
  let total = 0;
  let positiveItemCount = 0;
  let positiveSum = 0;
  for (let index = 0; index < ITEM_COUNT; index++) {
    const answer = answers[index]!;
    total += answer;
    if (answer >= POSITIVE_FROM) {
      positiveItemCount++;
      positiveSum += answer;
    }
  }
  const factors = {} as Record<Scl90FactorKey, number>;
  let maxFactorScore = 0;
  for (let factorIndex = 0; factorIndex < SCL90_FACTORS.length; factorIndex++) {
    const factor = SCL90_FACTORS[factorIndex]!;
    const indexes = FACTOR_INDEXES[factorIndex]!;
    let sum = 0;
    for (let i = 0; i < indexes.length; i++) sum += answers[indexes[i]!]!;
    const score = sum / indexes.length;
    factors[factor.key] = score;
    if (factor.symptomDimension && score > maxFactorScore) maxFactorScore = score;
  }
  return {
    instrument: 'scl90',
    total,
    gsi: total / ITEM_COUNT,
    positiveItemCount,
    positiveSymptomAverage: positiveItemCount === 0 ? 0 : positiveSum / positiveItemCount,
    factors,
    maxFactorScore,
    item15: answers[SCL90_SUICIDAL_THOUGHTS_ITEM - 1]!,
  };
}

const FACTOR_OF_ITEM = new Map<number, Scl90FactorKey>();
for (const factor of SCL90_FACTORS) for (const item of factor.items) FACTOR_OF_ITEM.set(item, factor.key);

/** Catalogue entry of the SCL-90. Item wording is not shipped: the text is under copyright and schools use their licensed copy. */
export const scl90Info: InstrumentInfo<'scl90'> = {
  id: 'scl90',
  abbreviation: 'SCL-90',
  name: { zh: '症状自评量表', en: 'Symptom Checklist-90' },
  itemCount: ITEM_COUNT,
  answerRange: { min: 1, max: 5 },
  answerOptions: [
    { value: 1, label: { zh: '没有', en: 'Not at all' } },
    { value: 2, label: { zh: '很轻', en: 'A little bit' } },
    { value: 3, label: { zh: '中等', en: 'Moderately' } },
    { value: 4, label: { zh: '偏重', en: 'Quite a bit' } },
    { value: 5, label: { zh: '严重', en: 'Extremely' } },
  ],
  items: Array.from({ length: ITEM_COUNT }, (_, index) => {
    const number = index + 1;
    const roles: ItemRole[] = number === SCL90_SUICIDAL_THOUGHTS_ITEM ? ['flagged'] : [];
    return { number, roles, factor: FACTOR_OF_ITEM.get(number)! };
  }),
  scoring: {
    zh: '90 题各 1–5 分，总分 90–450；总均分 = 总分 / 90；≥2 分为阳性项目；因子分 = 该因子各题均分；第 15 题单独报告。',
    en: 'Ninety items scored 1–5, total 90–450; GSI = total / 90; items scored ≥2 are positive; each factor score is the mean of its items; item 15 is reported on its own.',
  },
  reference:
    'Derogatis LR, SCL-90-R manual (1977); Chinese version and norms: Wang Zhengyu (1984), Jin Hua et al. (1986).',
};
