/**
 * What the highlighted copy marks, per sheet: project rows by start-date status, the cells of
 * error findings, and a note on every cell a finding names. The same marks as the pane's
 * highlight (src/excel/highlight.ts), in the colours of src/core/marks.ts.
 */
import type { Lang } from "../../core/findings";
import { SEVERITY_LABELS } from "../../core/labels";
import { planMarks, type MarkKind } from "../../core/marks";
import type { CheckResult } from "../../core/result";
import { findingMessage } from "../../core/rules/catalog";
import type { MergeArea } from "../../core/sheet";

export interface Note {
  readonly row: number;
  readonly column: number;
  /** One line per finding on the cell. */
  readonly lines: string[];
}

export interface SheetMarks {
  /** Rows to mark across the sheet's used columns, by mark kind (start-alert, start-soon). */
  readonly rows: ReadonlyMap<MarkKind, readonly [number, number][]>;
  /** Cells of error findings, as areas (runs down a column). */
  readonly cells: readonly MergeArea[];
  /** By A1 address. */
  readonly notes: ReadonlyMap<string, Note>;
  /** How many rows and cells are marked (for the one line the command prints). */
  readonly count: number;
}

/**
 * Excel's grid. A workbook can name rows past it (ExcelJS reads <row r="99999999">) and a bogus
 * <dimension> columns past XFD: the copy marks only within the grid, where Excel can show a mark.
 */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

const inGrid = (row: number, column: number) => row >= 1 && row <= MAX_ROW && column >= 1 && column <= MAX_COLUMN;

export function planCopy(result: CheckResult, lang: Lang): Map<string, SheetMarks> {
  const notes = new Map<string, Map<string, Note>>();
  for (const f of result.findings) {
    if (!f.sheet || f.row === null || f.column === null || !f.cell || !inGrid(f.row, f.column)) continue;
    const onSheet = notes.get(f.sheet) ?? new Map<string, Note>();
    notes.set(f.sheet, onSheet);
    const note = onSheet.get(f.cell) ?? { row: f.row, column: f.column, lines: [] };
    onSheet.set(f.cell, note);
    note.lines.push(`[${SEVERITY_LABELS[f.severity][lang]}] ${findingMessage(f, lang)}（${f.rule}）`);
  }
  const marks = planMarks(result);
  const plans = new Map<string, SheetMarks>();
  for (const sheet of new Set([...marks.keys(), ...notes.keys()])) {
    const m = marks.get(sheet);
    const rows = new Map([...(m?.rows ?? [])].map(([kind, runs]) => [kind, clampRuns(runs)] as const));
    const cells = (m?.errorCells ?? []).filter((a) => inGrid(a.top, a.left)).map((a) => ({ ...a, bottom: Math.min(a.bottom, MAX_ROW), right: Math.min(a.right, MAX_COLUMN) }));
    // What is marked, counted after the clamp: rows and cells past the grid are not.
    let count = 0;
    for (const runs of rows.values()) for (const [top, bottom] of runs) count += bottom - top + 1;
    for (const a of cells) count += a.bottom - a.top + 1;
    plans.set(sheet, { rows, cells, notes: notes.get(sheet) ?? new Map(), count });
  }
  return plans;
}

function clampRuns(runs: readonly (readonly [number, number])[]): [number, number][] {
  return runs.filter(([top]) => top >= 1 && top <= MAX_ROW).map(([top, bottom]) => [top, Math.min(bottom, MAX_ROW)]);
}
