import { describe, expect, it } from 'vitest';
import { boundedTotal, COUNT_LIMIT, containsPattern, countBound, prefixPattern } from './pagination.ts';

describe('http/pagination LIKE patterns', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(containsPattern('张三')).toBe('%张三%');
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
    expect(prefixPattern('/r_1/')).toBe('/r\\_1/%');
  });
});

describe('http/pagination bounded totals', () => {
  it('counts at least COUNT_LIMIT rows, and ten pages past a page further on', () => {
    expect(countBound({ page: 1, pageSize: 50 })).toBe(COUNT_LIMIT);
    expect(countBound({ page: 100, pageSize: 50 })).toBe(99 * 50 + 11 * 50);
  });

  it('answers the count when it stayed within the bound, and the bound as a lower bound when it did not', () => {
    expect(boundedTotal(1066, 2000)).toEqual({ total: 1066, totalExact: true });
    expect(boundedTotal(2000, 2000)).toEqual({ total: 2000, totalExact: true });
    expect(boundedTotal(2001, 2000)).toEqual({ total: 2000, totalExact: false });
  });
});
