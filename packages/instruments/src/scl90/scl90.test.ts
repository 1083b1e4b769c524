import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../score';
import { SCL90_FACTORS } from './factors';

/** A 90-answer SCL-90 response: `base` everywhere, then the given item → answer overrides. */
function response(base: number, overrides: Record<number, number> = {}): number[] {
  const answers = new Array<number>(90).fill(base);
  for (const [item, answer] of Object.entries(overrides)) answers[Number(item) - 1] = answer;
  return answers;
}

function score(answers: number[]) {
  const result = scoreResponse('scl90', answers);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const DEPRESSION_ITEMS = [5, 14, 15, 20, 22, 26, 29, 30, 31, 32, 54, 71, 79];

describe('instruments/scl90', () => {
  it('assigns every item 1-90 to exactly one of the ten factors', () => {
    const items = SCL90_FACTORS.flatMap((factor) => factor.items).sort((a, b) => a - b);
    expect(items).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    expect(SCL90_FACTORS.map((factor) => factor.items.length)).toEqual([12, 10, 9, 13, 10, 6, 7, 6, 10, 7]);
  });

  it('scores all ones (no symptoms) as total 90, GSI 1, no positive items', () => {
    const result = score(response(1));
    expect(result).toMatchObject({
      total: 90,
      gsi: 1,
      positiveItemCount: 0,
      positiveSymptomAverage: 0,
      maxFactorScore: 1,
      item15: 1,
    });
    expect(Object.values(result.factors)).toEqual(new Array(10).fill(1));
  });

  it('scores all fives as total 450, GSI 5, 90 positive items', () => {
    const result = score(response(5));
    expect(result).toMatchObject({
      total: 450,
      gsi: 5,
      positiveItemCount: 90,
      positiveSymptomAverage: 5,
      maxFactorScore: 5,
      item15: 5,
    });
    expect(Object.values(result.factors)).toEqual(new Array(10).fill(5));
  });

  it('scores a worked example with raised depression items and item 15 at 5', () => {
    // All items 1 except the 13 depression items: item 15 = 5, the other 12 = 3.
    // total = 77 × 1 + 12 × 3 + 5 = 118; GSI = 118 / 90; positive items = 13 (all depression items);
    // positive symptom average = (12 × 3 + 5) / 13 = 41 / 13; depression factor = 41 / 13 too; the others stay 1.
    const overrides = Object.fromEntries(DEPRESSION_ITEMS.map((item) => [item, item === 15 ? 5 : 3]));
    const result = score(response(1, overrides));
    expect(result.total).toBe(118);
    expect(result.gsi).toBeCloseTo(118 / 90, 12);
    expect(result.positiveItemCount).toBe(13);
    expect(result.positiveSymptomAverage).toBeCloseTo(41 / 13, 12);
    expect(result.factors.depression).toBeCloseTo(41 / 13, 12);
    expect(result.factors.anxiety).toBe(1);
    expect(result.maxFactorScore).toBeCloseTo(41 / 13, 12);
    expect(result.item15).toBe(5);
  });

  it('scores a worked example with 44 positive items, over the Chinese norm of 43', () => {
    // Items 1-44 = 2, items 45-90 = 1: total = 44 × 2 + 46 × 1 = 134; positive items = 44; their average = 2.
    // Somatization items 1, 4, 12, 27, 40, 42 are ≤ 44 (2 each), 48, 49, 52, 53, 56, 58 are not (1 each):
    // (6 × 2 + 6 × 1) / 12 = 1.5. Hostility items 11, 24 are ≤ 44, 63, 67, 74, 81 not: (2 × 2 + 4) / 6 = 4 / 3.
    const overrides = Object.fromEntries(Array.from({ length: 44 }, (_, i) => [i + 1, 2]));
    const result = score(response(1, overrides));
    expect(result).toMatchObject({ total: 134, positiveItemCount: 44, positiveSymptomAverage: 2, item15: 2 });
    expect(result.factors.somatization).toBe(1.5);
    expect(result.factors.hostility).toBeCloseTo(4 / 3, 12);
  });

  it("leaves the 'other' additional items out of the highest factor score", () => {
    // Only the 7 'other' items (sleep, appetite, ...) at 4: factors.other = 4, but maxFactorScore stays 1.
    const overrides = Object.fromEntries([19, 44, 59, 60, 64, 66, 89].map((item) => [item, 4]));
    const result = score(response(1, overrides));
    expect(result.factors.other).toBe(4);
    expect(result.maxFactorScore).toBe(1);
    expect(result.total).toBe(83 + 7 * 4);
  });

  it('rejects answers on a 0-4 scale, naming the item', () => {
    const result = scoreResponse('scl90', response(1, { 1: 0 }));
    expect(result).toEqual({
      ok: false,
      error: [{ code: 'answer-out-of-range', item: 1, received: 0, min: 1, max: 5 }],
    });
  });

  it('rejects a response with a wrong item count', () => {
    expect(scoreResponse('scl90', new Array(89).fill(1))).toEqual({
      ok: false,
      error: [{ code: 'wrong-item-count', expected: 90, received: 89 }],
    });
  });
});
