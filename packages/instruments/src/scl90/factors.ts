import type { LocalizedText } from '../core/types';

/** Keys of the ten SCL-90 factors, in their conventional order. */
export type Scl90FactorKey =
  | 'somatization'
  | 'obsessiveCompulsive'
  | 'interpersonalSensitivity'
  | 'depression'
  | 'anxiety'
  | 'hostility'
  | 'phobicAnxiety'
  | 'paranoidIdeation'
  | 'psychoticism'
  | 'other';

/** One SCL-90 factor and the items (numbered from 1) whose mean is its score. */
export interface Scl90Factor {
  readonly key: Scl90FactorKey;
  readonly name: LocalizedText;
  readonly items: readonly number[];
  /**
   * False for 'other' (additional items: sleep and appetite), which is not one of Derogatis' nine symptom
   * dimensions and so is left out of `maxFactorScore`.
   */
  readonly symptomDimension: boolean;
}

/** The standard factor item lists (Derogatis 1977; Chinese norms by Wang Zhengyu / Jin Hua et al.). */
export const SCL90_FACTORS: readonly Scl90Factor[] = [
  {
    key: 'somatization',
    name: { zh: '躯体化', en: 'Somatization' },
    items: [1, 4, 12, 27, 40, 42, 48, 49, 52, 53, 56, 58],
    symptomDimension: true,
  },
  {
    key: 'obsessiveCompulsive',
    name: { zh: '强迫症状', en: 'Obsessive-compulsive' },
    items: [3, 9, 10, 28, 38, 45, 46, 51, 55, 65],
    symptomDimension: true,
  },
  {
    key: 'interpersonalSensitivity',
    name: { zh: '人际关系敏感', en: 'Interpersonal sensitivity' },
    items: [6, 21, 34, 36, 37, 41, 61, 69, 73],
    symptomDimension: true,
  },
  {
    key: 'depression',
    name: { zh: '抑郁', en: 'Depression' },
    items: [5, 14, 15, 20, 22, 26, 29, 30, 31, 32, 54, 71, 79],
    symptomDimension: true,
  },
  {
    key: 'anxiety',
    name: { zh: '焦虑', en: 'Anxiety' },
    items: [2, 17, 23, 33, 39, 57, 72, 78, 80, 86],
    symptomDimension: true,
  },
  {
    key: 'hostility',
    name: { zh: '敌对', en: 'Hostility' },
    items: [11, 24, 63, 67, 74, 81],
    symptomDimension: true,
  },
  {
    key: 'phobicAnxiety',
    name: { zh: '恐怖', en: 'Phobic anxiety' },
    items: [13, 25, 47, 50, 70, 75, 82],
    symptomDimension: true,
  },
  {
    key: 'paranoidIdeation',
    name: { zh: '偏执', en: 'Paranoid ideation' },
    items: [8, 18, 43, 68, 76, 83],
    symptomDimension: true,
  },
  {
    key: 'psychoticism',
    name: { zh: '精神病性', en: 'Psychoticism' },
    items: [7, 16, 35, 62, 77, 84, 85, 87, 88, 90],
    symptomDimension: true,
  },
  {
    key: 'other',
    name: { zh: '其他（附加项目）', en: 'Other (additional items)' },
    items: [19, 44, 59, 60, 64, 66, 89],
    symptomDimension: false,
  },
];
