import { describe, expect, it } from 'vitest';
import { toDayNumber, weekdayOf } from '../iso-date';
import { CalendarDataError, parseYearSchedule } from '../schedule';
import { officialSchedules } from './index';

/** Days off given by law each year since 2025 (全国年节及纪念日放假办法, 2024 revision): 1+4+1+2+1+1+3. */
const STATUTORY_DAYS_OFF = 13;

function weekdaysIn(year: number): number {
  let count = 0;
  for (let day = toDayNumber(`${year}-01-01`); day <= toDayNumber(`${year}-12-31`); day++) {
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

function daysOffOnWeekdays(holidays: readonly { from: string; to: string }[]): number {
  let count = 0;
  for (const range of holidays) {
    for (let day = toDayNumber(range.from); day <= toDayNumber(range.to); day++) {
      const weekday = weekdayOf(day);
      if (weekday !== 0 && weekday !== 6) count++;
    }
  }
  return count;
}

describe('calendar/official schedules', () => {
  it('ships 2025 and 2026, each naming its State Council notice', () => {
    expect(officialSchedules.map((schedule) => [schedule.year, schedule.source.title])).toEqual([
      [2025, '国务院办公厅关于2025年部分节假日安排的通知'],
      [2026, '国务院办公厅关于2026年部分节假日安排的通知'],
    ]);
  });

  it('puts every make-up working day on a weekend', () => {
    for (const schedule of officialSchedules) {
      for (const workday of schedule.makeUpWorkdays) {
        expect([0, 6], workday.date).toContain(weekdayOf(toDayNumber(workday.date)));
      }
    }
  });

  it('balances to exactly the 13 statutory days off of the year', () => {
    // Make-up days pay back every borrowed weekday, so weekdays off minus make-up days = the statutory 13.
    for (const schedule of officialSchedules) {
      const net = daysOffOnWeekdays(schedule.holidays) - schedule.makeUpWorkdays.length;
      expect(net, String(schedule.year)).toBe(STATUTORY_DAYS_OFF);
      expect(weekdaysIn(schedule.year) - net, String(schedule.year)).toBe(248);
    }
  });

  it('has the holiday lengths the notices state (共N天)', () => {
    const lengths = officialSchedules.map((schedule) =>
      schedule.holidays.map(
        (range) => `${range.name.zh} ${toDayNumber(range.to) - toDayNumber(range.from) + 1}`,
      ),
    );
    expect(lengths).toEqual([
      ['元旦 1', '春节 8', '清明节 3', '劳动节 5', '端午节 3', '国庆节、中秋节 8'],
      ['元旦 3', '春节 9', '清明节 3', '劳动节 5', '端午节 3', '中秋节 3', '国庆节 7'],
    ]);
  });

  it('names the bad field of a malformed schedule', () => {
    const bad = {
      year: 2027,
      source: { title: 't', issuer: 'i', published: '2026-11-01' },
      holidays: [{ name: { zh: '春节', en: 'Spring Festival' }, from: '2027-02-10', to: '2027-02-31' }],
      makeUpWorkdays: [],
    };
    expect(() => parseYearSchedule(bad)).toThrow(CalendarDataError);
    expect(() => parseYearSchedule(bad)).toThrow('schedule 2027: holidays[0].to');
  });
});
