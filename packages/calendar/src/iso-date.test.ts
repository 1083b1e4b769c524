import { afterEach, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  chinaToday,
  fromDayNumber,
  isIsoDate,
  toChinaDate,
  toDayNumber,
  weekdayOf,
} from './iso-date';

const originalTimeZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTimeZone;
});

describe('calendar/iso-date', () => {
  it("gives China's date, which from midnight to 08:00 there is a day ahead of the UTC date", () => {
    expect(chinaToday(new Date('2026-12-06T16:30:00Z'))).toBe('2026-12-07');
    expect(chinaToday(new Date('2026-12-06T15:59:00Z'))).toBe('2026-12-06');
  });

  it('round-trips dates through day numbers', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2026-02-28'))).toBe('2026-02-28');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('knows the day of the week', () => {
    // 2025-01-28 (Spring Festival eve) was a Tuesday; 2026-02-15 a Sunday.
    expect(weekdayOf(toDayNumber('2025-01-28'))).toBe(2);
    expect(weekdayOf(toDayNumber('2026-02-15'))).toBe(0);
  });

  it('refuses strings that are not real YYYY-MM-DD dates', () => {
    expect(['2025-02-29', '2025-2-5', '2025-01-28T00:00:00+08:00', '0099-01-01', ''].map(isIsoDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(() => toDayNumber('2025-13-01')).toThrow('"2025-13-01"');
  });

  it('places an instant near midnight UTC on its date in China', () => {
    // 16:00 UTC is midnight in Beijing: one millisecond before is still the 27th there.
    expect(toChinaDate(new Date('2025-01-27T15:59:59.999Z'))).toBe('2025-01-27');
    expect(toChinaDate(new Date('2025-01-27T16:00:00.000Z'))).toBe('2025-01-28');
    // 23:30 UTC on New Year's Eve is already 07:30 on New Year's Day in China.
    expect(toChinaDate(Date.parse('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });

  it('gives the same China date whatever the time zone of the machine', () => {
    const instant = new Date('2025-09-30T17:00:00Z'); // 01:00 on 1 October in Beijing
    for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC', 'Asia/Shanghai']) {
      process.env.TZ = zone;
      expect(toChinaDate(instant)).toBe('2025-10-01');
    }
    // Guard against a test that cannot fail: the zone switch really changes local time in this process.
    process.env.TZ = 'America/Los_Angeles';
    const losAngelesHour = instant.getHours();
    process.env.TZ = 'Pacific/Kiritimati';
    expect(instant.getHours()).not.toBe(losAngelesHour);
  });

  it('refuses an invalid instant', () => {
    expect(() => toChinaDate(new Date('not a date'))).toThrow(RangeError);
  });
});
