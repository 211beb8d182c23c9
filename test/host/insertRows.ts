/**
 * What inserting rows does to a sheet, the same in every host's fake: cells, merged areas, hidden
 * rows and conditional formats below move down; a format whose areas span the insertion grows;
 * references in a format's formula to the moved rows move with them, "$" or not.
 */
import type { MergeArea } from "../../src/core/sheet";

/** The part of a fake's sheet that inserting rows moves. */
interface RowsOfSheet<C> {
  cells: Record<string, C>;
  merges: MergeArea[];
  hiddenRows?: number[];
  cfs: { areas: MergeArea[] }[];
}

/**
 * Inserts `count` blank rows before row `at` (cells keyed "row,column"); returns where a row went,
 * for the caller to move what its host keeps of its own (formulas, anchors).
 */
export function insertBlankRows<C>(sheet: RowsOfSheet<C>, at: number, count: number): (row: number) => number {
  const moved = (row: number) => (row >= at ? row + count : row);
  const cells: Record<string, C> = {};
  for (const [k, cell] of Object.entries(sheet.cells)) {
    const [row, column] = k.split(",").map(Number);
    cells[`${moved(row)},${column}`] = cell;
  }
  sheet.cells = cells;
  const move = (a: MergeArea): MergeArea => (a.top >= at ? { ...a, top: a.top + count, bottom: a.bottom + count } : a.bottom >= at ? { ...a, bottom: a.bottom + count } : a);
  sheet.merges = sheet.merges.map(move);
  if (sheet.hiddenRows) sheet.hiddenRows = sheet.hiddenRows.map(moved);
  for (const cf of sheet.cfs) cf.areas = cf.areas.map(move);
  return moved;
}

/** The A1 references of a formula (outside its string literals) with their rows mapped, "$" or not. */
export function shiftRows(formula: string, map: (row: number) => number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(^|[^A-Za-z0-9_.!$])(\$?[A-Z]{1,3}\$?)(\d+)(?![\d(A-Za-z_])/g, (_m, pre: string, col: string, row: string) => `${pre}${col}${map(Number(row))}`)))
    .join("");
}
