import { describe, expect, it } from 'vitest';
import { apportion, createRandom, weightedPicker } from './random.ts';

describe('random', () => {
  it('repeats the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: string) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => random.next());
    };
    expect(draw('hrbmu:1')).toEqual(draw('hrbmu:1'));
    expect(draw('hrbmu:1')).not.toEqual(draw('hrbmu:2'));
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const random = createRandom('bounds');
    const seen = new Set(Array.from({ length: 500 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('draws digits of the asked length, leading zeros kept', () => {
    const random = createRandom('digits');
    const values = Array.from({ length: 200 }, () => random.digits(10));
    expect(values.every((v) => /^\d{10}$/.test(v))).toBe(true);
    expect(values.some((v) => v.startsWith('0'))).toBe(true);
  });

  it('weightedPicker draws in proportion to the weights', () => {
    const random = createRandom('weights');
    const pick = weightedPicker([
      ['a', 3],
      ['b', 1],
    ] as const);
    const draws = Array.from({ length: 4000 }, () => pick(random));
    const share = draws.filter((d) => d === 'a').length / draws.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
  });

  it('apportion splits a total exactly, in proportion', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(5000, [1.6, 1, 0.6]).reduce((a, b) => a + b, 0)).toBe(5000);
    expect(apportion(0, [])).toEqual([]);
  });
});
