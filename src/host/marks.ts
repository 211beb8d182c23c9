/**
 * The core's mark plan (src/core/marks.ts) as the conditional formats a host writes: per sheet, a
 * list of (condition, areas, style) entries. Each host's highlight writes whatever entries this
 * gives and deletes the formats whose formula is ours (`isMarkFormula`), so a change of the plan
 * (what is marked, with which formula) stays in the core and here.
 */
import { isMarkFormula, markCondition, MARK_KINDS, MARK_STYLES, planMarks, type MarkKind, type MarkStyle } from "../core/marks";
import type { CheckResult } from "../core/result";
import type { MergeArea } from "../core/sheet";

export { isMarkFormula };

/** Columns a row mark spans on a sheet: the used range's, 1-based and inclusive. */
export interface RowSpan {
  readonly left: number;
  readonly right: number;
}

/** One conditional format to write. */
export interface MarkEntry {
  readonly kind: MarkKind;
  /**
   * The condition, without the "=" of Office.js and VBA. A relative reference in it is relative to
   * the top-left cell of the first area, as in the file format (see each host for how it says so).
   */
  readonly condition: string;
  readonly areas: readonly MergeArea[];
  readonly style: MarkStyle;
}

/**
 * What to mark, per sheet, as entries: project rows of the same mark that follow each other form
 * one area across the sheet's used columns (A5:P7), error cells one area per run down a column
 * (E15:E17). Pure; `spanOf` gives a sheet's used columns (null: up to the rightmost error cell).
 */
export function markEntries(result: CheckResult, spanOf: (sheet: string) => RowSpan | null): Map<string, MarkEntry[]> {
  const entries = new Map<string, MarkEntry[]>();
  for (const [sheet, plan] of planMarks(result)) {
    const span = spanOf(sheet) ?? { left: 1, right: Math.max(1, ...plan.errorCells.map((a) => a.right)) };
    const areasOf = (kind: MarkKind): readonly MergeArea[] =>
      kind === "error-cell" ? plan.errorCells : (plan.rows.get(kind) ?? []).map(([top, bottom]) => ({ top, bottom, left: span.left, right: span.right }));
    const list: MarkEntry[] = [];
    for (const kind of MARK_KINDS) {
      const areas = areasOf(kind);
      if (areas.length > 0) list.push({ kind, condition: markCondition(kind), areas, style: MARK_STYLES[kind] });
    }
    entries.set(sheet, list);
  }
  return entries;
}
