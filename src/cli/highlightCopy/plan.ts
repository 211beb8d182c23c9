/**
 * What the highlighted copy marks, per sheet: project rows by start-date status, the cells of
 * error findings, and a note on every cell a finding names. The same marks as the pane's
 * highlight (src/excel/highlight.ts), in the colours of src/core/marks.ts.
 */
import type { Lang } from "../../core/findings";
import { SEVERITY_LABELS } from "../../core/labels";
import { MARK_KINDS, STATUS_MARK, type MarkKind } from "../../core/marks";
import type { CheckResult } from "../../core/result";
import { findingMessage } from "../../core/rules/catalog";
import type { MergeArea } from "../../core/sheet";
// Pure helpers of the pane's highlight (no Office.js in that module); they belong in the core in time.
import { runsOf } from "../../excel/areas";

/**
 * The pane recognises its own conditional formats by this always-true formula (MARK_PREFIX in
 * src/excel/highlight.ts): the copy writes the same, so the pane's 清除标记 also clears a copy
 * opened in Excel.
 */
export const MARK_PREFIX = "zsledger-mark:";

export function markFormula(kind: MarkKind): string {
  return `ISTEXT("${MARK_PREFIX}${kind}")`;
}

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

export function planCopy(result: CheckResult, lang: Lang): Map<string, SheetMarks> {
  const rows = new Map<string, Map<MarkKind, Set<number>>>();
  const cells = new Map<string, Map<number, Set<number>>>();
  const notes = new Map<string, Map<string, Note>>();
  const of = <K, V>(m: Map<K, V>, k: K, make: () => V): V => {
    let v = m.get(k);
    if (v === undefined) m.set(k, (v = make()));
    return v;
  };

  for (const p of result.projects) {
    const kind = p.status ? STATUS_MARK[p.status] : undefined;
    if (kind) of(of(rows, p.sheet, () => new Map()), kind, () => new Set<number>()).add(p.row);
  }
  for (const f of result.findings) {
    if (!f.sheet || f.row === null || f.column === null || !f.cell) continue;
    if (f.severity === "error") of(of(cells, f.sheet, () => new Map()), f.column, () => new Set<number>()).add(f.row);
    const note = of(of(notes, f.sheet, () => new Map()), f.cell, () => ({ row: f.row!, column: f.column!, lines: [] as string[] }));
    note.lines.push(`[${SEVERITY_LABELS[f.severity][lang]}] ${findingMessage(f, lang)}（${f.rule}）`);
  }

  const plans = new Map<string, SheetMarks>();
  for (const sheet of new Set([...rows.keys(), ...cells.keys(), ...notes.keys()])) {
    const rowRuns = new Map<MarkKind, [number, number][]>();
    let count = 0;
    for (const kind of MARK_KINDS) {
      const set = rows.get(sheet)?.get(kind);
      if (!set) continue;
      rowRuns.set(kind, runsOf(set));
      count += set.size;
    }
    const cellAreas: MergeArea[] = [];
    for (const [column, inColumn] of [...(cells.get(sheet) ?? [])].sort((a, b) => a[0] - b[0])) {
      for (const [top, bottom] of runsOf(inColumn)) cellAreas.push({ top, bottom, left: column, right: column });
      count += inColumn.size;
    }
    plans.set(sheet, { rows: rowRuns, cells: cellAreas, notes: notes.get(sheet) ?? new Map(), count });
  }
  return plans;
}
