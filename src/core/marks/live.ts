/**
 * Live start-date marks: formulas that decide the start-date rules by themselves (signed stage, no
 * actual start, and a blank planned start or a date one before the as-of date / within the
 * due-soon days). They lie over a projects ledger's data rows and some blank rows below (never
 * into its footer), so a row signed later lights up with the add-in closed, and a row inserted or
 * sorted into the ledger is judged by its own cells.
 *
 * Where the live formula would say TRUE on a row that the core does not mark so, that row is cut
 * out of the live mark's areas, and where the core marks a row the formula would not, the row gets
 * a guarded mark (guards.ts): planning evaluates the live formula in TypeScript on every data row
 * (`liveKindOf`, the mirror; test/core/marks.test.ts proves it against a formula engine).
 */
import { dayFromSerial } from "../day";
import type { Finding } from "../findings";
import { columnOf, type Ledger } from "../ledger";
import type { ParsedRow } from "../row";
import { MAX_COLUMN, MAX_ROW, type CellValue } from "../sheet";
import { ASOF, blankText, cellNumber, dateRangeText, isBlankCell, isDateSerial, isSignedCell, numberText, ref, signedText } from "./formulaText";
import { statusGuard, type StatusColumns } from "./guards";
import { runsOf, type MarkContext, type MarkKind, type PlannedMark } from "./mark";

/** Blank rows below a projects ledger's last data row that its live marks also cover. */
const HEADROOM_ROWS = 100;

/** A mark the live formula does not decide: held by a guard on one row. */
interface GuardedRow {
  readonly kind: MarkKind;
  readonly column: number | null;
  readonly condition: string;
  readonly row: number;
}

export interface LiveLedger {
  readonly marks: PlannedMark[];
  readonly guarded: GuardedRow[];
  /** The start-date error findings (row and rule) the live error-cell mark shows already: no guard of their own. */
  readonly covered: ReadonlySet<string>;
}

/** The key of a finding in LiveLedger.covered. */
export function coveredKey(row: number, rule: string): string {
  return `${row}\u0000${rule}`;
}

/** The live marks of a projects ledger with a stage column, and the guards where they do not decide. */
export function liveLedger(ledger: Ledger, rows: readonly ParsedRow[], status: ReadonlyMap<number, MarkKind>, findings: readonly Finding[], ctx: MarkContext): LiveLedger {
  const cols: StatusColumns = {
    stage: columnOf(ledger, "stage")!.column,
    planned: columnOf(ledger, "plannedStart")?.column ?? null,
    actual: columnOf(ledger, "actualStart")?.column ?? null,
  };
  // Where the project-row rules put missing-planned-start and overdue-start.
  const errorColumn = cols.planned ?? (columnOf(ledger, "name") ?? ledger.columns[0]).column;
  if (Math.max(cols.stage, cols.planned ?? 0, cols.actual ?? 0, errorColumn) > MAX_COLUMN) return { marks: [], guarded: [], covered: new Set() };
  const startErrors = new Set<number>();
  for (const f of findings) {
    if (f.sheet === ledger.sheet && f.row !== null && f.column === errorColumn && (f.rule === "missing-planned-start" || f.rule === "overdue-start")) startErrors.add(f.row);
  }

  const liveRows = rows.map((r) => r.row).filter((r) => r <= MAX_ROW);
  const last = liveRows.length > 0 ? liveRows[liveRows.length - 1] : Math.max(...ledger.headerRows);
  const stop = Math.min(last + HEADROOM_ROWS, (ledger.afterData ?? Infinity) - 1, MAX_ROW);
  for (let r = last + 1; r <= stop; r++) liveRows.push(r);
  // A 合计 or 小计 row below data rows joins the areas (where the live formula is false on it, as on
  // any total row): a row inserted right above it then falls inside an area, which the spreadsheet widens.
  const first = liveRows.length > 0 ? liveRows[0] : Infinity;
  for (const t of ledger.totals) {
    if (t.row <= first || t.row > (ledger.afterData ?? Infinity) || t.row > MAX_ROW) continue;
    if (liveKindOf({ stage: t.cells.stage, planned: t.cells.plannedStart, actual: t.cells.actualStart }, cols, ctx) === null) liveRows.push(t.row);
  }

  const cut: Record<"start-alert" | "start-soon", Set<number>> = { "start-alert": new Set(), "start-soon": new Set() };
  const errorCut = new Set<number>();
  const guarded: GuardedRow[] = [];
  const covered = new Set<string>();
  for (const r of rows) {
    if (r.row > MAX_ROW) break;
    const live = liveKindOf({ stage: r.raw?.stage, planned: r.raw?.plannedStart, actual: r.raw?.actualStart }, cols, ctx);
    const core = status.get(r.row);
    if (live && live !== core) cut[live].add(r.row);
    if (core && core !== live) guarded.push({ kind: core, column: null, condition: statusGuard(r, core, cols, ctx), row: r.row });
    // The error cell of a start alert is marked live where the row's alert is, and guarded otherwise (findingGuard).
    const error = startErrors.has(r.row);
    if (live === "start-alert" && !error) errorCut.add(r.row);
    if (live === "start-alert" && error) for (const rule of ["missing-planned-start", "overdue-start"]) covered.add(coveredKey(r.row, rule));
  }

  // In row order once (a total row went in last), so that each mark's runs need no sort of their own.
  const ordered = [...new Set(liveRows)].sort((a, b) => a - b);
  const runsWithout = (skip: ReadonlySet<number>) => runsOf(skip.size === 0 ? ordered : ordered.filter((r) => !skip.has(r)));
  const marks: PlannedMark[] = [
    { kind: "start-alert", live: true, condition: liveCondition("start-alert", cols, ctx), runs: runsWithout(cut["start-alert"]), column: null },
  ];
  if (cols.planned !== null) {
    marks.push({ kind: "start-soon", live: true, condition: liveCondition("start-soon", cols, ctx), runs: runsWithout(cut["start-soon"]), column: null });
  }
  marks.push({ kind: "error-cell", live: true, condition: liveCondition("start-alert", cols, ctx), runs: runsWithout(errorCut), column: errorColumn });
  return { marks: marks.filter((m) => m.runs.length > 0), guarded, covered };
}

/** The live formula's condition for a projects ledger (ROW and ASOF placeholders). */
export function liveCondition(kind: "start-alert" | "start-soon", cols: StatusColumns, ctx: Pick<MarkContext, "dueSoonDays">): string {
  const parts = [signedText(ref(cols.stage))];
  if (cols.actual !== null) parts.push(blankText(ref(cols.actual)));
  if (cols.planned !== null) {
    const p = ref(cols.planned);
    parts.push(
      kind === "start-alert"
        ? `IF(ISNUMBER(${p}),AND(${dateRangeText(p)},INT(${p})<${ASOF}),${blankText(p)})`
        : `IF(ISNUMBER(${p}),AND(${dateRangeText(p)},INT(${p})>=${ASOF},INT(${p})<=${ASOF}+${numberText(ctx.dueSoonDays)}),FALSE)`,
    );
  } else if (kind === "start-soon") parts.push("FALSE");
  return `AND(${parts.join(",")})`;
}

/** The raw cells the live formula reads on one row. */
export interface LiveCells {
  readonly stage: CellValue;
  readonly planned: CellValue;
  readonly actual: CellValue;
}

/**
 * What the live formula evaluates to on these cells (the mirror): the mark it shows, or null.
 * Cells as a spreadsheet holds them: a Date is the serial number a date cell holds.
 */
export function liveKindOf(cells: LiveCells, cols: Pick<StatusColumns, "planned" | "actual">, ctx: MarkContext): "start-alert" | "start-soon" | null {
  if (!isSignedCell(cells.stage)) return null;
  if (cols.actual !== null && !isBlankCell(cells.actual)) return null;
  if (cols.planned === null) return "start-alert";
  const serial = cellNumber(cells.planned, ctx.dateSystem);
  if (serial === null) return isBlankCell(cells.planned) ? "start-alert" : null;
  if (!isDateSerial(serial, ctx.dateSystem)) return null;
  const day = dayFromSerial(serial, ctx.dateSystem);
  if (day < ctx.asOfDay) return "start-alert";
  return day <= ctx.asOfDay + ctx.dueSoonDays ? "start-soon" : null;
}
