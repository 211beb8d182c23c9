/**
 * What the highlight marks and in which colours (DOMAIN.md): the pane's conditional formats and
 * the command line's highlighted copy both take them from here.
 */
import type { CheckResult, StartStatus } from "./result";
import type { MergeArea } from "./sheet";

export type MarkKind = "start-alert" | "start-soon" | "error-cell";
export const MARK_KINDS: readonly MarkKind[] = ["start-alert", "start-soon", "error-cell"];

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

/**
 * The highlight's conditional formats are recognised by their rule, an always-true formula that
 * only zsledger writes (Excel gives conditional formats no tag). The pane and the command line's
 * highlighted copy write the same, so the pane's 清除标记 also clears a copy opened in Excel.
 */
export const MARK_PREFIX = "zsledger-mark:";

/** The condition of a mark's format, without the "=" that Office.js wants and the file format omits. */
export function markCondition(kind: MarkKind): string {
  return `ISTEXT("${MARK_PREFIX}${kind}")`;
}

/** Whether a conditional format's formula is one zsledger wrote. */
export function isMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && formula.includes(`"${MARK_PREFIX}`);
}

/** Consecutive numbers merged into runs: [5, 6, 7, 9] → [[5, 7], [9, 9]]; any order, repeats allowed. */
export function runsOf(numbers: Iterable<number>): [number, number][] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

/** What one sheet gets marked: runs of project rows per status mark, and runs of error cells down each column. */
export interface SheetMarkPlan {
  readonly rows: ReadonlyMap<MarkKind, readonly [number, number][]>;
  readonly errorCells: readonly MergeArea[];
  /** How many rows and cells are marked. */
  readonly count: number;
}

/** The marks of a check, per sheet: the same for the pane and the highlighted copy. */
export function planMarks(result: CheckResult): Map<string, SheetMarkPlan> {
  const rows = new Map<string, Map<MarkKind, Set<number>>>();
  const cells = new Map<string, Map<number, Set<number>>>();
  for (const p of result.projects) {
    const kind = p.status ? STATUS_MARK[p.status] : undefined;
    if (kind) entry(entry(rows, p.sheet, () => new Map()), kind, () => new Set<number>()).add(p.row);
  }
  for (const f of result.findings) {
    if (f.severity !== "error" || !f.sheet || f.row === null || f.column === null) continue;
    entry(entry(cells, f.sheet, () => new Map()), f.column, () => new Set<number>()).add(f.row);
  }
  const plans = new Map<string, SheetMarkPlan>();
  for (const sheet of new Set([...rows.keys(), ...cells.keys()])) {
    const rowRuns = new Map<MarkKind, [number, number][]>();
    let count = 0;
    for (const [kind, set] of rows.get(sheet) ?? []) {
      rowRuns.set(kind, runsOf(set));
      count += set.size;
    }
    const errorCells: MergeArea[] = [];
    for (const [column, inColumn] of [...(cells.get(sheet) ?? [])].sort((a, b) => a[0] - b[0])) {
      for (const [top, bottom] of runsOf(inColumn)) errorCells.push({ top, bottom, left: column, right: column });
      count += inColumn.size;
    }
    plans.set(sheet, { rows: rowRuns, errorCells, count });
  }
  return plans;
}

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
