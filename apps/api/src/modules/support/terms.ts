import { chinaToday, type IsoDate } from '@xinqiao/calendar';

/**
 * A term as the grades feed writes it: `2026-2027-1` (the academic year starting in September 2026, term 1 autumn,
 * term 2 spring).
 */
export type TermKey = string;

export const TERM_PATTERN = /^(\d{4})-(\d{4})-([12])$/;

/** Whether a string is a term key of consecutive years. */
export function isTermKey(value: string): boolean {
  const match = TERM_PATTERN.exec(value);
  return !!match && Number(match[2]) === Number(match[1]) + 1;
}

/**
 * The term a day falls in: September–January autumn (1), February–August spring (2).
 *
 * @example termOf('2026-12-06') // '2026-2027-1'
 */
export function termOf(day: IsoDate): TermKey {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month >= 9) return `${year}-${year + 1}-1`;
  if (month === 1) return `${year - 1}-${year}-1`;
  return `${year - 1}-${year}-2`;
}

/** The term of today in China. */
export const currentTerm = (now: Date): TermKey => termOf(chinaToday(now));

/**
 * The last teaching day of a term, from which the head teacher evaluates the support (班主任效果评价): 10 January for
 * the autumn term, 5 July for the spring term — the end of the examination weeks in most Chinese universities.
 *
 * @example termEnd('2026-2027-1') // '2027-01-10'
 */
export function termEnd(term: TermKey): IsoDate {
  const [start, end, part] = term.split('-');
  return part === '1' ? `${end}-01-10` : `${end ?? start}-07-05`;
}

/** How the term is written on the card: `2026-2027学年第一学期`. */
export function termLabel(term: TermKey): string {
  const [start, end, part] = term.split('-');
  return `${start}-${end}学年第${part === '1' ? '一' : '二'}学期`;
}
