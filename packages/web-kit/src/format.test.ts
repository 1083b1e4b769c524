import { afterEach, describe, expect, it } from 'vitest';
import { currentAcademicYear, formatAcademicYear } from './format.ts';
import { DEFAULT_LOCALE, setLocale } from './i18n/index.ts';

describe('format/academic year', () => {
  afterEach(() => setLocale(DEFAULT_LOCALE));

  it('names an academic year in the current language', () => {
    expect(formatAcademicYear(2026)).toBe('2026–2027 学年');
    setLocale('en');
    expect(formatAcademicYear(2026)).toBe('2026–2027');
  });

  it('turns the year over at midnight on 1 September in China, not in the browser’s time zone', () => {
    expect(currentAcademicYear(new Date('2026-08-31T15:59:00Z'))).toBe(2025);
    expect(currentAcademicYear(new Date('2026-08-31T16:00:00Z'))).toBe(2026);
  });
});
