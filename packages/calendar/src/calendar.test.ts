import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from './calendar';
import { CalendarDataError, parseYearSchedule } from './schedule';
import { officialSchedules } from './schedules/index';

const calendar = new WorkingDayCalendar();

describe('calendar/WorkingDayCalendar', () => {
  describe('Spring Festival 2025 (Jan 28 – Feb 4 off; Sun Jan 26 and Sat Feb 8 worked)', () => {
    it('knows which days are worked', () => {
      const days = [
        '2025-01-25',
        '2025-01-26',
        '2025-01-27',
        '2025-01-28',
        '2025-02-04',
        '2025-02-05',
        '2025-02-08',
      ];
      expect(days.map((day) => calendar.isWorkingDay(day))).toEqual([
        false,
        true,
        true,
        false,
        false,
        true,
        true,
      ]);
    });

    it('counts a deadline across the holiday from the Friday before', () => {
      // Flagged Fri Jan 24: Sat 25 off, Sun 26 make-up (1), Mon 27 (2), Jan 28 – Feb 4 off, Wed Feb 5 (3).
      expect(calendar.addWorkingDays('2025-01-24', 3)).toBe('2025-02-05');
      expect(calendar.workingDaysBetween('2025-01-24', '2025-02-05')).toBe(3);
    });
  });

  describe('National Day 2025 (Oct 1–8 off; Sun Sep 28 and Sat Oct 11 worked)', () => {
    it('lands a deadline on the make-up Saturday', () => {
      // Flagged Tue Sep 30: Oct 1–8 off, Thu 9 (1), Fri 10 (2), Sat 11 make-up (3).
      expect(calendar.addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    });

    it('does not count the start day, even when it is a holiday', () => {
      // Flagged on Fri Oct 3 (a holiday): the first working day after it is Thu Oct 9.
      expect(calendar.addWorkingDays('2025-10-03', 1)).toBe('2025-10-09');
    });

    it('counts the make-up Sunday before the holiday', () => {
      // Fri Sep 26 → Sat 27 off, Sun 28 make-up (1), Mon 29 (2).
      expect(calendar.addWorkingDays('2025-09-26', 2)).toBe('2025-09-29');
    });
  });

  describe('Spring Festival 2026 (Feb 15–23 off; Sat Feb 14 and Sat Feb 28 worked)', () => {
    it('counts a deadline across the nine-day holiday', () => {
      // Flagged Fri Feb 13: Sat 14 make-up (1), Feb 15–23 off, Tue 24 (2), Wed 25 (3).
      expect(calendar.addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
    });
  });

  describe('year boundaries', () => {
    it('crosses from 2025 into the 2026 New Year holiday and its make-up Sunday', () => {
      // Tue Dec 30: Wed 31 (1), Jan 1–3 2026 off, Sun Jan 4 make-up (2), Mon Jan 5 (3).
      expect(calendar.addWorkingDays('2025-12-30', 3)).toBe('2026-01-05');
      expect(calendar.workingDaysBetween('2025-12-30', '2026-01-05')).toBe(3);
    });

    it('counts 248 working days in each of 2025 and 2026', () => {
      expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
      expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
    });

    it('falls back to weekends only in a year without a schedule, and says so', () => {
      expect(calendar.coveredYears).toEqual([2025, 2026]);
      expect(calendar.coversYear(2027)).toBe(false);
      // Thu Dec 31 2026 → Fri Jan 1 2027 is a weekday here, as the 2027 notice is not in the calendar.
      expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
    });
  });

  describe('counting rules', () => {
    it('returns the start date for zero days and counts back for negative days', () => {
      expect(calendar.addWorkingDays('2025-10-04', 0)).toBe('2025-10-04');
      // One working day before Wed Feb 5 2025 is Mon Jan 27 (Jan 28 – Feb 4 off).
      expect(calendar.addWorkingDays('2025-02-05', -1)).toBe('2025-01-27');
      expect(calendar.workingDaysBetween('2025-02-05', '2025-01-27')).toBe(-1);
    });

    it('inverts addWorkingDays with workingDaysBetween on every start day of two years', () => {
      for (let day = Date.UTC(2025, 0, 1); day <= Date.UTC(2026, 11, 20); day += 86_400_000) {
        const start = new Date(day).toISOString().slice(0, 10);
        expect(calendar.workingDaysBetween(start, calendar.addWorkingDays(start, 5))).toBe(5);
      }
    });

    it('refuses a fractional number of days and malformed dates', () => {
      expect(() => calendar.addWorkingDays('2025-01-02', 1.5)).toThrow(RangeError);
      expect(() => calendar.isWorkingDay('2025/01/02')).toThrow('"2025/01/02"');
    });
  });

  describe('instants', () => {
    it('places a timestamp near midnight UTC on its Chinese date', () => {
      // 16:30 UTC on Mon Jan 27 2025 is 00:30 on Tue Jan 28 in Beijing: Spring Festival eve, a day off.
      const instant = new Date('2025-01-27T16:30:00Z');
      expect(calendar.isWorkingDay(instant)).toBe(false);
      expect(calendar.describeDay(instant)).toMatchObject({ date: '2025-01-28', kind: 'public-holiday' });
      // Flagged at that moment: the deadline counts from Jan 28, so 1 working day is Wed Feb 5.
      expect(calendar.addWorkingDays(instant, 1)).toBe('2025-02-05');
    });
  });

  describe('school edits', () => {
    const school = WorkingDayCalendar.china([
      { date: '2025-11-14', working: false, note: '校运动会停课' },
      { date: '2025-11-15', working: true, note: '补周五课' },
      { date: '2025-10-08', working: true, note: '学校提前返校' },
    ]);

    it('takes a school day off and a worked Saturday into deadlines', () => {
      // Official calendar from Thu Nov 13: Fri 14 (1), Mon 17 (2).
      expect(calendar.addWorkingDays('2025-11-13', 1)).toBe('2025-11-14');
      // School calendar: Fri 14 off for the sports meet, Sat 15 worked instead (1), Mon 17 (2).
      expect(school.addWorkingDays('2025-11-13', 1)).toBe('2025-11-15');
      expect(school.addWorkingDays('2025-11-13', 2)).toBe('2025-11-17');
      expect(school.describeDay('2025-11-14')).toEqual({
        date: '2025-11-14',
        working: false,
        kind: 'school-day-off',
        note: '校运动会停课',
      });
    });

    it('lets a school edit win over the official schedule', () => {
      expect(calendar.isWorkingDay('2025-10-08')).toBe(false);
      expect(school.isWorkingDay('2025-10-08')).toBe(true);
      expect(school.addWorkingDays('2025-09-30', 1)).toBe('2025-10-08');
    });

    it('describes official days with the holiday name', () => {
      expect(school.describeDay('2025-09-28')).toEqual({
        date: '2025-09-28',
        working: true,
        kind: 'make-up-workday',
        name: { zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' },
      });
    });

    it('refuses a malformed or duplicated edit, naming the date', () => {
      expect(() => WorkingDayCalendar.china([{ date: '2025-11-31', working: false }])).toThrow(
        '"2025-11-31"',
      );
      const twice = [
        { date: '2025-11-14', working: false },
        { date: '2025-11-14', working: true },
      ];
      expect(() => WorkingDayCalendar.china(twice)).toThrow(CalendarDataError);
    });
  });

  describe('schedules', () => {
    it('takes a later year supplied by a school until the official notice ships', () => {
      // Test data only, not a real notice: one day off on Wed Jan 2 2030.
      const supplied = parseYearSchedule({
        year: 2030,
        source: { title: '测试用日程', issuer: '测试学校', published: '2029-11-01' },
        holidays: [{ name: { zh: '测试', en: 'Test' }, from: '2030-01-02', to: '2030-01-02' }],
        makeUpWorkdays: [],
      });
      const extended = new WorkingDayCalendar({ schedules: [...officialSchedules, supplied] });
      expect(extended.coversYear(2030)).toBe(true);
      expect(extended.isWorkingDay('2030-01-02')).toBe(false);
      expect(extended.isWorkingDay('2025-01-28')).toBe(false);
    });

    it('refuses two schedules for the same year', () => {
      const twice = [...officialSchedules, officialSchedules[0]!];
      expect(() => new WorkingDayCalendar({ schedules: twice })).toThrow('Two schedules for the year 2025');
    });
  });
});
