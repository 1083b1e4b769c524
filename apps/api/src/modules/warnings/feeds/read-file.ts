import type { FeedKind } from '@xinqiao/db';
import {
  readRows,
  TabularError,
  type TabularRow,
  type RowError as TabularRowError,
  type TabularSource,
  validateRows,
} from '@xinqiao/tabular';
import type { ZodType } from 'zod';
import { message, type ProblemError, problem, type RowError } from '../../../http/problem.ts';
import { messageOfIssue } from '../../../http/zod-issues.ts';
import type { NumberedRow } from './check.ts';
import { FEED_COLUMNS, FEED_ROWS, REQUIRED_FEED_COLUMNS } from './columns.ts';

/** The most data rows one file takes (a term of a school's card transactions goes through the CLI in parts). */
export const MAX_FEED_ROWS = 1_000_000;

export interface ReadFeedFile<F extends FeedKind> {
  rows: NumberedRow<F>[];
  errors: RowError[];
  /** Key → header as the file wrote it. */
  headers: Readonly<Record<string, string>>;
}

/**
 * Streams a CSV or XLSX feed file (Chinese or English headers) and validates each row against the feed's schema:
 * the typed rows with their spreadsheet row numbers, and every bad row as `{row, column, reason}` in the user's
 * header. A file that cannot be read or is over a limit throws the 400/413 problem naming it. `onRow` hears every
 * row read (the command line's progress bar).
 */
export async function readFeedFile<F extends FeedKind>(
  feed: F,
  source: TabularSource,
  onRow?: (read: number) => void,
): Promise<ReadFeedFile<F>> {
  let headers: Readonly<Record<string, string>> = {};
  let read = 0;
  async function* remember(rows: AsyncIterable<TabularRow>): AsyncGenerator<TabularRow> {
    for await (const row of rows) {
      headers = row.headers;
      if (++read % 10_000 === 0) onRow?.(read);
      yield row;
    }
  }
  const out: ReadFeedFile<F> = { rows: [], errors: [], headers: {} };
  try {
    const rows = readRows(source, {
      aliases: FEED_COLUMNS[feed],
      required: REQUIRED_FEED_COLUMNS[feed],
      maxRows: MAX_FEED_ROWS,
      maxRowsRead: MAX_FEED_ROWS * 2,
    });
    const schema = FEED_ROWS[feed] as unknown as ZodType<NumberedRow<F>['record']>;
    for await (const row of validateRows(remember(rows), schema)) {
      if (row.ok) out.rows.push({ rowNumber: row.rowNumber, record: row.record as NumberedRow<F>['record'] });
      else if (out.errors.length < 1000) out.errors.push(...row.errors.map(rowErrorOf));
    }
  } catch (error) {
    if (error instanceof TabularError) throw fileProblem(error);
    throw error;
  }
  onRow?.(read);
  out.headers = headers;
  return out;
}

function rowErrorOf(error: TabularRowError): RowError {
  const column = error.column ?? '';
  if (error.strayCells) {
    const reason = message('import.stray-cells', {
      count: error.strayCells.length,
      first: error.strayCells[0] ?? '',
    });
    return { row: error.row, column, reason };
  }
  if (error.issue) return { row: error.row, column, reason: messageOfIssue(error.issue) };
  return { row: error.row, column, reason: message('field.invalid') };
}

function fileProblem(error: TabularError): ProblemError {
  const texts = { zh: error.reason, en: error.reasonEn };
  if (error.code === 'over_limit' && error.limit) {
    return problem('import.file-over-limit', texts).withExtensions({
      limit: error.limit.name,
      max: error.limit.max,
    });
  }
  return problem('import.file-unreadable', texts).naming([
    { row: error.row ?? 0, column: error.column ?? '', reason: message('import.file-unreadable', texts) },
  ]);
}
