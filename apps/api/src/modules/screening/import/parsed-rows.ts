import type { Instrument } from '@xinqiao/policy';
import { readRows } from '@xinqiao/tabular';
import { message, type RowError } from '../../../http/problem.ts';
import { instrumentShape } from '../instruments.ts';
import { answerLayout, screeningColumns } from './columns.ts';
import { parseRow, type RowReader, type ScoredRow } from './parse-row.ts';

/** A data row of a wave file, checked and scored, or the reason it was refused. */
export type ParsedRow = ScoredRow | RowError;

/** What to parse: the file's bytes as they arrive, its name (CSV or XLSX), and the wave's instrument. */
export interface ParseRequest {
  stream: AsyncIterable<Uint8Array>;
  filename: string;
  instrument: Instrument;
}

/**
 * Reads a wave file row by row and checks and scores each: answers complete and in range, a readable submission
 * time, and one row per student (a later row of the same student is refused, naming the first). A file that cannot
 * be read at all (format, header, item columns) throws a `TabularError`.
 *
 * @example
 * for await (const row of parsedRows({ stream, filename: 'wave.csv', instrument: 'PHQ-9' })) …
 */
export async function* parsedRows(request: ParseRequest): AsyncGenerator<ParsedRow> {
  let reader: RowReader | undefined;
  let studentNumberColumn = '学号';
  const firstRowOf = new Map<string, number>();
  const rows = readRows(
    { stream: request.stream, filename: request.filename },
    { aliases: screeningColumns, required: ['studentNumber'] },
  );
  for await (const row of rows) {
    if (!reader) {
      const { itemCount } = instrumentShape(request.instrument);
      reader = {
        instrument: request.instrument,
        layout: answerLayout(row.headers, itemCount, request.instrument),
      };
      studentNumberColumn = row.headers.studentNumber ?? studentNumberColumn;
    }
    const parsed = parseRow(row, reader);
    if ('reason' in parsed) {
      yield parsed;
      continue;
    }
    const first = firstRowOf.get(parsed.studentNumber);
    if (first === undefined) {
      firstRowOf.set(parsed.studentNumber, parsed.rowNumber);
      yield parsed;
    } else {
      yield {
        row: parsed.rowNumber,
        column: studentNumberColumn,
        reason: message('screening.number-repeated', { studentNumber: parsed.studentNumber, first }),
      };
    }
  }
}
