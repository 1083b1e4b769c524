import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { CellRow } from './cells.ts';
import { decodeText, type TextEncodingOption } from './decode.ts';
import { TabularError } from './errors.ts';

export type CsvDelimiter = ',' | '\t' | ';';

export interface CsvOptions {
  encoding?: TextEncodingOption;
  /** Default: whichever of comma, tab and semicolon the first line uses most. */
  delimiter?: CsvDelimiter;
}

// A single cell or row this large is a broken quote, not data; stop before it eats memory.
const MAX_RECORD_CHARS = 1 << 20;

/**
 * Streams a CSV file's rows. Row numbers count records, as a spreadsheet shows them: a quoted cell spanning two
 * lines is still one row, and a blank line is a row too (reported with no cells by the caller's choice).
 */
export async function* csvRows(
  chunks: AsyncIterable<Uint8Array>,
  options: CsvOptions = {},
): AsyncGenerator<CellRow> {
  const text = decodeText(chunks, options.encoding ?? 'auto');
  const first = await text.next();
  if (first.done) return;
  const delimiter = options.delimiter ?? sniffDelimiter(first.value);
  async function* replay(): AsyncGenerator<string> {
    yield first.value as string;
    yield* text;
  }
  const input = Readable.from(replay(), { objectMode: false });
  const parser = parse({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      yield { rowNumber, cells: record };
    }
  } catch (error) {
    throw located(error, rowNumber + 1);
  } finally {
    input.destroy();
    parser.destroy();
  }
}

/** The delimiter the header line uses most, among comma, tab and semicolon; comma when none appears. */
export function sniffDelimiter(text: string): CsvDelimiter {
  const end = text.search(/[\r\n]/);
  const line = end < 0 ? text : text.slice(0, end);
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const candidate of [',', '\t', ';'] as const) {
    const count = line.split(candidate).length - 1;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

function located(error: unknown, row: number): unknown {
  if (error instanceof TabularError) {
    return error.row === null ? new TabularError(error.code, error.reason, error.reasonEn, row) : error;
  }
  if (error instanceof CsvError) {
    // The parser fails before handing over the records it buffered; it knows how many came before the bad one.
    if (typeof error.records === 'number') row = error.records + 1;
    return new TabularError(
      'malformed',
      `第 ${row} 行的格式有误（多半是引号没有成对），请检查后重新上传。`,
      `Row ${row} is malformed (${error.message}).`,
      row,
    );
  }
  return error;
}
