/** One row of a sheet before headers are applied: its number as the spreadsheet shows it and its cell texts. */
export interface CellRow {
  rowNumber: number;
  cells: string[];
}
