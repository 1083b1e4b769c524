import {
  collectRows,
  readRows,
  type TabularRow,
  type RowError as TabularRowError,
  validateRows,
} from '@xinqiao/tabular';
import { message, type RowError } from '../../../http/problem.ts';
import { messageOfIssue } from '../../../http/zod-issues.ts';
import {
  importColumns,
  requiredImportColumns,
  type StudentImportRecord,
  StudentImportRow,
} from './columns.ts';
import type { FileColumns } from './plan.ts';

/** The most data rows one import takes: a whole school's intake fits, a runaway file does not. */
export const MAX_IMPORT_ROWS = 50_000;

/** The valid rows of a student file, every bad row, and which optional columns the file has. */
export interface ReadStudentFile {
  records: { rowNumber: number; record: StudentImportRecord }[];
  errors: RowError[];
  errorCount: number;
  columns: FileColumns;
  /** Key → header as the file wrote it, to name columns in errors found after validation. */
  headers: Readonly<Record<string, string>>;
}

/**
 * Reads and validates a CSV or XLSX student file. File-level problems (format, encoding, missing column) throw the
 * tabular package's TabularError; row problems come back as `{row, column, reason}` with the user's header and
 * the reason as a message the API words in the user's language.
 *
 * @example
 * const { records, errors } = await readStudentFile(bytes, 'students.xlsx');
 */
export async function readStudentFile(bytes: Uint8Array, filename: string): Promise<ReadStudentFile> {
  let headers: Readonly<Record<string, string>> = {};
  async function* remember(rows: AsyncIterable<TabularRow>): AsyncGenerator<TabularRow> {
    for await (const row of rows) {
      headers = row.headers;
      yield row;
    }
  }
  const rows = readRows(
    { bytes, filename },
    {
      aliases: importColumns,
      required: requiredImportColumns,
      maxRows: MAX_IMPORT_ROWS,
      // Blank rows count too: a roster has a few, not a million.
      maxRowsRead: MAX_IMPORT_ROWS * 2,
    },
  );
  const collected = await collectRows(validateRows(remember(rows), StudentImportRow), { maxErrors: 1000 });
  return {
    records: collected.records,
    errors: collected.errors.map(rowErrorOf),
    errorCount: collected.errorCount,
    columns: { dorm: Object.hasOwn(headers, 'dorm') },
    headers,
  };
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
