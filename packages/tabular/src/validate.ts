import type { ZodType } from 'zod';
import type { RowError } from './errors.ts';
import type { TabularRow } from './read-rows.ts';

/** A row checked against a schema: the typed record, or every problem found in it. */
export type ValidatedRow<T> =
  | { ok: true; rowNumber: number; record: T }
  | { ok: false; rowNumber: number; errors: RowError[] };

/**
 * How a schema field is named to the user. Default: the header the file used for that key, else the key.
 * A map or function here overrides it, e.g. for a field built from two columns.
 */
export type ColumnOf =
  | Readonly<Record<string, string>>
  | ((field: string, row: TabularRow) => string | undefined);

/**
 * Checks each row's values against a zod schema, turning every issue into `{ row, column, reason }` with the
 * column as the user's header. The reason is the zod issue message (and `issue` the issue itself, for callers
 * that put it in the user's language).
 * Non-empty cells outside any header are an error of the row. Streams: one row in, one result out.
 *
 * @example
 * for await (const result of validateRows(readRows(source, options), studentRowSchema)) {
 *   if (!result.ok) errors.push(...result.errors);
 * }
 */
export async function* validateRows<T>(
  rows: AsyncIterable<TabularRow> | Iterable<TabularRow>,
  schema: ZodType<T>,
  columnOf?: ColumnOf,
): AsyncGenerator<ValidatedRow<T>> {
  for await (const row of rows) {
    const parsed = schema.safeParse(row.values);
    const errors: RowError[] = [];
    if (row.strayCells.length > 0) {
      errors.push({
        row: row.rowNumber,
        column: null,
        reason: `有 ${row.strayCells.length} 个单元格不在任何表头之下（“${row.strayCells[0]}”），这一行的列可能错位了。`,
        strayCells: row.strayCells,
      });
    }
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length > 0 ? String(issue.path[0]) : null;
        errors.push({
          row: row.rowNumber,
          column: field === null ? null : columnName(field, row, columnOf),
          reason: issue.message,
          issue,
        });
      }
    }
    if (errors.length > 0 || !parsed.success) yield { ok: false, rowNumber: row.rowNumber, errors };
    else yield { ok: true, rowNumber: row.rowNumber, record: parsed.data };
  }
}

function columnName(field: string, row: TabularRow, columnOf: ColumnOf | undefined): string {
  const given = typeof columnOf === 'function' ? columnOf(field, row) : columnOf?.[field];
  return given ?? (Object.hasOwn(row.headers, field) ? row.headers[field]! : field);
}

export interface CollectedRows<T> {
  records: { rowNumber: number; record: T }[];
  /** At most `maxErrors` errors, in row order. */
  errors: RowError[];
  /** How many errors there were in all, including those left out of `errors`. */
  errorCount: number;
  rowCount: number;
}

/**
 * Drains validated rows into the valid records and the errors, for an all-or-nothing import: store the records
 * only when `errorCount` is 0. Keeps at most `maxErrors` errors (default 1000) but counts them all.
 */
export async function collectRows<T>(
  validated: AsyncIterable<ValidatedRow<T>>,
  options: { maxErrors?: number } = {},
): Promise<CollectedRows<T>> {
  const maxErrors = options.maxErrors ?? 1000;
  const result: CollectedRows<T> = { records: [], errors: [], errorCount: 0, rowCount: 0 };
  for await (const row of validated) {
    result.rowCount++;
    if (row.ok) {
      result.records.push({ rowNumber: row.rowNumber, record: row.record });
      continue;
    }
    result.errorCount += row.errors.length;
    for (const error of row.errors) if (result.errors.length < maxErrors) result.errors.push(error);
  }
  return result;
}
