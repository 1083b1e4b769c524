import { describe, expect, it } from 'vitest';
import { spanText, stepClock } from './timers.ts';

const now = new Date('2026-12-06T10:00:00Z');
const open = (dueAt: string) => ({ dueAt, doneAt: null, waivedAt: null });

describe('a crisis step’s clock', () => {
  it('counts down to the due time in whole minutes, rounding towards the deadline', () => {
    expect(stepClock(open('2026-12-06T10:15:00Z'), now)).toEqual({ state: 'running', minutesLeft: 15 });
    expect(stepClock(open('2026-12-06T10:00:30Z'), now)).toEqual({ state: 'running', minutesLeft: 1 });
  });

  it('counts up once the step is late', () => {
    expect(stepClock(open('2026-12-06T08:55:00Z'), now)).toEqual({ state: 'late', minutesLate: 65 });
  });

  it('stops when the step is done or waived, late or not', () => {
    expect(stepClock({ ...open('2026-12-06T08:00:00Z'), doneAt: '2026-12-06T09:00:00Z' }, now)).toEqual({
      state: 'done',
    });
    expect(stepClock({ ...open('2026-12-06T08:00:00Z'), waivedAt: '2026-12-06T09:00:00Z' }, now)).toEqual({
      state: 'waived',
    });
  });
});

describe('a span in words', () => {
  it('gives the largest two parts in the reader’s language', () => {
    expect(spanText(7, 'zh-CN')).toBe('7 分钟');
    expect(spanText(65, 'zh-CN')).toBe('1 小时 5 分钟');
    expect(spanText(60 * 24 + 120 + 5, 'en')).toBe('1 d 2 h');
    expect(spanText(60 * 24 * 3, 'en')).toBe('3 d');
  });
});
