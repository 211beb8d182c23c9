/**
 * 生成汇总表, as both hosts write it: where the sheet goes (ours again, found by the defined name
 * SUMMARY_NAME, or a new one under a free name) and the plain cell grid the plan becomes. Each
 * host's adapter (src/excel/summary.ts, src/wps/summary.ts) reads the sheet list, the name and the
 * ledgers' used extents, and writes what these give.
 */
import { newSummarySheetName, summarySheetOf, type SummaryPlan } from "../core/summary";

/** What writeSummary did: the sheet it wrote, and whether it made that sheet now (false: ours, rewritten in place). */
export interface SummaryWrite {
  readonly sheet: string;
  readonly created: boolean;
}

/**
 * The sheet to write: the one SUMMARY_NAME refers to when it is still there (even renamed by the
 * user: the name follows a rename), else a new sheet named 汇总 or the first free 汇总(n). A sheet
 * the name does not point at is the user's, whatever it is called.
 */
export function placeSummary(nameFormula: string | null, sheets: readonly string[]): SummaryWrite {
  const ours = summarySheetOf(nameFormula, sheets);
  return ours !== null ? { sheet: ours, created: false } : { sheet: newSummarySheetName(sheets), created: true };
}

/** The plan's cells as the values a host writes: text as it is (its cell formatted as text first), our formulas, "" for blank. */
export function summaryGrid(plan: SummaryPlan): string[][] {
  return plan.cells.map((row) => row.map((c) => (c === null ? "" : "text" in c ? c.text : c.formula)));
}
