import type ExcelJS from 'exceljs';

/**
 * A new exceljs workbook, loading exceljs on the first download rather than when the server starts: exceljs takes
 * 0.25–0.9 s to load (quiet machine to busy one), which every start paid for files only a few people download
 * (docs/performance.md, start-up).
 *
 * @example
 * const workbook = await newWorkbook();
 * const sheet = workbook.addWorksheet('名单');
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  return new Excel.Workbook();
}
