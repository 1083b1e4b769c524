import type { CellRow } from './cells.ts';
import { type CsvOptions, csvRows } from './csv.ts';
import { TabularError } from './errors.ts';
import { type HeaderMap, type HeaderOptions, mapHeaders } from './headers.ts';
import { openSource, type TabularSource } from './source.ts';
import { type XlsxOptions, xlsxRows } from './xlsx.ts';
import { overLimit } from './xlsx-limits.ts';

export interface ReadRowsOptions extends HeaderOptions, CsvOptions, XlsxOptions {
  /** Stop with a TabularError after this many data rows (not counting blank rows); default no limit. */
  maxRows?: number;
  /**
   * Stop with a TabularError `over_limit` (`rows-read`) after reading this many rows, blank rows included, so a
   * file of a million empty rows ends at once; default {@link DEFAULT_MAX_ROWS_READ}.
   */
  maxRowsRead?: number;
}

/** Rows read at most by default, blank ones included: twice a 50,000-row wave, and then some. */
export const DEFAULT_MAX_ROWS_READ = 200_000;

/** One data row. `values` has every header's key, '' for an empty cell; cell texts are trimmed. */
export interface TabularRow {
  /** The row number the user sees in the spreadsheet: the header is row 1, the first data row usually row 2. */
  rowNumber: number;
  values: Record<string, string>;
  /** Key → header as written in the file; the same object for every row of a file. */
  headers: Readonly<Record<string, string>>;
  /** Non-empty cells in columns without a header: usually a shifted row. Empty for a well-formed row. */
  strayCells: string[];
}

/**
 * Streams the data rows of a CSV or XLSX file, mapping headers to keys. The header is the first non-blank row;
 * blank rows are skipped but keep their numbers. Memory stays bounded whatever the file size: CSV goes through
 * csv-parse's stream, XLSX through exceljs's streaming reader. File-level problems (format, encoding, a missing
 * required column) throw a TabularError before or while rows flow.
 *
 * @example
 * for await (const row of readRows({ bytes, filename: 'students.xlsx' }, { aliases: { studentNumber: ['学号'] } })) {
 *   row.rowNumber; // 2 for the first data row
 *   row.values.studentNumber; // '2024030127'
 * }
 */
export async function* readRows(
  source: TabularSource,
  options: ReadRowsOptions = {},
): AsyncGenerator<TabularRow> {
  const { format, chunks } = await openSource(source);
  const cellRows = format === 'xlsx' ? xlsxRows(chunks, options) : csvRows(chunks, options);
  let header: HeaderMap | null = null;
  let dataRows = 0;
  let rowsRead = 0;
  const maxRowsRead = options.maxRowsRead ?? DEFAULT_MAX_ROWS_READ;
  for await (const { rowNumber, cells } of cellRows) {
    if (++rowsRead > maxRowsRead) throw overLimit('rows-read', maxRowsRead, rowNumber);
    const trimmed = cells.map((cell) => cell.trim());
    if (trimmed.every((cell) => cell === '')) continue;
    if (header === null) {
      header = mapHeaders(trimmed, options, rowNumber);
      continue;
    }
    if (options.maxRows !== undefined && ++dataRows > options.maxRows)
      throw tooManyRows(options.maxRows, rowNumber);
    yield toRow(header, { rowNumber, cells: trimmed });
  }
  if (header === null) {
    throw new TabularError(
      'empty_file',
      '文件中没有表头行，也没有数据。',
      'The file has no header row and no data.',
    );
  }
}

function toRow(header: HeaderMap, { rowNumber, cells }: CellRow): TabularRow {
  // Filled by index in header order, so every row of a file shares one object shape (a UPI wave has 66 columns);
  // a header such as __proto__ is defined as an own key instead of reaching the prototype.
  const values: Record<string, string> = {};
  const strayCells: string[] = [];
  const { keys } = header;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === '__proto__') Object.defineProperty(values, key, ownValue(cells[i] ?? ''));
    else if (key !== null && key !== undefined) values[key] = cells[i] ?? '';
    else if (cells[i]) strayCells.push(cells[i]!);
  }
  for (let i = keys.length; i < cells.length; i++) if (cells[i]) strayCells.push(cells[i]!);
  return { rowNumber, values, headers: header.written, strayCells };
}

function ownValue(value: string): PropertyDescriptor {
  return { value, enumerable: true, writable: true, configurable: true };
}

function tooManyRows(maxRows: number, rowNumber: number): TabularError {
  return new TabularError(
    'too_many_rows',
    `文件超过 ${maxRows} 行数据的上限，请拆分后分批导入。`,
    `The file has more than ${maxRows} data rows; split it and import the parts.`,
    rowNumber,
  );
}
