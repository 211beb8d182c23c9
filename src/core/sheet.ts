/**
 * The sheet model: what Office.js and ExcelJS both can give. A surface turns what it holds
 * into rows of raw values; the core never sees a workbook API.
 */

/** An Excel error value such as #REF! or #N/A, kept apart from text that merely looks like one. */
export interface CellError {
  readonly error: string;
}

/**
 * One cell as Excel gives it: numbers (serial dates included), text, booleans, blanks,
 * Date objects (ExcelJS reads date-formatted cells as UTC-midnight dates) and error values.
 */
export type CellValue = number | string | boolean | Date | CellError | null | undefined;

/** One worksheet row. `values[0]` is column A, whatever the used range's first column was. */
export interface SheetRow {
  /** 1-based Excel row number. Rows may skip numbers (a streamed sheet omits empty rows). */
  readonly row: number;
  readonly values: readonly CellValue[];
}

/** A merged area, 1-based and inclusive, as Excel names it (B3:D3 is top 3, left 2, bottom 3, right 4). */
export interface MergeArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export type DateSystem = 1900 | 1904;

/** What is known of a sheet before its rows arrive. */
export interface SheetMeta {
  readonly name: string;
  /** Merged areas where the source knows them (the streaming reader does not). */
  readonly merges?: readonly MergeArea[];
  readonly hidden?: boolean;
}

/** A whole sheet in memory, for surfaces that hold one (Office.js, tests). */
export interface SheetInput extends SheetMeta {
  readonly rows: Iterable<SheetRow>;
}

export interface WorkbookInput {
  /** The file name or workbook title, used to infer the unit's kind and name. */
  readonly name?: string;
  readonly dateSystem?: DateSystem;
  readonly sheets: Iterable<SheetInput>;
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as CellError).error === "string";
}

/** Blank as a person sees it: nothing, or only spaces. */
export function isBlank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") return v.trim() === "";
  return false;
}

/** Turns a dense grid (Office.js `range.values`) into rows, given where the grid starts. */
export function* gridRows(grid: readonly (readonly CellValue[])[], firstRow = 1, firstColumn = 1): Iterable<SheetRow> {
  const pad: CellValue[] = new Array(firstColumn - 1).fill(null);
  for (let i = 0; i < grid.length; i++) {
    yield { row: firstRow + i, values: firstColumn > 1 ? pad.concat(grid[i] as CellValue[]) : grid[i] };
  }
}

/** "A", "B", …, "Z", "AA" for a 1-based column number. */
export function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The grid of Excel (2007 on), WPS表格 and LibreOffice (7.4 on): a workbook may name rows and
 * columns past it (a file's <row r="99999999">), but no program shows a mark or a note there.
 */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

export function inGrid(row: number, column: number): boolean {
  return row >= 1 && row <= MAX_ROW && column >= 1 && column <= MAX_COLUMN;
}

/** A1 address for a 1-based row and column. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** "A5:P7", or "C9" for a single cell; 1-based, inclusive. */
export function areaAddress(a: MergeArea): string {
  const start = cellAddress(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? start : `${start}:${cellAddress(a.bottom, a.right)}`;
}
