import { describe, expect, it } from 'vitest';
import { describeIssue } from './issues';

describe('instruments/describeIssue', () => {
  it('words issues in Chinese by default', () => {
    expect(describeIssue({ code: 'answer-out-of-range', item: 12, received: 7, min: 1, max: 5 })).toBe(
      '第 12 题的答案 7 超出范围 1–5',
    );
    expect(describeIssue({ code: 'wrong-item-count', expected: 64, received: 60 })).toBe(
      '题目数量不对：应为 64 题，实际为 60 题',
    );
  });

  it('words issues in English on request', () => {
    expect(describeIssue({ code: 'missing-answer', item: 3 }, 'en')).toBe('Item 3 has no answer');
  });
});
