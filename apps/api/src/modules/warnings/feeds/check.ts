import type { FeedKind } from '@xinqiao/db';
import type { GpaFormula } from '@xinqiao/policy';
import { message, type RowError } from '../../../http/problem.ts';
import type { ActivityRow, CardRow, FeedRow, GradeRow } from './columns.ts';

/** A validated row and the row number the user sees (a file's spreadsheet row, or 1 + the index in a JSON batch). */
export interface NumberedRow<F extends FeedKind> {
  rowNumber: number;
  record: FeedRow<F>;
}

/** A row ready to store: its student resolved. */
export type Resolved<F extends FeedKind> = FeedRow<F> & { studentId: string };

/** What the checks need to know of the school: its students by number, its grade scale, the time now. */
export interface FeedContext {
  studentIds: ReadonlyMap<string, string>;
  formula: GpaFormula | null;
  now: Date;
  /** The header each key was written with (a file), or the key itself (JSON). */
  columnOf(key: string): string;
}

/** A few minutes' grace for clocks of the campus systems that run ahead. */
const FUTURE_GRACE_MS = 5 * 60_000;

function keyOf(kind: FeedKind, row: GradeRow | CardRow | ActivityRow): string {
  if (kind === 'grades') {
    const g = row as GradeRow;
    return `${g.studentNumber}|${g.term}|${g.courseCode}|${g.resit ?? false}`;
  }
  if (kind === 'card') return `${row.studentNumber}|${(row as CardRow).ref}`;
  const a = row as ActivityRow;
  return `${a.studentNumber}|${a.occurredAt.getTime()}|${a.source}`;
}

/**
 * The checks a schema cannot make: the student exists at this school, a grade is on the school's scale (the plugin's
 * GPA formula), a time is not in the future, a row does not repeat another of the batch. Returns the rows with their
 * students resolved, and every error with its row and column.
 */
export function checkFeedRows<F extends FeedKind>(
  kind: F,
  rows: readonly NumberedRow<F>[],
  context: FeedContext,
): { resolved: Resolved<F>[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const resolved: Resolved<F>[] = [];
  const seen = new Map<string, number>();
  const letters = context.formula?.letters ?? [];
  const limit = context.now.getTime() + FUTURE_GRACE_MS;
  for (const { rowNumber, record } of rows) {
    const before = errors.length;
    const at = (key: string) => context.columnOf(key);
    const studentId = context.studentIds.get(record.studentNumber);
    if (!studentId) {
      errors.push({
        row: rowNumber,
        column: at('studentNumber'),
        reason: message('feeds.no-such-student', { studentNumber: record.studentNumber }),
      });
    }
    if (kind === 'grades') {
      const grade = (record as GradeRow).grade;
      if (grade !== undefined && !letters.some((letter) => letter.grade === grade)) {
        errors.push({
          row: rowNumber,
          column: at('grade'),
          reason: message('feeds.grade-outside-scale', { grade, allowed: letters.map((l) => l.grade) }),
        });
      }
    } else if ((record as CardRow | ActivityRow).occurredAt.getTime() > limit) {
      errors.push({ row: rowNumber, column: at('occurredAt'), reason: message('feeds.future-time') });
    }
    const key = keyOf(kind, record);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        row: rowNumber,
        column: at('studentNumber'),
        reason: message('feeds.row-repeated', { first }),
      });
    } else seen.set(key, rowNumber);
    if (errors.length === before && studentId) resolved.push({ ...record, studentId });
  }
  return { resolved, errors };
}

/**
 * Whether a grade passed: as the feed says, else from the score and the formula's pass mark, else from the letter.
 *
 * @example passedOf({ score: 59 }, formula) // false (pass mark 60)
 */
export function passedOf(
  row: Pick<GradeRow, 'passed' | 'score' | 'grade'>,
  formula: GpaFormula | null,
): boolean {
  if (row.passed !== undefined) return row.passed;
  if (row.score !== undefined) return row.score >= (formula?.passMark ?? 60);
  return formula?.letters.find((letter) => letter.grade === row.grade)?.passed ?? false;
}
