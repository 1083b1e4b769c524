import { describe, expect, it } from 'vitest';
import { chinaDate } from './dates.ts';

describe('chinaDate', () => {
  it("gives China's calendar date, not the browser's", () => {
    expect(chinaDate(new Date('2025-03-31T20:00:00Z'))).toBe('2025-04-01');
    expect(chinaDate(new Date('2025-03-31T10:00:00Z'))).toBe('2025-03-31');
  });

  it('counts days forward', () => {
    expect(chinaDate(new Date('2025-02-27T01:00:00Z'), 3)).toBe('2025-03-02');
  });
});
