import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../score';

/** A 64-answer UPI response with "yes" (1) on the given items and "no" (0) elsewhere. */
function yesOn(...items: number[]): number[] {
  const answers = new Array<number>(64).fill(0);
  for (const item of items) answers[item - 1] = 1;
  return answers;
}

function score(answers: number[], asksForCounselling?: boolean) {
  const result = scoreResponse('upi', answers, { asksForCounselling });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('instruments/upi', () => {
  it('scores an all-no response as zero everywhere', () => {
    expect(score(yesOn())).toEqual({
      instrument: 'upi',
      total: 0,
      item25: 0,
      keyItemsYes: 0,
      extraItemsYes: 0,
      asksForCounselling: false,
    });
  });

  it('caps an all-yes response at 56 because the 4 lie items are not scored', () => {
    // 60 main items yes, minus lie items 5, 20, 35, 50 = 56; key items 8, 16, 26 = 3; extra items 61-64 = 4.
    const all = yesOn(...Array.from({ length: 64 }, (_, i) => i + 1));
    expect(score(all)).toMatchObject({ total: 56, item25: 1, keyItemsYes: 3, extraItemsYes: 4 });
  });

  it('ignores the lie items', () => {
    expect(score(yesOn(5, 20, 35, 50)).total).toBe(0);
  });

  it('keeps the extra items 61-64 out of the total', () => {
    // Items 61 and 63 yes: counted as extra items only.
    expect(score(yesOn(61, 63))).toMatchObject({ total: 0, extraItemsYes: 2 });
  });

  it('scores a worked example with key items, a lie item and an extra item', () => {
    // Yes on 8, 16, 22, 23, 24, 31, 36, 38, 44 (nine scored items), 50 (lie item: not scored) and 61 (extra item).
    // total = 9; key items yes: 8 and 16 = 2 (26 is no); item 25 is no; extra items yes: 61 = 1.
    expect(score(yesOn(8, 16, 22, 23, 24, 31, 36, 38, 44, 50, 61))).toEqual({
      instrument: 'upi',
      total: 9,
      item25: 0,
      keyItemsYes: 2,
      extraItemsYes: 1,
      asksForCounselling: false,
    });
  });

  it('reaches 25 with yes on items 1-27', () => {
    // Items 1-27 are 27 answers, of which 5 and 20 are lie items: 27 - 2 = 25.
    // Item 25 is among them, and so are all of the key items 8, 16, 26.
    const answers = yesOn(...Array.from({ length: 27 }, (_, i) => i + 1));
    expect(score(answers)).toMatchObject({ total: 25, item25: 1, keyItemsYes: 3, extraItemsYes: 0 });
  });

  it('reports item 25 on its own, not among the key items count', () => {
    // Only item 25 (thoughts of ending one's life) yes: total 1, item25 = 1, the key items count stays 0.
    expect(score(yesOn(25))).toMatchObject({ total: 1, item25: 1, keyItemsYes: 0 });
  });

  it('carries a request for counselling given as an option', () => {
    expect(score(yesOn(), true).asksForCounselling).toBe(true);
  });

  it('rejects a response without the 4 extra items', () => {
    const result = scoreResponse('upi', new Array(60).fill(0));
    expect(result).toEqual({ ok: false, error: [{ code: 'wrong-item-count', expected: 64, received: 60 }] });
  });

  it('names the item whose answer is not yes or no', () => {
    const answers = yesOn();
    answers[6] = 2;
    const result = scoreResponse('upi', answers);
    expect(result).toEqual({
      ok: false,
      error: [{ code: 'answer-out-of-range', item: 7, received: 2, min: 0, max: 1 }],
    });
  });
});
