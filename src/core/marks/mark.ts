/**
 * What a mark is: its kinds and colours (DOMAIN.md), and the shape of the plan that planMarks
 * (plan.ts) makes of a check and every surface renders — the pane's conditional formats in Excel
 * and WPS (src/host/marks.ts), the command line's highlighted copy, the bulletin's colours.
 *
 * The folder: plan.ts decides what is marked; live.ts the live start-date marks and their mirror;
 * guards.ts the guarded marks; formulaText.ts the pieces of the formulas; asOf.ts the as-of date
 * they compare with; formats.ts the plan as conditional formats and how ours are known again.
 */
import type { Day } from "../day";
import type { StartStatus } from "../result";
import type { DateSystem } from "../sheet";
import type { AsOfSource } from "./asOf";

export type MarkKind = "start-alert" | "start-soon" | "error-cell";

export interface MarkStyle {
  /** Fill colour, #RRGGBB. */
  readonly fill?: string;
  readonly font: string;
  readonly border?: string;
}

/**
 * Excel's own presets "light red fill with dark red text" and "yellow fill with dark yellow
 * text", and a red border with dark red text for the cells of error findings.
 */
export const MARK_STYLES: Readonly<Record<MarkKind, MarkStyle>> = {
  "start-alert": { fill: "#FFC7CE", font: "#9C0006" },
  "start-soon": { fill: "#FFEB9C", font: "#9C5700" },
  "error-cell": { font: "#9C0006", border: "#C00000" },
};

/** The statuses a project row is marked for; the others are left as they are. */
export const STATUS_MARK: Readonly<Partial<Record<StartStatus, MarkKind>>> = {
  "missing-planned": "start-alert",
  overdue: "start-alert",
  "due-soon": "start-soon",
};

/** One mark: a condition over the cells of a row, and the rows (or cells of one column) it lies on. */
export interface PlannedMark {
  readonly kind: MarkKind;
  /**
   * Decides its rule from the row's cells (true), or holds only while they are unchanged. A live
   * mark is written as one format over all its areas; a guarded one as one format per run.
   */
  readonly live: boolean;
  /** The condition, with ROW for the row it is evaluated on and ASOF for the as-of date (formulaText.ts). */
  readonly condition: string;
  /** Runs of rows, [top, bottom], ascending. */
  readonly runs: readonly (readonly [number, number])[];
  /** The column of a cell mark; null for a row mark across the sheet's used columns. */
  readonly column: number | null;
}

export interface SheetMarkPlan {
  readonly sheet: string;
  readonly marks: readonly PlannedMark[];
  /** The ledger's first and last column: a row mark's columns where the host does not say. */
  readonly columns: { readonly left: number; readonly right: number };
  /** How many rows and cells the core marks now (what the command line reports). */
  readonly count: number;
}

export interface MarkPlan {
  readonly asOf: AsOfSource;
  /** The as-of day the core used. */
  readonly asOfDay: Day;
  readonly sheets: readonly SheetMarkPlan[];
}

/** What the formulas are decided against: the check's as-of day and due-soon days, the workbook's date system. */
export interface MarkContext {
  readonly asOfDay: Day;
  readonly dueSoonDays: number;
  readonly dateSystem: DateSystem;
}

/** Consecutive numbers merged into runs: [5, 6, 7, 9] → [[5, 7], [9, 9]]; any order, repeats allowed. */
export function runsOf(numbers: Iterable<number>): [number, number][] {
  const list = Array.isArray(numbers) ? (numbers as number[]) : [...numbers];
  // A ledger's rows come in order: sorting 100,000 of them again was a tenth of a check's time.
  const sorted = isAscending(list) ? list : [...new Set(list)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

/** Whether each number is greater than the one before (so none repeats). */
function isAscending(list: readonly number[]): boolean {
  for (let i = 1; i < list.length; i++) if (!(list[i] > list[i - 1])) return false;
  return true;
}
