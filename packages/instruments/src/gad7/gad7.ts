import { FREQUENCY_OPTIONS, type Severity, sumAnswers, TWO_WEEK_STEM } from '../core/frequency';
import type { InstrumentInfo, LocalizedText } from '../core/types';

/** GAD-7 severity band of the total. */
export type Gad7Severity = Exclude<Severity, 'moderately-severe'>;

/** The facts a GAD-7 response gives the school's tier rules. */
export interface Gad7Score {
  readonly instrument: 'gad7';
  /** Sum of the 7 items: 0–21. */
  readonly total: number;
  readonly severity: Gad7Severity;
}

const ITEM_COUNT = 7;

/**
 * Severity band of a GAD-7 total: ≥15 severe, ≥10 moderate, ≥5 mild (Spitzer et al. 2006).
 * @example gad7Severity(10) // 'moderate'
 */
export function gad7Severity(total: number): Gad7Severity {
  if (total >= 15) return 'severe';
  if (total >= 10) return 'moderate';
  if (total >= 5) return 'mild';
  return 'minimal';
}

/**
 * Scores a validated GAD-7 response (7 answers, 0–3).
 * @example scoreGad7([2, 2, 1, 0, 0, 0, 0]) // { instrument: 'gad7', total: 5, severity: 'mild' }
 */
export function scoreGad7(answers: ArrayLike<number>): Gad7Score {
  const total = sumAnswers(answers, ITEM_COUNT);
  return { instrument: 'gad7', total, severity: gad7Severity(total) };
}

const ITEM_TEXTS: readonly LocalizedText[] = [
  { zh: '感觉紧张、焦虑或急切', en: 'Feeling nervous, anxious, or on edge' },
  { zh: '不能够停止或控制担忧', en: 'Not being able to stop or control worrying' },
  { zh: '对各种各样的事情担忧过多', en: 'Worrying too much about different things' },
  { zh: '很难放松下来', en: 'Trouble relaxing' },
  { zh: '由于不安而无法静坐', en: 'Being so restless that it is hard to sit still' },
  { zh: '变得容易烦恼或急躁', en: 'Becoming easily annoyed or irritable' },
  { zh: '感到似乎将有可怕的事情发生而害怕', en: 'Feeling afraid, as if something awful might happen' },
];

/** Catalogue entry of the GAD-7. */
export const gad7Info: InstrumentInfo<'gad7'> = {
  id: 'gad7',
  abbreviation: 'GAD-7',
  name: { zh: '广泛性焦虑障碍量表', en: 'Generalized Anxiety Disorder 7-item scale' },
  itemCount: ITEM_COUNT,
  answerRange: { min: 0, max: 3 },
  answerOptions: FREQUENCY_OPTIONS,
  instructions: TWO_WEEK_STEM,
  items: ITEM_TEXTS.map((text, index) => ({ number: index + 1, text, roles: [] })),
  scoring: {
    zh: '7 题各 0–3 分，总分 0–21；≥5 轻度，≥10 中度，≥15 重度。',
    en: 'Seven items scored 0–3, total 0–21; ≥5 mild, ≥10 moderate, ≥15 severe.',
  },
  reference:
    'Spitzer RL, Kroenke K, Williams JB, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092–1097.',
};
