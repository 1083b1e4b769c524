import { afterEach, describe, expect, it } from 'vitest';
import { academicDate, academicYear, academicYearLabel, academicYearOf } from './academic-year';

const originalTimeZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTimeZone;
});

describe('calendar/academic-year', () => {
  it('starts a new year at 00:00 on 1 September in China, which is still 31 August in UTC', () => {
    // 23:59 on 31 August in Beijing is 15:59 UTC; 00:00 on 1 September is 16:00 UTC on 31 August.
    expect(academicYearOf(new Date('2026-08-31T15:59:00Z')).start).toBe(2025);
    expect(academicYearOf(new Date('2026-08-31T16:00:00Z')).start).toBe(2026);
  });

  it('keeps August in the year begun the September before', () => {
    expect(academicYearOf('2026-08-01').label).toBe('2025–2026 学年');
    expect(academicYearOf('2026-08-31').start).toBe(2025);
    expect(academicYearOf('2026-09-01').start).toBe(2026);
    expect(academicYearOf('2027-01-15').start).toBe(2026);
    expect(academicYearOf('2027-07-31').start).toBe(2026);
  });

  it('answers the same in any time zone of the machine', () => {
    const lateInBeijing = new Date('2026-08-31T16:30:00Z'); // 00:30 on 1 September in Beijing
    for (const zone of ['America/Los_Angeles', 'UTC', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      process.env.TZ = zone;
      expect(academicYearOf(lateInBeijing).start).toBe(2026);
    }
  });

  it('names a year and its first and last day', () => {
    expect(academicYear(2026)).toEqual({
      start: 2026,
      firstDay: '2026-09-01',
      lastDay: '2027-08-31',
      label: '2026–2027 学年',
    });
    expect(academicYearLabel(2026, 'en')).toBe('2026–2027');
  });

  it('dates a month and day within a year: September to December first, January to August second', () => {
    expect(academicDate(2026, '09-15')).toBe('2026-09-15');
    expect(academicDate(2026, '12-31')).toBe('2026-12-31');
    expect(academicDate(2026, '03-01')).toBe('2027-03-01');
    expect(academicDate(2026, '08-20')).toBe('2027-08-20');
  });

  it('refuses what is not a date or a year', () => {
    expect(() => academicYearOf('2026-02-30')).toThrow('"2026-02-30"');
    expect(() => academicYearOf(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => academicYear(2026.5)).toThrow(RangeError);
  });
});
