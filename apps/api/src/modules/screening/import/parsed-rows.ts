import type { Instrument } from '@xinqiao/policy';
import { readRows } from '@xinqiao/tabular';
import type { RowError } from '../../../http/problem.ts';
import { instrumentShape } from '../instruments.ts';
import { answerLayout, screeningColumns } from './columns.ts';
import { parseRow, type RowReader, type ScoredRow } from './parse-row.ts';

/** A data row of a wave file, checked and scored, or the reason it was refused. */
export type ParsedRow = ScoredRow | RowError;

/** Rows of a wave file as they are checked and scored, in file order, a slice at a time. */
export interface ParsedSlice {
  rows: ParsedRow[];
  /** The student-number column as written in the file (for errors about duplicates). */
  studentNumberColumn: string;
}

/** What to parse: the file's bytes as they arrive, its name (CSV or XLSX), and the wave's instrument. */
export interface ParseRequest {
  stream: AsyncIterable<Uint8Array>;
  filename: string;
  instrument: Instrument;
}

/** Rows per slice: the import reports progress after each. */
export const SLICE_ROWS = 500;

/**
 * Reads, checks and scores a wave file in this thread, a slice of {@link SLICE_ROWS} rows at a time. A file that
 * cannot be read at all (format, header) throws a `TabularError`.
 */
export async function* parseInThread(request: ParseRequest): AsyncGenerator<ParsedSlice> {
  let reader: RowReader | undefined;
  let studentNumberColumn = '学号';
  let rows: ParsedRow[] = [];
  const rowStream = readRows(
    { stream: request.stream, filename: request.filename },
    { aliases: screeningColumns, required: ['studentNumber'] },
  );
  for await (const row of rowStream) {
    if (!reader) {
      const { itemCount } = instrumentShape(request.instrument);
      reader = {
        instrument: request.instrument,
        layout: answerLayout(row.headers, itemCount, request.instrument),
      };
      studentNumberColumn = row.headers.studentNumber ?? studentNumberColumn;
    }
    rows.push(parseRow(row, reader));
    if (rows.length >= SLICE_ROWS) {
      yield { rows, studentNumberColumn };
      rows = [];
    }
  }
  if (rows.length > 0) yield { rows, studentNumberColumn };
}
