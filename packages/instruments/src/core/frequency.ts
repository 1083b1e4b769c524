import type { AnswerOption, LocalizedText } from './types';

/** Answer options shared by PHQ-9 and GAD-7 (official Chinese translation of the Pfizer PHQ/GAD family). */
export const FREQUENCY_OPTIONS: readonly AnswerOption[] = [
  { value: 0, label: { zh: '完全不会', en: 'Not at all' } },
  { value: 1, label: { zh: '好几天', en: 'Several days' } },
  { value: 2, label: { zh: '一半以上的天数', en: 'More than half the days' } },
  { value: 3, label: { zh: '几乎每天', en: 'Nearly every day' } },
];

/** Question stem shared by PHQ-9 and GAD-7. */
export const TWO_WEEK_STEM: LocalizedText = {
  zh: '在过去两个星期，有多少时候您受到以下任何问题所困扰？',
  en: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
};

/** Severity bands of PHQ-9 and GAD-7 (GAD-7 has no `moderately-severe`). */
export type Severity = 'minimal' | 'mild' | 'moderate' | 'moderately-severe' | 'severe';

/** How to show a severity band. */
export const SEVERITY_LABELS: Readonly<Record<Severity, LocalizedText>> = {
  minimal: { zh: '无或极轻微', en: 'Minimal' },
  mild: { zh: '轻度', en: 'Mild' },
  moderate: { zh: '中度', en: 'Moderate' },
  'moderately-severe': { zh: '中重度', en: 'Moderately severe' },
  severe: { zh: '重度', en: 'Severe' },
};

/** Sums the first `count` answers. */
export function sumAnswers(answers: ArrayLike<number>, count: number): number {
  let total = 0;
  for (let index = 0; index < count; index++) total += answers[index]!;
  return total;
}
