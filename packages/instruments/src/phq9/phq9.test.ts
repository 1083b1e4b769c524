import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../score';
import { phq9Severity } from './phq9';

function score(answers: number[]) {
  const result = scoreResponse('phq9', answers);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('instruments/phq9', () => {
  it('scores all zeros as total 0, minimal', () => {
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual({
      instrument: 'phq9',
      total: 0,
      item9: 0,
      severity: 'minimal',
    });
  });

  it('scores all threes as total 27, severe', () => {
    expect(score([3, 3, 3, 3, 3, 3, 3, 3, 3])).toEqual({
      instrument: 'phq9',
      total: 27,
      item9: 3,
      severity: 'severe',
    });
  });

  it('scores a worked example in the moderate band', () => {
    // 3 + 3 + 2 + 2 + 1 + 1 + 1 + 1 + 0 = 14: at least 10 and below 15, so moderate; item 9 is 0.
    expect(score([3, 3, 2, 2, 1, 1, 1, 1, 0])).toEqual({
      instrument: 'phq9',
      total: 14,
      item9: 0,
      severity: 'moderate',
    });
  });

  it('keeps item 9 visible when the total is minimal', () => {
    // Only item 9 at 1 ("several days"): total 1 is minimal, yet item9 = 1 must reach the tier rules.
    expect(score([0, 0, 0, 0, 0, 0, 0, 0, 1])).toMatchObject({ total: 1, item9: 1, severity: 'minimal' });
  });

  it('puts each band boundary in the higher band', () => {
    const bands = [4, 5, 9, 10, 14, 15, 19, 20].map(phq9Severity);
    expect(bands).toEqual([
      'minimal',
      'mild',
      'mild',
      'moderate',
      'moderate',
      'moderately-severe',
      'moderately-severe',
      'severe',
    ]);
  });

  it('gives the band through scoreResponse too', () => {
    // 1 × 5 items = 5, exactly the mild cut-off.
    expect(score([1, 1, 1, 1, 1, 0, 0, 0, 0]).severity).toBe('mild');
    // 3 + 3 + 3 + 3 + 3 + 3 + 2 = 20, exactly the severe cut-off.
    expect(score([3, 3, 3, 3, 3, 3, 2, 0, 0]).severity).toBe('severe');
  });

  it('names every out-of-range item', () => {
    const result = scoreResponse('phq9', [0, 4, 0, 0, 0, 0, 0, 0, -1]);
    expect(result).toEqual({
      ok: false,
      error: [
        { code: 'answer-out-of-range', item: 2, received: 4, min: 0, max: 3 },
        { code: 'answer-out-of-range', item: 9, received: -1, min: 0, max: 3 },
      ],
    });
  });

  it('rejects a response with too many items', () => {
    const result = scoreResponse('phq9', new Array(10).fill(0));
    expect(result).toEqual({ ok: false, error: [{ code: 'wrong-item-count', expected: 9, received: 10 }] });
  });
});
