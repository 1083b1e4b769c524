import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../score';
import { gad7Severity } from './gad7';

function score(answers: number[]) {
  const result = scoreResponse('gad7', answers);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('instruments/gad7', () => {
  it('scores all zeros as total 0, minimal', () => {
    expect(score([0, 0, 0, 0, 0, 0, 0])).toEqual({ instrument: 'gad7', total: 0, severity: 'minimal' });
  });

  it('scores all threes as total 21, severe', () => {
    expect(score([3, 3, 3, 3, 3, 3, 3])).toEqual({ instrument: 'gad7', total: 21, severity: 'severe' });
  });

  it('scores worked examples at the band boundaries', () => {
    // 2 + 2 + 0 + 0 + 0 + 0 + 0 = 4: just below the mild cut-off.
    expect(score([2, 2, 0, 0, 0, 0, 0])).toMatchObject({ total: 4, severity: 'minimal' });
    // 3 + 3 + 3 + 1 = 10: exactly the moderate cut-off.
    expect(score([3, 3, 3, 1, 0, 0, 0])).toMatchObject({ total: 10, severity: 'moderate' });
    // 2 × 7 = 14: still moderate.
    expect(score([2, 2, 2, 2, 2, 2, 2])).toMatchObject({ total: 14, severity: 'moderate' });
    // 3 + 2 × 6 = 15: exactly the severe cut-off.
    expect(score([3, 2, 2, 2, 2, 2, 2])).toMatchObject({ total: 15, severity: 'severe' });
  });

  it('has no moderately severe band', () => {
    expect([5, 9, 10, 15, 19].map(gad7Severity)).toEqual(['mild', 'mild', 'moderate', 'severe', 'severe']);
  });

  it('names a missing and a fractional answer', () => {
    const result = scoreResponse('gad7', [0, Number.NaN, 1.5, 0, 0, 0, 0]);
    expect(result).toEqual({
      ok: false,
      error: [
        { code: 'missing-answer', item: 2 },
        { code: 'answer-not-integer', item: 3, received: '1.5' },
      ],
    });
  });

  it('rejects a response with too few items', () => {
    expect(scoreResponse('gad7', [])).toEqual({
      ok: false,
      error: [{ code: 'wrong-item-count', expected: 7, received: 0 }],
    });
  });
});
