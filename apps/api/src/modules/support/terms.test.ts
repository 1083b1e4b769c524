import { describe, expect, it } from 'vitest';
import { isTermKey, termEnd, termLabel, termOf } from './terms.ts';

describe('support/terms', () => {
  it('puts September to January in the autumn term and February to August in the spring term', () => {
    expect(termOf('2026-09-01')).toBe('2026-2027-1');
    expect(termOf('2027-01-31')).toBe('2026-2027-1');
    expect(termOf('2027-02-01')).toBe('2026-2027-2');
    expect(termOf('2027-08-31')).toBe('2026-2027-2');
  });

  it('ends the autumn term on 10 January and the spring term on 5 July, and writes the term as the card does', () => {
    expect(termEnd('2026-2027-1')).toBe('2027-01-10');
    expect(termEnd('2026-2027-2')).toBe('2027-07-05');
    expect(termLabel('2026-2027-1')).toBe('2026-2027学年第一学期');
  });

  it('accepts only terms of consecutive years', () => {
    expect(isTermKey('2026-2027-2')).toBe(true);
    expect(isTermKey('2026-2028-1')).toBe(false);
    expect(isTermKey('2026-2027-3')).toBe(false);
  });
});
