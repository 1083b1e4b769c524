export { type CsvDelimiter, type CsvOptions, sniffDelimiter } from './csv.ts';
export { decodeText, detectEncoding, type TextEncodingOption } from './decode.ts';
export { type RowError, TabularError, type TabularErrorCode } from './errors.ts';
export { type HeaderMap, type HeaderOptions, mapHeaders, normaliseHeader } from './headers.ts';
export { DEFAULT_MAX_ROWS_READ, type ReadRowsOptions, readRows, type TabularRow } from './read-rows.ts';
export type { TabularFormat, TabularSource } from './source.ts';
export {
  type CollectedRows,
  type ColumnOf,
  collectRows,
  type ValidatedRow,
  validateRows,
} from './validate.ts';
export { cellText, type XlsxOptions } from './xlsx.ts';
export { DEFAULT_XLSX_LIMITS, type TabularLimit, type XlsxLimits } from './xlsx-limits.ts';
