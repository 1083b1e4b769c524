import { setLocale } from '@xinqiao/web-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDeadline } from './deadline.ts';

describe('triage deadlines', () => {
  afterEach(() => setLocale('zh-CN'));

  it('shows a working-day deadline as the end of its own day, not the next day at 00:00', () => {
    expect(formatDeadline('2026-12-07T16:00:00.000Z')).toMatch(/12月7日 24:00$/);
    setLocale('en');
    expect(formatDeadline('2026-12-07T16:00:00.000Z')).toBe('Dec 7, 2026, end of day');
  });

  it('shows a deadline in minutes as it is', () => {
    expect(formatDeadline('2026-12-06T07:03:00.000Z')).toMatch(/12月6日 15:03$/);
  });
});
