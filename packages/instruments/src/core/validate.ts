import type { ValidationIssue } from './issues';

/**
 * Checks that a response has exactly `itemCount` whole-number answers within [min, max].
 * Returns undefined when the response is valid (allocating nothing), otherwise every issue found;
 * a wrong item count is reported alone, since item numbers would not line up.
 * @example validateAnswers([0, 1, 4], 3, 0, 3) // [{ code: 'answer-out-of-range', item: 3, received: 4, min: 0, max: 3 }]
 */
export function validateAnswers(
  answers: ArrayLike<unknown>,
  itemCount: number,
  min: number,
  max: number,
): ValidationIssue[] | undefined {
  if (answers.length !== itemCount) {
    return [{ code: 'wrong-item-count', expected: itemCount, received: answers.length }];
  }
  let issues: ValidationIssue[] | undefined;
  for (let index = 0; index < itemCount; index++) {
    const answer = answers[index];
    if (Number.isInteger(answer) && (answer as number) >= min && (answer as number) <= max) continue;
    issues = issues ?? [];
    issues.push(answerIssue(answer, index + 1, min, max));
  }
  return issues;
}

function answerIssue(answer: unknown, item: number, min: number, max: number): ValidationIssue {
  if (answer === undefined || answer === null || answer === '' || Number.isNaN(answer)) {
    return { code: 'missing-answer', item };
  }
  if (typeof answer !== 'number' || !Number.isInteger(answer)) {
    return { code: 'answer-not-integer', item, received: String(answer) };
  }
  return { code: 'answer-out-of-range', item, received: answer, min, max };
}
