import { FREQUENCY_OPTIONS, type Severity, sumAnswers, TWO_WEEK_STEM } from '../core/frequency';
import type { InstrumentInfo, LocalizedText } from '../core/types';

/** PHQ-9 severity band of the total. */
export type Phq9Severity = Severity;

/** The facts a PHQ-9 response gives the school's tier rules. */
export interface Phq9Score {
  readonly instrument: 'phq9';
  /** Sum of the 9 items: 0–27. */
  readonly total: number;
  /** Item 9 (thoughts of being better off dead or of self-harm), 0–3; any value above 0 needs follow-up whatever the total. */
  readonly item9: number;
  readonly severity: Phq9Severity;
}

const ITEM_COUNT = 9;
export const PHQ9_SELF_HARM_ITEM = 9;

/**
 * Severity band of a PHQ-9 total: ≥20 severe, ≥15 moderately severe, ≥10 moderate, ≥5 mild (Kroenke et al. 2001).
 * @example phq9Severity(14) // 'moderate'
 */
export function phq9Severity(total: number): Phq9Severity {
  if (total >= 20) return 'severe';
  if (total >= 15) return 'moderately-severe';
  if (total >= 10) return 'moderate';
  if (total >= 5) return 'mild';
  return 'minimal';
}

/**
 * Scores a validated PHQ-9 response (9 answers, 0–3).
 * @example scorePhq9([1, 1, 1, 1, 1, 0, 0, 0, 1]) // { instrument: 'phq9', total: 6, item9: 1, severity: 'mild' }
 */
export function scorePhq9(answers: ArrayLike<number>): Phq9Score {
  const total = sumAnswers(answers, ITEM_COUNT);
  return {
    instrument: 'phq9',
    total,
    item9: answers[PHQ9_SELF_HARM_ITEM - 1]!,
    severity: phq9Severity(total),
  };
}

const ITEM_TEXTS: readonly LocalizedText[] = [
  { zh: '做事时提不起劲或没有兴趣', en: 'Little interest or pleasure in doing things' },
  { zh: '感到心情低落、沮丧或绝望', en: 'Feeling down, depressed, or hopeless' },
  { zh: '入睡困难、睡不安稳或睡眠过多', en: 'Trouble falling or staying asleep, or sleeping too much' },
  { zh: '感觉疲倦或没有活力', en: 'Feeling tired or having little energy' },
  { zh: '食欲不振或吃太多', en: 'Poor appetite or overeating' },
  {
    zh: '觉得自己很糟，或觉得自己很失败，或让自己或家人失望',
    en: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
  },
  {
    zh: '对事物专注有困难，例如阅读报纸或看电视时',
    en: 'Trouble concentrating on things, such as reading the newspaper or watching television',
  },
  {
    zh: '动作或说话速度缓慢到别人已经觉察？或正好相反：烦躁或坐立不安、动来动去的情况更胜于平常',
    en: 'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
  },
  {
    zh: '有不如死掉或用某种方式伤害自己的念头',
    en: 'Thoughts that you would be better off dead or of hurting yourself in some way',
  },
];

/** Catalogue entry of the PHQ-9. */
export const phq9Info: InstrumentInfo<'phq9'> = {
  id: 'phq9',
  abbreviation: 'PHQ-9',
  name: { zh: '患者健康问卷抑郁量表', en: 'Patient Health Questionnaire-9' },
  itemCount: ITEM_COUNT,
  answerRange: { min: 0, max: 3 },
  answerOptions: FREQUENCY_OPTIONS,
  instructions: TWO_WEEK_STEM,
  items: ITEM_TEXTS.map((text, index) => ({
    number: index + 1,
    text,
    roles: index + 1 === PHQ9_SELF_HARM_ITEM ? ['flagged'] : [],
  })),
  scoring: {
    zh: '9 题各 0–3 分，总分 0–27；≥5 轻度，≥10 中度，≥15 中重度，≥20 重度；第 9 题大于 0 分时无论总分多少都需跟进。',
    en: 'Nine items scored 0–3, total 0–27; ≥5 mild, ≥10 moderate, ≥15 moderately severe, ≥20 severe. Any answer above 0 on item 9 needs follow-up whatever the total.',
  },
  reference: 'Kroenke K, Spitzer RL, Williams JB. The PHQ-9. J Gen Intern Med 2001;16:606–613.',
};
