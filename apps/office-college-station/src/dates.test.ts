import { describe, expect, it } from 'vitest';
import { chinaDate, chinaLocalDateTime, fromChinaLocalDateTime } from './dates.ts';

describe('chinaDate', () => {
  it("gives China's calendar date, not the browser's", () => {
    expect(chinaDate(new Date('2025-03-31T20:00:00Z'))).toBe('2025-04-01');
    expect(chinaDate(new Date('2025-03-31T10:00:00Z'))).toBe('2025-03-31');
  });

  it('counts days forward', () => {
    expect(chinaDate(new Date('2025-02-27T01:00:00Z'), 3)).toBe('2025-03-02');
  });
});

describe('chinaLocalDateTime', () => {
  it('shows a moment as the wall-clock time in China, and sends it back with the +08:00 offset', () => {
    const shown = chinaLocalDateTime(new Date('2025-03-31T20:05:00Z'));
    expect(shown).toBe('2025-04-01T04:05');
    expect(new Date(fromChinaLocalDateTime(shown)).toISOString()).toBe('2025-03-31T20:05:00.000Z');
  });
});
