import { describe, expect, it } from 'vitest';
import { eventPhase, STORED_RECORD_KINDS, storedRecordKind } from './kinds.ts';

// 19:00 in Beijing on 3 March 2025 is 11:00 UTC.
const meeting = { status: 'scheduled', startsAt: new Date('2025-03-03T11:00:00Z'), endsAt: null };

describe('alliance/kinds: event phase', () => {
  it('says upcoming before the start and under way from the start to the end of that day in China', () => {
    expect(eventPhase(meeting, new Date('2025-03-03T10:59:00Z'))).toBe('upcoming');
    expect(eventPhase(meeting, new Date('2025-03-03T11:00:00Z'))).toBe('under-way');
    expect(eventPhase(meeting, new Date('2025-03-03T15:59:00Z'))).toBe('under-way'); // 23:59 Beijing
  });

  it('says a past meeting nobody closed is awaiting close, not scheduled', () => {
    expect(eventPhase(meeting, new Date('2025-03-03T16:00:00Z'))).toBe('awaiting-close'); // 00:00 Beijing
    expect(eventPhase({ ...meeting, status: 'open' }, new Date('2025-03-10T11:00:00Z'))).toBe(
      'awaiting-close',
    );
  });

  it('uses the end time when there is one, and closed wins over the time', () => {
    const task = { status: 'open', startsAt: meeting.startsAt, endsAt: new Date('2025-03-05T11:00:00Z') };
    expect(eventPhase(task, new Date('2025-03-05T10:00:00Z'))).toBe('under-way');
    expect(eventPhase(task, new Date('2025-03-05T12:00:00Z'))).toBe('awaiting-close');
    expect(eventPhase({ ...task, status: 'closed' }, new Date('2025-03-04T00:00:00Z'))).toBe('closed');
  });
});

describe('alliance/kinds: stored record kinds', () => {
  it('lists each contribution and finding variant once, and refuses a kind the API never writes', () => {
    expect(STORED_RECORD_KINDS).toContain('activity-contribution:took-part');
    expect(STORED_RECORD_KINDS).toContain('finding:failedCourseThisTerm');
    expect(new Set(STORED_RECORD_KINDS).size).toBe(STORED_RECORD_KINDS.length);
    expect(storedRecordKind('reward')).toBe('reward');
    expect(() => storedRecordKind('finding:made-up')).toThrow(/not a kind/);
  });
});
