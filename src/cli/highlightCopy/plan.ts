/**
 * What the highlighted copy marks, per sheet: the core's mark plan (live start-date marks, guarded
 * marks on status rows and error cells; src/core/marks, which plans within the grid only), and a
 * note on every cell a finding names. The same marks as the pane's highlight in Excel and WPS
 * (src/host/marks.ts), in the same formulas.
 */
import type { Lang } from "../../core/findings";
import { SEVERITY_LABELS } from "../../core/labels";
import type { SheetMarkPlan } from "../../core/marks/mark";
import type { CheckResult } from "../../core/result";
import { findingMessage } from "../../core/rules/catalog";
import { inGrid } from "../../core/sheet";

export interface Note {
  readonly row: number;
  readonly column: number;
  /** One line per finding on the cell. */
  readonly lines: string[];
}

export interface SheetMarks {
  /** The sheet's marks, or null when it has notes only. */
  readonly marks: SheetMarkPlan | null;
  /** By A1 address. */
  readonly notes: ReadonlyMap<string, Note>;
  /** How many rows and cells are marked (for the one line the command prints). */
  readonly count: number;
}

export function planCopy(result: CheckResult, lang: Lang): Map<string, SheetMarks> {
  const notes = new Map<string, Map<string, Note>>();
  for (const f of result.findings) {
    // A workbook can name rows past the grid (ExcelJS reads <row r="99999999">): no note where Excel cannot show one.
    if (!f.sheet || f.row === null || f.column === null || !f.cell || !inGrid(f.row, f.column)) continue;
    const onSheet = notes.get(f.sheet) ?? new Map<string, Note>();
    notes.set(f.sheet, onSheet);
    const note = onSheet.get(f.cell) ?? { row: f.row, column: f.column, lines: [] };
    onSheet.set(f.cell, note);
    note.lines.push(`[${SEVERITY_LABELS[f.severity][lang]}] ${findingMessage(f, lang)}（${f.rule}）`);
  }
  const marks = new Map(result.marks.sheets.map((s) => [s.sheet, s]));
  const plans = new Map<string, SheetMarks>();
  for (const sheet of new Set([...marks.keys(), ...notes.keys()])) {
    const m = marks.get(sheet) ?? null;
    plans.set(sheet, { marks: m, notes: notes.get(sheet) ?? new Map(), count: m?.count ?? 0 });
  }
  return plans;
}
