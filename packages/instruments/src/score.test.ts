import { describe, expect, it } from 'vitest';
import { instrumentIds, instruments, isInstrumentId } from './catalogue';
import type { InstrumentId } from './core/types';
import { scoreResponse } from './score';

describe('instruments/scoreResponse', () => {
  it('refuses an unknown instrument id coming from outside the type system', () => {
    const result = scoreResponse('bdi' as InstrumentId, [1, 2, 3]);
    expect(result).toEqual({ ok: false, error: [{ code: 'unknown-instrument', received: 'bdi' }] });
  });

  it('accepts typed arrays, as an importer may parse rows into them', () => {
    const result = scoreResponse('phq9', Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1]));
    expect(result).toEqual({ ok: true, value: { instrument: 'phq9', total: 9, item9: 1, severity: 'mild' } });
  });
});

describe('instruments/catalogue', () => {
  it('lists each instrument with as many items as it scores', () => {
    expect(instrumentIds.map((id) => [id, instruments[id].itemCount, instruments[id].items.length])).toEqual([
      ['upi', 64, 64],
      ['phq9', 9, 9],
      ['gad7', 7, 7],
      ['scl90', 90, 90],
    ]);
  });

  it('offers one answer option per value of the answer range', () => {
    for (const id of instrumentIds) {
      const { answerRange, answerOptions } = instruments[id];
      const values = answerOptions.map((option) => option.value);
      expect(values).toEqual(
        Array.from({ length: answerRange.max - answerRange.min + 1 }, (_, i) => answerRange.min + i),
      );
    }
  });

  it('marks the self-harm items as flagged', () => {
    const flagged = instrumentIds.map((id) =>
      instruments[id].items.filter((item) => item.roles.includes('flagged')).map((item) => item.number),
    );
    expect(flagged).toEqual([[25], [9], [], [15]]);
  });

  it('marks the UPI lie, key and extra items', () => {
    const withRole = (role: 'lie' | 'key' | 'extra') =>
      instruments.upi.items.filter((item) => item.roles.includes(role)).map((item) => item.number);
    expect(withRole('lie')).toEqual([5, 20, 35, 50]);
    expect(withRole('key')).toEqual([8, 16, 25, 26]);
    expect(withRole('extra')).toEqual([61, 62, 63, 64]);
  });

  it('recognises instrument ids and nothing inherited', () => {
    expect(['upi', 'scl90', 'SCL-90', 'toString'].map(isInstrumentId)).toEqual([true, true, false, false]);
  });
});
