/**
 * Why a response cannot be scored. Items are numbered from 1 as printed on the questionnaire.
 * Issues carry data, not prose, so the API and the UI can word them; `describeIssue` gives the standard wording.
 */
export type ValidationIssue =
  | { readonly code: 'unknown-instrument'; readonly received: string }
  | { readonly code: 'wrong-item-count'; readonly expected: number; readonly received: number }
  | { readonly code: 'missing-answer'; readonly item: number }
  | { readonly code: 'answer-not-integer'; readonly item: number; readonly received: string }
  | {
      readonly code: 'answer-out-of-range';
      readonly item: number;
      readonly received: number;
      readonly min: number;
      readonly max: number;
    };

/** Locales the standard wording exists in. */
export type IssueLocale = 'zh-CN' | 'en';

/**
 * Words an issue for people, Chinese by default.
 * @example describeIssue({ code: 'missing-answer', item: 7 }) // '第 7 题未作答'
 */
export function describeIssue(issue: ValidationIssue, locale: IssueLocale = 'zh-CN'): string {
  const zh = locale === 'zh-CN';
  switch (issue.code) {
    case 'unknown-instrument':
      return zh ? `未知的量表：${issue.received}` : `Unknown instrument: ${issue.received}`;
    case 'wrong-item-count':
      return zh
        ? `题目数量不对：应为 ${issue.expected} 题，实际为 ${issue.received} 题`
        : `Wrong number of items: expected ${issue.expected}, got ${issue.received}`;
    case 'missing-answer':
      return zh ? `第 ${issue.item} 题未作答` : `Item ${issue.item} has no answer`;
    case 'answer-not-integer':
      return zh
        ? `第 ${issue.item} 题的答案“${issue.received}”不是整数`
        : `Item ${issue.item}: answer "${issue.received}" is not a whole number`;
    case 'answer-out-of-range':
      return zh
        ? `第 ${issue.item} 题的答案 ${issue.received} 超出范围 ${issue.min}–${issue.max}`
        : `Item ${issue.item}: answer ${issue.received} is outside ${issue.min}–${issue.max}`;
  }
}
