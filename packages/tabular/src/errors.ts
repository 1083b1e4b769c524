import type { z } from 'zod';

/** Why a whole file cannot be read; row-level problems are `RowError`s from `validateRows` instead. */
export type TabularErrorCode =
  | 'unsupported_format'
  | 'unreadable'
  | 'encoding'
  | 'malformed'
  | 'empty_file'
  | 'missing_header'
  | 'duplicate_header'
  | 'too_many_rows'
  | 'over_limit';

/** A problem with one row's value, as the user sees it: spreadsheet row number and column header. */
export interface RowError {
  row: number;
  /** The header as written in the file; null when the problem is the row as a whole. */
  column: string | null;
  reason: string;
  /** The schema's issue behind `reason`, for callers that say it in the user's language themselves. */
  issue?: z.core.$ZodIssue;
  /** The non-empty cells outside any header, when that is the problem of the row. */
  strayCells?: readonly string[];
}

/**
 * A file that cannot be imported at all. `reason` is Chinese (zh-CN) for the user, `reasonEn` English;
 * `row` and `column` say where, when known, in the user's terms (row 1 is the header row).
 */
export class TabularError extends Error {
  override readonly name = 'TabularError';
  /** For `over_limit`: which limit (`unpacked-bytes`, `shared-strings`, `cell-chars`, `rows-read`…) and its value. */
  limit?: { name: string; max: number };

  constructor(
    readonly code: TabularErrorCode,
    readonly reason: string,
    readonly reasonEn: string,
    readonly row: number | null = null,
    readonly column: string | null = null,
  ) {
    super(`${reason} (${reasonEn})`);
  }

  /** The same problem in the shape row errors have, for one list of problems in an import report. */
  toRowError(): RowError {
    return { row: this.row ?? 0, column: this.column, reason: this.reason };
  }
}
