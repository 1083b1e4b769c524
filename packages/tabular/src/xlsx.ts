import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { CellRow } from './cells.ts';
import { TabularError } from './errors.ts';
import { checkXlsxLimits, DEFAULT_XLSX_LIMITS, overLimit, type XlsxLimits } from './xlsx-limits.ts';

export interface XlsxOptions {
  /** The worksheet to read, by name; default the first worksheet in the file. */
  sheet?: string;
  /** What the file may unpack to (default {@link DEFAULT_XLSX_LIMITS}); checked before exceljs reads a byte. */
  xlsxLimits?: Partial<XlsxLimits>;
}

/**
 * Streams the rows of one worksheet with exceljs's streaming WorkbookReader. Row numbers are the sheet's own, so
 * rows Excel leaves out of the file (never typed in) are simply absent. The packed file is collected first (at most
 * `maxPackedBytes`) and checked against the limits (xlsx-limits.ts): exceljs has none of its own. A cell longer
 * than `maxCellChars` stops the file.
 */
export async function* xlsxRows(
  chunks: AsyncIterable<Uint8Array>,
  options: XlsxOptions = {},
): AsyncGenerator<CellRow> {
  const limits = { ...DEFAULT_XLSX_LIMITS, ...options.xlsxLimits };
  const bytes = await collect(chunks, limits.maxPackedBytes);
  await checkXlsxLimits(bytes, limits);
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)], {
    objectMode: false,
  });
  // styles: 'cache' lets exceljs see date formats and hand dates over as Date values.
  // Loaded on first use: exceljs takes ~0.2 s to load, which a CSV import (or its parsing thread) need not pay.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheetNames: string[] = [];
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      sheetNames.push(name);
      if (options.sheet !== undefined && name !== options.sheet) continue;
      for await (const row of worksheet) {
        const values = row.values as ExcelJS.CellValue[];
        // row.values is 1-based (index 1 is column A) and sparse.
        const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) =>
          cellText(values[i + 1]),
        );
        if (cells.some((cell) => cell.length > limits.maxCellChars))
          throw overLimit('cell-chars', limits.maxCellChars, row.number);
        yield { rowNumber: row.number, cells };
      }
      return;
    }
  } catch (error) {
    if (error instanceof TabularError) throw error;
    throw new TabularError(
      'unreadable',
      '无法读取这个 .xlsx 文件，它可能已损坏或受密码保护。请在 Excel 中打开后重新保存，或另存为 CSV。',
      `The .xlsx file cannot be read (${error instanceof Error ? error.message : String(error)}).`,
    );
  } finally {
    input.destroy();
  }
  throw new TabularError(
    'empty_file',
    options.sheet === undefined
      ? '文件中没有工作表。'
      : `文件中没有名为“${options.sheet}”的工作表（现有：${sheetNames.join('、')}）。`,
    options.sheet === undefined ? 'The workbook has no worksheet.' : `No worksheet named "${options.sheet}".`,
  );
}

/**
 * A cell's value as the text a user sees: numbers to Excel's 15 significant digits, dates as YYYY-MM-DD (with the time if any),
 * formulas by their result, rich text joined, error cells as their code (#N/A).
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // Excel shows 15 significant digits; the file may store 1.1 as 1.1000000000000001.
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

// exceljs turns a date serial into the wall-clock time expressed in UTC.
function dateText(date: Date): string {
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** The whole packed file (a ZIP's directory is at its end), refused once it passes `max` bytes. */
async function collect(chunks: AsyncIterable<Uint8Array>, max: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > max) throw overLimit('packed-bytes', max);
    parts.push(chunk);
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
}
