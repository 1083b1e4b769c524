/**
 * The academic year a date falls in, named by the calendar year it starts: Chinese universities start the year in
 * September, so 2025-03-03 is in academic year 2024 and 2025-09-01 in 2025.
 *
 * @example
 * academicYearOf(new Date('2025-03-03')) // 2024
 */
export function academicYearOf(date: Date): number {
  const year = date.getUTCFullYear();
  return date.getUTCMonth() >= 8 ? year : year - 1;
}
