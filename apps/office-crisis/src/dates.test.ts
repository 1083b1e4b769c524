import { describe, expect, it } from 'vitest';
import { instantOf, localInputValue } from './dates.ts';

describe('date-time inputs', () => {
  it('round-trips a moment through the input value, to the minute', () => {
    const when = new Date(2026, 11, 6, 9, 5);
    expect(localInputValue(when)).toBe('2026-12-06T09:05');
    expect(instantOf(localInputValue(when))).toBe(when.toISOString());
  });

  it('gives nothing for an empty or broken value, so the API names the field', () => {
    expect(instantOf('')).toBe('');
    expect(instantOf('not a date')).toBe('');
  });
});
