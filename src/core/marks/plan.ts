/**
 * What the highlight marks: the plan the check makes once (CheckResult.marks) and every surface
 * renders the same way. A mark is a conditional format whose formula re-tests its cause from the
 * row's own cells, so that a mark a spreadsheet shows is true of the cells it sits on now, with or
 * without the add-in, after a reopen, in any program that evaluates conditional formats:
 *  - live marks (live.ts) decide the start-date rules by themselves;
 *  - guarded marks (guards.ts) hold only while the cells their rule reads are unchanged: where a
 *    live formula cannot decide what the core decided, and on the cells of error findings.
 * A finding a unit has verified (已核实) is not marked; a finding whose rule looks beyond its row
 * (missing-column, duplicates, totals) is not marked either, nor
 * is anything past the spreadsheet grid (a file may name rows there; no program shows them).
 */
import type { Day } from "../day";
import type { Finding, RuleId } from "../findings";
import { columnOf, type Ledger } from "../ledger";
import type { ParsedRow } from "../row";
import type { ProjectAssessment, StartStatus } from "../result";
import { inGrid, MAX_ROW, type DateSystem } from "../sheet";
import type { AsOfSource } from "./asOf";
import { findingGuard } from "./guards";
import { coveredKey, liveLedger } from "./live";
import { runsOf, STATUS_MARK, type MarkContext, type MarkKind, type MarkPlan, type PlannedMark, type SheetMarkPlan } from "./mark";

export interface MarkInput {
  readonly ledgers: readonly { readonly ledger: Ledger; readonly rows: readonly ParsedRow[] }[];
  readonly findings: readonly Finding[];
  readonly projects: readonly ProjectAssessment[];
  readonly asOf: AsOfSource;
  readonly asOfDay: Day;
  readonly dueSoonDays: number;
  readonly dateSystem: DateSystem;
}

/** The marks of a check, per sheet: the same for the pane in Excel and WPS and for the highlighted copy. */
export function planMarks(input: MarkInput): MarkPlan {
  const sheets = new Map<string, SheetBuilder>();
  const sheetOf = (ledger: Ledger) => {
    let b = sheets.get(ledger.sheet);
    if (!b) sheets.set(ledger.sheet, (b = new SheetBuilder(ledger)));
    return b;
  };
  const ctx: MarkContext = { asOfDay: input.asOfDay, dueSoonDays: input.dueSoonDays, dateSystem: input.dateSystem };
  // A verified finding (已核实) is not marked: its start-date status is left out (the live mark is
  // then cut on its row) and its cell gets no guard.
  const findings = input.findings.filter((f) => !f.acknowledgement);
  const verifiedStatus = new Set(input.findings.flatMap((f) => (f.acknowledgement && f.row !== null ? [statusKey(f.sheet, f.row, f.rule)] : [])));
  const statusOf = new Map<string, Map<number, MarkKind>>();
  for (const p of input.projects) {
    const kind = p.status ? STATUS_MARK[p.status] : undefined;
    if (!kind || p.row > MAX_ROW) continue;
    if (verifiedStatus.size > 0 && verifiedStatus.has(statusKey(p.sheet, p.row, STATUS_RULE[p.status!]))) continue;
    let rows = statusOf.get(p.sheet);
    if (!rows) statusOf.set(p.sheet, (rows = new Map()));
    rows.set(p.row, kind);
  }

  // Live start-date marks, and guards on the rows the live formula decides otherwise than the core.
  const covered = new Map<string, ReadonlySet<string>>();
  for (const { ledger, rows } of input.ledgers) {
    if (ledger.kind !== "projects" || !columnOf(ledger, "stage")) continue;
    const b = sheetOf(ledger);
    const status = statusOf.get(ledger.sheet) ?? new Map<number, MarkKind>();
    const live = liveLedger(ledger, rows, status, findings, ctx);
    for (const m of live.marks) b.add(m);
    for (const g of live.guarded) b.guard(g.kind, g.column, g.condition, g.row);
    covered.set(ledger.sheet, live.covered);
    b.count += status.size;
  }

  // Guarded marks on the cells of error findings.
  const rowsOf = new Map<string, Map<number, { ledger: Ledger; row: ParsedRow }>>();
  for (const { ledger, rows } of input.ledgers) {
    const m = new Map<number, { ledger: Ledger; row: ParsedRow }>();
    for (const row of rows) m.set(row.row, { ledger, row });
    rowsOf.set(ledger.sheet, m);
  }
  const markedCells = new Set<string>();
  for (const f of findings) {
    if (f.severity !== "error" || f.row === null || f.column === null || !f.sheet || !inGrid(f.row, f.column)) continue;
    const at = rowsOf.get(f.sheet)?.get(f.row);
    if (!at) continue;
    const guard = findingGuard(f, at.ledger, at.row, ctx);
    if (guard === null) continue;
    const b = sheetOf(at.ledger);
    const key = `${f.sheet}\u0000${f.row}\u0000${f.column}`;
    if (!markedCells.has(key)) {
      markedCells.add(key);
      b.count++;
    }
    if (covered.get(f.sheet)?.has(coveredKey(f.row, f.rule))) continue;
    b.guard("error-cell", f.column, guard, f.row);
  }
  return { asOf: input.asOf, asOfDay: input.asOfDay, sheets: [...sheets.values()].map((b) => b.finish()) };
}

/** The rule whose finding a start-date status that is marked raises on its row. */
const STATUS_RULE: Readonly<Record<StartStatus, RuleId | null>> = {
  "missing-planned": "missing-planned-start",
  overdue: "overdue-start",
  "due-soon": "start-due-soon",
  pending: null,
  started: null,
};

function statusKey(sheet: string, row: number, rule: RuleId | null): string {
  return `${sheet}\u0000${row}\u0000${rule ?? ""}`;
}

class SheetBuilder {
  private readonly marks: PlannedMark[] = [];
  private readonly guards = new Map<string, { kind: MarkKind; column: number | null; condition: string; rows: number[] }>();
  private readonly sheet: string;
  private readonly columns: { left: number; right: number };
  count = 0;

  constructor(ledger: Ledger) {
    this.sheet = ledger.sheet;
    const numbers = ledger.columns.map((c) => c.column);
    this.columns = { left: Math.min(...numbers), right: Math.max(...numbers) };
  }

  add(m: PlannedMark): void {
    this.marks.push(m);
  }

  /** Rows that share a guard's condition (the same snapshots) share one mark. */
  guard(kind: MarkKind, column: number | null, condition: string, row: number): void {
    const key = `${kind}\u0000${column ?? ""}\u0000${condition}`;
    let g = this.guards.get(key);
    if (!g) this.guards.set(key, (g = { kind, column, condition, rows: [] }));
    g.rows.push(row);
  }

  finish(): SheetMarkPlan {
    const guarded = [...this.guards.values()].map((g): PlannedMark => ({ kind: g.kind, live: false, condition: g.condition, runs: runsOf(g.rows), column: g.column }));
    return { sheet: this.sheet, marks: [...this.marks, ...guarded], columns: this.columns, count: this.count };
  }
}
